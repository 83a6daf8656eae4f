import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActorRef, ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { certificateRevocationWrite } from "../../functions/adapters/dynamodb/certificate-revocation";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { type GenerationScope, keys } from "../../functions/adapters/dynamodb/keys";
import { noticeRepository } from "../../functions/adapters/dynamodb/notice-repository";
import { objectionRepository } from "../../functions/adapters/dynamodb/objection-repository";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { DomainError } from "../../functions/core/errors";
import type { LifecycleContext } from "../../functions/core/lifecycle";
import {
  CODE_ALPHABET,
  checkCertificate,
  issueCertificates,
} from "../../functions/services/certificate-issuance";
import { publishResults } from "../../functions/services/result-notice";
import { applicationRecord, storeHead, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { store2024Round } from "../support/rounds";
import { SAMPLE_BASE_INFO } from "../support/sample-application";
import { useFreshTable } from "../support/table";
import { tableSnapshot } from "../support/table-snapshot";

const OFFICE: ActorRef = { id: "office-admin-1", role: "office_admin", orgId: "office" };
const DOCUMENT = { documentNumber: "甘职改办〔2025〕1号", issuedOn: "2025-01-08" };
const PUBLISHED = "2024-12-27T10:00:00+08:00";
const NOTICE_OVER = "2025-01-07T00:00:00+08:00";
const CODE = new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`);

const at = (iso: string): LifecycleContext => ({
  now: new Date(iso),
  calendar: ROUND_2024_CALENDAR,
  openedPhases: ["preparation", "application", "review"],
});

let sequence = 0;

/** An applicant account and their application, approved by the committee (written as stored). */
async function approved(scope: GenerationScope, baseInfo = {}): Promise<ApplicationRecord> {
  sequence += 1;
  const applicantId = randomUUID();
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: {
        ...keys.account(applicantId),
        accountId: applicantId,
        username: `holder-${sequence}`,
        realName: `持证人${sequence}`,
        kind: "applicant",
        orgId: "unit-a",
        phone: "13800138000",
        residentId: { hash: `h${sequence}`, sealed: "sealed", masked: "6201**********0011" },
        disabled: false,
        version: 1,
        createdAt: "2024-09-12T02:00:00.000Z",
      },
    }),
  );
  return storeHead(
    applicationRecord(scope, applicantId, {
      state: "approved",
      version: 12,
      baseInfo: { ...SAMPLE_BASE_INFO, ...baseInfo },
      evidenceRevision: 20,
      submissions: 1,
      firstSubmittedAt: `2024-09-12T02:${String(sequence % 60).padStart(2, "0")}:00.000Z`,
      updatedAt: "2024-12-20T02:00:00.000Z",
    }),
  );
}

const issuance = (scope: GenerationScope, iso: string, document = DOCUMENT) => ({
  scope,
  context: at(iso),
  office: OFFICE,
  document,
});

async function publish(scope: GenerationScope): Promise<void> {
  await publishResults({
    scope,
    context: at(PUBLISHED),
    office: OFFICE,
    publicityScope: "甘肃省人力资源和社会保障厅门户网站",
  });
}

async function refusedWithoutTrace(promise: () => Promise<unknown>, code: string, rule?: string) {
  const before = await tableSnapshot();
  const error = await thrown(promise());
  expect(error.code).toBe(code);
  if (rule) expect(error.details.rule).toBe(rule);
  expect(await tableSnapshot()).toEqual(before);
  return error;
}

describe("certificate issuance on DynamoDB Local (R4.6)", () => {
  const scope = { roundId: "2024", generation: 2 };
  const people: ApplicationRecord[] = [];

  beforeAll(async () => {
    await useFreshTable();
    await store2024Round(scope.generation);
    people.push(await approved(scope));
    people.push(await approved(scope, { qualification: "senior", validityScope: "grassroots" }));
    people.push(await approved(scope));
  });

  it("R4.5 refuses before the results are published, and while the notice runs; nothing is written", async () => {
    await refusedWithoutTrace(
      () => issueCertificates(issuance(scope, NOTICE_OVER)),
      "RESULT_NOT_PUBLISHED",
      "R4.5",
    );
    await publish(scope);
    const running = await refusedWithoutTrace(
      () => issueCertificates(issuance(scope, "2025-01-06T23:59:59.999+08:00")),
      "RESULT_NOTICE_NOT_FINISHED",
      "R4.5",
    );
    expect(running.message).toContain("2025-01-07 00:00");
  });

  it("R4.6 refuses a document dated before the notice ended or in the future", async () => {
    for (const issuedOn of ["2025-01-06", "2025-01-09"]) {
      const error = await refusedWithoutTrace(
        () => issueCertificates(issuance(scope, "2025-01-08T09:00:00+08:00", { ...DOCUMENT, issuedOn })),
        "ISSUE_DATE_INVALID",
        "R4.6",
      );
      expect(error.details.fields?.map((field) => field.path)).toEqual(["body.issuedOn"]);
    }
  });

  it("§7 an objection unresolved holds its application back, named; the others are certified in order, resumably", async () => {
    const [first, objected, third] = people;
    if (!first || !objected || !third) throw new Error("no applications");
    await objectionRepository.lodge(
      scope,
      {
        objectionId: "o00000000001",
        noticeId: noticeRepository.resultNoticeId(scope),
        applicationId: objected.applicationId,
        entry: 2,
        lodgedAt: new Date("2024-12-30T10:00:00+08:00").toISOString(),
        content: "该人员论文涉嫌抄袭，请核查。",
        status: "unresolved",
      },
      {
        address: "198.51.100.7",
        windowStart: "2024-12-30T02:00:00.000Z",
        limit: 10,
        expiresAt: 1735531200,
        refused: () => new DomainError("TOO_MANY_OBJECTIONS", "—"),
      },
    );

    const partly = await issueCertificates(issuance(scope, "2025-01-08T09:00:00+08:00"), 1);
    expect(partly.complete).toBe(false);
    expect(partly.certified.map((item) => item.certificateNumber)).toEqual(["GS2024-000001"]);
    expect(partly.pending).toEqual([
      expect.objectContaining({
        applicationId: objected.applicationId,
        code: "OBJECTION_UNRESOLVED",
        rule: "R4.5",
      }),
    ]);
    expect(partly.document).toMatchObject({ ...DOCUMENT, roundId: "2024", certificatesIssued: 1 });

    const rest = await issueCertificates(issuance(scope, "2025-01-08T09:30:00+08:00"));
    expect(rest.complete).toBe(true);
    expect(rest.certified.map((item) => item.certificateNumber)).toEqual(["GS2024-000002"]);
    expect(rest.pending.map((item) => item.code)).toEqual(["OBJECTION_UNRESOLVED"]);

    const objection = await objectionRepository.get(scope, objected.applicationId, "o00000000001");
    if (!objection) throw new Error("objection not stored");
    await writeTogether(
      objectionRepository.resolutionWrites(scope, objection, {
        outcome: "dismissed",
        reason: "经核查，论文系本人原创",
        resolvedBy: OFFICE.id,
        resolvedAt: new Date("2025-01-08T10:00:00+08:00").toISOString(),
      }),
    );
    const last = await issueCertificates(issuance(scope, "2025-01-08T10:30:00+08:00"));
    expect(last).toMatchObject({ complete: true, pending: [], document: { certificatesIssued: 3 } });
    expect(last.certified).toEqual([
      {
        applicationId: objected.applicationId,
        holderName: expect.any(String),
        certificateNumber: "GS2024-000003",
      },
    ]);

    // R3.4: recording the document is the round's last decision: the round reads as finished.
    expect((await roundRepository.get("2024"))?.documentRecordedAt).toBeDefined();

    const before = await tableSnapshot();
    const again = await issueCertificates(issuance(scope, "2025-01-09T09:00:00+08:00"));
    expect(again).toMatchObject({ certified: [], pending: [], complete: true });
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R4.6 stores exactly what is printed beside the holder's application, and the certificate facts on the head", async () => {
    const objected = people[1];
    if (!objected) throw new Error("no application");
    const head = await applicationRepository.get(scope, objected.applicationId);
    expect(head).toMatchObject({
      state: "certified",
      certificate: {
        certificateNumber: "GS2024-000003",
        verificationCode: expect.stringMatching(CODE),
        issuedOn: DOCUMENT.issuedOn,
        documentNumber: DOCUMENT.documentNumber,
      },
    });
    const stored = await documentClient.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.certificate("GS2024-000003") }),
    );
    expect(stored.Item).toEqual({
      PK: "CERT#GS2024-000003",
      SK: "CERTIFICATE",
      certificateNumber: "GS2024-000003",
      holderName: expect.stringMatching(/^持证人\d+$/),
      series: "人力资源培训",
      qualification: "正高级",
      validityScope: "全省基层有效",
      issuedOn: DOCUMENT.issuedOn,
      issuer: "甘肃省职称改革工作领导小组办公室",
      verificationCode: head?.certificate?.verificationCode,
      applicationId: objected.applicationId,
      roundId: "2024",
      generation: 2,
    });
  });

  it("R4.6 a second, different document is refused: 409, nothing written", async () => {
    const error = await refusedWithoutTrace(
      () =>
        issueCertificates(
          issuance(scope, "2025-01-09T09:00:00+08:00", {
            ...DOCUMENT,
            documentNumber: "甘职改办〔2025〕2号",
          }),
        ),
      "QUALIFICATION_DOCUMENT_CONFLICT",
    );
    expect(error.kind).toBe("conflict");
    expect(error.message).toContain("甘职改办〔2025〕1号");
  });

  it("R4.6 verification answers the certificate only for its number and code; R5.5 a revoked one says so", async () => {
    const first = await applicationRepository.get(scope, people[0]?.applicationId ?? "");
    const code = first?.certificate?.verificationCode ?? "";
    expect(await checkCertificate("GS2024-000001", code)).toMatchObject({
      certificateNumber: "GS2024-000001",
    });
    // As a person types it: lower case, without the hyphen, with spaces around.
    expect(
      await checkCertificate(" gs2024-000001 ", ` ${code.replace("-", "").toLowerCase()} `),
    ).toBeDefined();
    const wrong = `${code.slice(0, -1)}${code.endsWith("2") ? "3" : "2"}`;
    expect(await checkCertificate("GS2024-000001", wrong)).toBeUndefined();
    expect(await checkCertificate("GS2024-000001", undefined)).toBeUndefined();
    expect(await checkCertificate("GS2024-000001", "")).toBeUndefined();
    expect(await checkCertificate("GS2024-000099", code)).toBeUndefined();
    expect(await checkCertificate("x".repeat(5000), code)).toBeUndefined();

    await writeTogether([
      certificateRevocationWrite("GS2024-000001", new Date("2025-03-01T10:00:00+08:00"), "伪造学历"),
    ]);
    expect(await checkCertificate("GS2024-000001", code)).toMatchObject({
      revokedAt: new Date("2025-03-01T10:00:00+08:00").toISOString(),
    });
  });
});
