import { randomUUID } from "node:crypto";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApplicationRecord, EvidenceItem } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { evidenceRepository } from "../../functions/adapters/dynamodb/evidence-repository";
import {
  deleteObject,
  describeObject,
  evidenceObjectKey,
  presignDownload,
  presignUpload,
  readObject,
} from "../../functions/adapters/s3/evidence-objects";
import type { DomainError } from "../../functions/core/errors";
import type { EvidenceContentType } from "../../functions/core/forms";
import { inspectEvidence } from "../../functions/services/evidence-inspection";
import { imagesToPdf } from "../../functions/services/evidence-pdf";
import { makeJpeg, makePdf, makePng, makeText } from "../support/evidence-files";
import { useFreshTable } from "../support/table";

const MAX = 64 * 1024;

async function refusal(bytes: Uint8Array, declared: EvidenceContentType, max = MAX): Promise<DomainError> {
  return inspectEvidence(bytes, declared, max).then(
    () => {
      throw new Error("the file was accepted");
    },
    (error: DomainError) => error,
  );
}

describe("R7.3 evidence is judged by its bytes (DESIGN.md §6)", () => {
  it("accepts a real PDF with its page count and SHA-256, and real PNG and JPEG images", async () => {
    const pdf = await makePdf(3);
    const inspected = await inspectEvidence(pdf, "application/pdf", MAX);
    expect(inspected).toMatchObject({ contentType: "application/pdf", pageCount: 3, size: pdf.length });
    expect(inspected.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await inspectEvidence(makePng(), "image/png", MAX)).toMatchObject({ pageCount: 1 });
    expect(await inspectEvidence(makeJpeg(), "image/jpeg", MAX)).toMatchObject({ contentType: "image/jpeg" });
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, EvidenceContentType, string]>([
    ["a PNG sent as a PDF", makePng, "application/pdf", "EVIDENCE_TYPE_MISMATCH"],
    ["a JPEG sent as a PNG", makeJpeg, "image/png", "EVIDENCE_TYPE_MISMATCH"],
    ["a text file named .pdf", makeText, "application/pdf", "EVIDENCE_TYPE_NOT_ALLOWED"],
    ["an empty file", () => new Uint8Array(), "application/pdf", "EVIDENCE_EMPTY"],
    [
      "a PDF cut short in the upload",
      async () => (await makePdf(2)).slice(0, 600),
      "application/pdf",
      "EVIDENCE_PDF_UNREADABLE",
    ],
    [
      "a PDF missing its last bytes",
      async () => {
        const pdf = await makePdf(2);
        return pdf.slice(0, pdf.length - 40);
      },
      "application/pdf",
      "EVIDENCE_PDF_UNREADABLE",
    ],
  ])("R7.3 refuses %s with a Chinese message", async (_, make, declared, code) => {
    const error = await refusal(await make(), declared);
    expect(error).toMatchObject({ code, kind: "rule_violation", details: { rule: "R7.3" } });
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("refuses a file over the configured maximum, naming both sizes", async () => {
    const pdf = await makePdf(1);
    const error = await refusal(pdf, "application/pdf", pdf.length - 1);
    expect(error.code).toBe("EVIDENCE_TOO_LARGE");
    expect(error.message).toContain("超过上限");
  });

  it("R7.3 merges ordered images into one PDF, one page per image, in order", async () => {
    const pdf = await imagesToPdf([
      { bytes: makePng(30, 10), contentType: "image/png" },
      { bytes: makeJpeg(), contentType: "image/jpeg" },
      { bytes: makePng(10, 30), contentType: "image/png" },
    ]);
    expect(await inspectEvidence(pdf, "application/pdf", MAX)).toMatchObject({ pageCount: 3 });
    const pages = (await PDFDocument.load(pdf)).getPages().map((page) => page.getWidth() > page.getHeight());
    expect(pages).toEqual([true, false, false]);
    await expect(imagesToPdf([{ bytes: makeText(), contentType: "image/png" }])).rejects.toMatchObject({
      code: "EVIDENCE_MERGE_FAILED",
    });
  });
});

describe("evidence objects on the local S3 server", () => {
  beforeAll(async () => {
    process.env.EVIDENCE_BUCKET = `evidence-${randomUUID().slice(0, 8)}`;
    await new S3Client({ forcePathStyle: true }).send(
      new CreateBucketCommand({ Bucket: process.env.EVIDENCE_BUCKET }),
    );
  });

  it("uploads through a presigned POST on 127.0.0.1, reads back, downloads by presigned GET and deletes", async () => {
    const key = evidenceObjectKey({
      scope: { roundId: "2024", generation: 3 },
      applicationId: randomUUID(),
      slotId: "annual_assessment",
      place: { year: 2021 },
      evidenceId: randomUUID(),
      contentType: "application/pdf",
    });
    expect(key).toMatch(
      /^rounds\/2024\/g3\/applications\/[0-9a-f-]+\/annual_assessment\/y2021\/[0-9a-f-]+\.pdf$/,
    );
    const upload = await presignUpload({
      key,
      contentType: "application/pdf",
      maxBytes: MAX,
      expiresInSeconds: 300,
    });
    expect(new URL(upload.url).hostname).toBe("127.0.0.1");
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? "", "base64").toString("utf8")) as {
      expiration: string;
      conditions: unknown[];
    };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", 1, MAX],
        ["eq", "$Content-Type", "application/pdf"],
        { key },
      ]),
    );
    expect(Date.parse(policy.expiration) - Date.now()).toBeLessThanOrEqual(10 * 60 * 1000);

    const pdf = await makePdf(2);
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob([pdf]), "年度考核.pdf");
    expect((await fetch(upload.url, { method: "POST", body: form })).status).toBeLessThan(300);

    const stored = await describeObject(key);
    // The local S3 server keeps no versions: S3 answers no version id, and none is recorded.
    expect(stored).toEqual({ size: pdf.length });
    expect(Buffer.from(await readObject(key, undefined))).toEqual(Buffer.from(pdf));
    const download = await fetch(await presignDownload(key, undefined, 60));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(pdf));

    await deleteObject(key);
    expect(await describeObject(key)).toBeUndefined();
  });
});

describe("evidence records on DynamoDB Local", () => {
  let application: ApplicationRecord;
  const applicant = { id: "", role: "applicant" as const };

  beforeAll(async () => {
    await useFreshTable();
    const at = "2024-09-12T02:00:00.000Z";
    application = {
      applicationId: randomUUID(),
      scope: { roundId: "2024", generation: 3 },
      applicantId: randomUUID(),
      unitId: "unit-a",
      state: "draft",
      version: 1,
      baseInfo: null,
      confirmedSections: [],
      evidenceRevision: 0,
      submissions: 0,
      departmentReturns: 0,
      createdAt: at,
      updatedAt: at,
    };
    applicant.id = application.applicantId;
    await applicationRepository.create(application, applicant);
  });

  const pending = (slotId: EvidenceItem["slotId"], contentType: EvidenceContentType): EvidenceItem => ({
    evidenceId: randomUUID(),
    slotId,
    status: "pending",
    contentType,
    fileName: "scan",
    objectKey: `rounds/2024/g3/${randomUUID()}`,
    declaredSize: 100,
    requestedAt: new Date().toISOString(),
    uploadExpiresAt: new Date().toISOString(),
    completeBy: new Date().toISOString(),
  });

  it("every change of the uploads moves the upload revision the submission pins", async () => {
    const now = new Date("2024-09-12T03:00:00Z");
    const images = [pending("post_usage", "image/png"), pending("post_usage", "image/jpeg")];
    for (const image of images) await evidenceRepository.requested(application, image, applicant, now);
    for (const image of images) {
      await evidenceRepository.verified(
        application,
        { ...image, status: "verified", sha256: "00", size: 5 },
        applicant,
        now,
      );
    }
    // Verifying twice is refused: an upload becomes evidence once.
    const [first] = images;
    if (!first) throw new Error("no image");
    await expect(
      evidenceRepository.verified(application, { ...first, status: "verified" }, applicant, now),
    ).rejects.toMatchObject({ code: "EVIDENCE_CHANGED" });

    const listed = await evidenceRepository.list(application);
    const merged: EvidenceItem = {
      ...pending("post_usage", "application/pdf"),
      status: "verified",
      sha256: "11",
      size: 9,
    };
    await evidenceRepository.merged(application, merged, listed, applicant, now);
    expect((await evidenceRepository.list(application)).map((item) => item.evidenceId)).toEqual([
      merged.evidenceId,
    ]);
    await evidenceRepository.removed(application, merged, applicant, now);
    expect(await evidenceRepository.list(application)).toEqual([]);
    const head = await applicationRepository.get(application.scope, application.applicationId);
    expect(head?.evidenceRevision).toBe(6);
    expect(head?.version).toBe(1);
  });

  it("R7.3 no upload slips in once the application has left the applicant's desk", async () => {
    const submitted = { ...application, state: "submitted" as const };
    await expect(
      evidenceRepository.requested(
        submitted,
        pending("post_usage", "application/pdf"),
        applicant,
        new Date(),
      ),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
  });
});
