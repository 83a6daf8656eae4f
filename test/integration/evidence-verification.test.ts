import { createHash, randomUUID } from "node:crypto";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApplicationRecord, EvidenceItem } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { evidenceRepository } from "../../functions/adapters/dynamodb/evidence-repository";
import { s3 as functionsS3 } from "../../functions/adapters/s3/client";
import { incomingObjectKey, verifiedObjectKey } from "../../functions/adapters/s3/evidence-keys";
import {
  presignDownload,
  presignUpload,
  readVerifiedObject,
} from "../../functions/adapters/s3/evidence-objects";
import type { DomainError } from "../../functions/core/errors";
import type { EvidenceContentType } from "../../functions/core/forms";
import { completeUpload } from "../../functions/services/evidence-completion";
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

  const placement = () => ({
    scope: { roundId: "2024", generation: 3 },
    applicationId: randomUUID(),
    slotId: "annual_assessment",
    place: { year: 2021 },
    evidenceId: randomUUID(),
  });

  it("DESIGN.md §6 uploads go to incoming keys, verified copies are named by their SHA-256", () => {
    const where = placement();
    expect(incomingObjectKey(where, "application/pdf")).toBe(
      `incoming/rounds/2024/g3/applications/${where.applicationId}/annual_assessment/y2021/${where.evidenceId}.pdf`,
    );
    expect(verifiedObjectKey(where, "image/png", "ab".repeat(32))).toBe(
      `verified/rounds/2024/g3/applications/${where.applicationId}/annual_assessment/y2021/${where.evidenceId}/${"ab".repeat(32)}.png`,
    );
  });

  it("DESIGN.md §6 presigns uploads for incoming keys only, and reads and downloads verified keys only", async () => {
    const where = placement();
    const now = new Date();
    await expect(
      presignUpload({
        key: verifiedObjectKey(where, "application/pdf", "00".repeat(32)),
        contentType: "application/pdf",
        maxBytes: MAX,
        expiresInSeconds: 300,
        now,
      }),
    ).rejects.toThrow(/incoming keys/);
    const incoming = incomingObjectKey(where, "application/pdf");
    await expect(presignDownload({ objectKey: incoming }, 60, now)).rejects.toThrow(/verified keys only/);
    await expect(readVerifiedObject(incoming, undefined)).rejects.toThrow(/verified keys only/);
  });

  it("R3.1 a ticket states the instant its policy expires, signed by the clock it is given", async () => {
    const now = new Date("2024-10-20T15:59:30.750Z");
    const upload = await presignUpload({
      key: incomingObjectKey(placement(), "application/pdf"),
      contentType: "application/pdf",
      maxBytes: MAX,
      expiresInSeconds: 300,
      now,
    });
    expect(new URL(upload.url).hostname).toBe("127.0.0.1");
    const policy = JSON.parse(Buffer.from(upload.fields.Policy ?? "", "base64").toString("utf8")) as {
      expiration: string;
      conditions: unknown[];
    };
    // S3 keeps whole seconds: the answer states the policy's own instant, not now + 300 s to the millisecond.
    expect(upload.expiresAt).toBe("2024-10-20T16:04:30.000Z");
    expect(Date.parse(policy.expiration)).toBe(Date.parse(upload.expiresAt));
    expect(upload.fields["X-Amz-Date"]).toBe("20241020T155930Z");
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ["content-length-range", 1, MAX],
        ["eq", "$Content-Type", "application/pdf"],
      ]),
    );
    const download = await presignDownload(
      { objectKey: verifiedObjectKey(placement(), "application/pdf", "00".repeat(32)) },
      300,
      now,
    );
    expect(new URL(download.url).searchParams.get("X-Amz-Date")).toBe("20241020T155930Z");
    expect(download.expiresAt).toBe("2024-10-20T16:04:30.000Z");
  });
});

describe("quarantine, then verified: completing an upload (DESIGN.md §6)", () => {
  let application: ApplicationRecord;
  const applicant = { id: "", role: "applicant" as const };
  const s3 = new S3Client({ forcePathStyle: true });

  beforeAll(async () => {
    await useFreshTable();
    process.env.EVIDENCE_BUCKET = `quarantine-${randomUUID().slice(0, 8)}`;
    await s3.send(new CreateBucketCommand({ Bucket: process.env.EVIDENCE_BUCKET }));
    application = await draftApplication();
    applicant.id = application.applicantId;
  });

  /** Asks for an upload at `now` as the route does; answers the record and its presigned POST. */
  async function requested(slotId: EvidenceItem["slotId"], contentType: EvidenceContentType, now: Date) {
    const evidenceId = randomUUID();
    const incomingKey = incomingObjectKey(
      { scope: application.scope, applicationId: application.applicationId, slotId, place: {}, evidenceId },
      contentType,
    );
    const upload = await presignUpload({
      key: incomingKey,
      contentType,
      maxBytes: MAX,
      expiresInSeconds: 300,
      now,
    });
    const item: EvidenceItem = {
      evidenceId,
      slotId,
      status: "pending",
      contentType,
      fileName: "scan",
      incomingKey,
      declaredSize: 100,
      requestedAt: now.toISOString(),
      uploadExpiresAt: upload.expiresAt,
      completeBy: new Date(now.getTime() + 15 * 60_000).toISOString(),
    };
    await evidenceRepository.requested(application, item, applicant, now);
    return { item, upload };
  }

  async function post(upload: { url: string; fields: Record<string, string> }, bytes: Uint8Array) {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append("file", new Blob([bytes]), "scan");
    const response = await fetch(upload.url, { method: "POST", body: form });
    expect(response.status).toBeLessThan(300);
  }

  async function keysOf(item: EvidenceItem): Promise<string[]> {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: process.env.EVIDENCE_BUCKET, Prefix: "" }),
    );
    return (listed.Contents ?? []).flatMap((object) =>
      object.Key?.includes(item.evidenceId) ? [object.Key] : [],
    );
  }

  const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

  it("one read, one copy of exactly those bytes to the verified key, one delete of the incoming object", async () => {
    const now = new Date();
    const { item, upload } = await requested("post_usage", "application/pdf", now);
    const pdf = await makePdf(2);
    await post(upload, pdf);
    const sent: string[] = [];
    const counting =
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        sent.push(context.commandName ?? "");
        return next(args);
      };
    functionsS3.middlewareStack.add(counting as never, { step: "initialize", name: "countForTest" });
    let verified: EvidenceItem;
    try {
      verified = await completeUpload(application, item, applicant, now);
    } finally {
      functionsS3.middlewareStack.remove("countForTest");
    }
    expect(sent).toEqual(["GetObjectCommand", "CopyObjectCommand", "DeleteObjectCommand"]);
    expect(verified).toMatchObject({
      status: "verified",
      sha256: sha256(pdf),
      size: pdf.length,
      pageCount: 2,
    });
    expect(verified.objectKey).toBe(
      verifiedObjectKey(
        {
          scope: application.scope,
          applicationId: application.applicationId,
          slotId: "post_usage",
          place: {},
          evidenceId: item.evidenceId,
        },
        "application/pdf",
        sha256(pdf),
      ),
    );
    expect(await keysOf(item)).toEqual([verified.objectKey]);
    expect(Buffer.from(await readVerifiedObject(verified.objectKey ?? "", undefined))).toEqual(
      Buffer.from(pdf),
    );
    expect(await evidenceRepository.get(application, item.evidenceId)).toEqual(verified);

    // The ticket still works for minutes: a re-post lands in incoming/, where nobody reads.
    const other = await makePdf(1);
    await post(upload, other);
    expect((await keysOf(item)).sort()).toEqual([item.incomingKey, verified.objectKey].sort());
    expect(await completeUpload(application, verified, applicant, now)).toEqual(verified);
    expect(sha256(await readVerifiedObject(verified.objectKey ?? "", undefined))).toBe(verified.sha256);
    const download = await presignDownload({ objectKey: verified.objectKey ?? "" }, 60, new Date());
    expect(Buffer.from(await (await fetch(download.url)).arrayBuffer())).toEqual(Buffer.from(pdf));
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
    ["a PNG sent as a PDF", makePng, "EVIDENCE_TYPE_MISMATCH"],
    ["a text file named .pdf", makeText, "EVIDENCE_TYPE_NOT_ALLOWED"],
  ])(
    "R7.3 records %s as refused with why, deletes it, and answers the same refusal again",
    async (_, make, code) => {
      const now = new Date();
      const { item, upload } = await requested("post_usage", "application/pdf", now);
      await post(upload, await make());
      const first = await completeUpload(application, item, applicant, now).catch(
        (error: DomainError) => error,
      );
      expect(first).toMatchObject({ code, kind: "rule_violation", details: { rule: "R7.3" } });
      const stored = await evidenceRepository.get(application, item.evidenceId);
      expect(stored).toMatchObject({
        status: "refused",
        refusal: { code, kind: "rule_violation", rule: "R7.3", message: (first as DomainError).message },
      });
      expect(stored?.objectKey).toBeUndefined();
      expect(await keysOf(item)).toEqual([]);
      const again = await completeUpload(application, stored as EvidenceItem, applicant, now).catch(
        (error: DomainError) => error,
      );
      expect(again).toMatchObject({ code, kind: "rule_violation", message: (first as DomainError).message });
    },
  );

  it("R7.3 a file over the limit is refused without reading its bytes (the local S3 server enforces no policy)", async () => {
    process.env.EVIDENCE_MAX_BYTES = "2000";
    try {
      const now = new Date();
      const { item, upload } = await requested("post_usage", "application/pdf", now);
      await post(upload, new Uint8Array(3000).fill(0x25));
      await expect(completeUpload(application, item, applicant, now)).rejects.toMatchObject({
        code: "EVIDENCE_TOO_LARGE",
      });
      expect((await evidenceRepository.get(application, item.evidenceId))?.status).toBe("refused");
      expect(await keysOf(item)).toEqual([]);
    } finally {
      delete process.env.EVIDENCE_MAX_BYTES;
    }
  });

  it("nothing uploaded yet: 409, and the upload stays pending; too late: refused as expired", async () => {
    const now = new Date();
    const { item } = await requested("post_usage", "application/pdf", now);
    await expect(completeUpload(application, item, applicant, now)).rejects.toMatchObject({
      code: "EVIDENCE_NOT_UPLOADED",
      kind: "conflict",
    });
    expect((await evidenceRepository.get(application, item.evidenceId))?.status).toBe("pending");
    const late = new Date(now.getTime() + 15 * 60_000 + 1);
    await expect(completeUpload(application, item, applicant, late)).rejects.toMatchObject({
      code: "UPLOAD_EXPIRED",
      kind: "conflict",
    });
    expect(await evidenceRepository.get(application, item.evidenceId)).toMatchObject({
      status: "refused",
      refusal: { code: "UPLOAD_EXPIRED", kind: "conflict" },
    });
  });

  it("a re-post between the read and the copy is caught: nothing is verified, the next completion takes the new bytes", async () => {
    const now = new Date();
    const { item, upload } = await requested("post_usage", "application/pdf", now);
    const first = await makePdf(1);
    const second = await makePdf(3);
    await post(upload, first);
    const repostBeforeCopy =
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) =>
      async (args: unknown) => {
        if (context.commandName === "CopyObjectCommand") await post(upload, second);
        return next(args);
      };
    functionsS3.middlewareStack.add(repostBeforeCopy as never, { step: "initialize", name: "repostForTest" });
    try {
      await expect(completeUpload(application, item, applicant, now)).rejects.toMatchObject({
        code: "EVIDENCE_UPLOAD_CHANGED",
        kind: "conflict",
      });
    } finally {
      functionsS3.middlewareStack.remove("repostForTest");
    }
    expect(await keysOf(item)).toEqual([item.incomingKey]);
    expect((await evidenceRepository.get(application, item.evidenceId))?.status).toBe("pending");
    const verified = await completeUpload(application, item, applicant, now);
    expect(verified).toMatchObject({ sha256: sha256(second), pageCount: 3 });
    expect(sha256(await readVerifiedObject(verified.objectKey ?? "", undefined))).toBe(sha256(second));
  });
});

async function draftApplication(): Promise<ApplicationRecord> {
  const at = "2024-09-12T02:00:00.000Z";
  const application: ApplicationRecord = {
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
  await applicationRepository.create(application, { id: application.applicantId, role: "applicant" });
  return application;
}

describe("evidence records on DynamoDB Local", () => {
  let application: ApplicationRecord;
  const applicant = { id: "", role: "applicant" as const };

  beforeAll(async () => {
    await useFreshTable();
    application = await draftApplication();
    applicant.id = application.applicantId;
  });

  const pending = (slotId: EvidenceItem["slotId"], contentType: EvidenceContentType): EvidenceItem => ({
    evidenceId: randomUUID(),
    slotId,
    status: "pending",
    contentType,
    fileName: "scan",
    incomingKey: `incoming/rounds/2024/g3/${randomUUID()}.pdf`,
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
