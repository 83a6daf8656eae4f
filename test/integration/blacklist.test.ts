import { randomUUID } from "node:crypto";
import { GetCommand, PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccountRecord } from "../../functions/adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { blacklistRepository } from "../../functions/adapters/dynamodb/blacklist-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { purgeItemsBatch } from "../../functions/adapters/dynamodb/generation-purge";
import { type GenerationScope, keys } from "../../functions/adapters/dynamodb/keys";
import { evaluateEligibility } from "../../functions/core/eligibility";
import type { ApplicationState } from "../../functions/core/lifecycle";
import { blacklistRegister } from "../../functions/services/blacklist-register";
import { cancelApplicationForFraud } from "../../functions/services/fraud-cancellation";
import { applicationRecord, storeHead, thrown } from "../support/applications";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { useFreshTable } from "../support/table";
import { tableSnapshot } from "../support/table-snapshot";
import { facts as eligibleFacts } from "../unit/core/eligibility/eligible-applicant";

const SCOPE: GenerationScope = { roundId: "2024", generation: 2 };
const OFFICE: ActorRef = { id: "office-admin-1", role: "office_admin", orgId: "office" };
const DECIDED = new Date("2024-11-06T10:00:00+08:00");
const FINDING = {
  finding: "论文检索证明系伪造，经核实期刊无此文章",
  unitAccountability: "申报单位未认真审核，通报批评并暂停其下一年度推荐资格",
  handlerAccountability: "经办人李晓燕未履行审核职责，由所在单位给予诫勉谈话",
};

async function applicant(): Promise<AccountRecord> {
  const account: AccountRecord = {
    accountId: randomUUID(),
    username: `person-${randomUUID().slice(0, 8)}`,
    realName: "张三",
    kind: "applicant",
    orgId: "unit-a",
    phone: "13900000000",
    residentId: { hash: `hash-${randomUUID()}`, sealed: "v1.x.y.z", masked: "620102********0011" },
    disabled: false,
    version: 1,
    createdAt: "2024-09-02T00:00:00.000Z",
  };
  await documentClient.send(
    new PutCommand({
      TableName: process.env.TABLE_NAME,
      Item: { ...keys.account(account.accountId), ...account },
    }),
  );
  return account;
}

async function stored(
  person: AccountRecord,
  state: ApplicationState,
  extra: Partial<ApplicationRecord> = {},
): Promise<ApplicationRecord> {
  return storeHead(
    applicationRecord(SCOPE, person.accountId, {
      state,
      version: 7,
      submissions: 1,
      firstSubmittedAt: "2024-10-01T02:00:00.000Z",
      updatedAt: "2024-10-01T02:00:00.000Z",
      ...extra,
    }),
  );
}

const cancel = (application: ApplicationRecord, expectedVersion = application.version, now = DECIDED) =>
  cancelApplicationForFraud({
    application,
    actor: OFFICE,
    context: { now, calendar: ROUND_2024_CALENDAR, openedPhases: ["preparation", "application", "review"] },
    expectedVersion,
    finding: FINDING,
  });

async function auditOf(entryId: string): Promise<Record<string, unknown>[]> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": `AUDIT#BLACKLIST#${entryId}` },
      ConsistentRead: true,
    }),
  );
  return found.Items ?? [];
}

describe("fraud cancellation and the blacklist on DynamoDB Local (R5.5, R7.3)", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("R7.3 a cancellation's bar runs 3 years from the Beijing day of the decision", async () => {
    const late = await cancel(
      await stored(await applicant(), "received"),
      7,
      new Date("2024-11-05T16:30:00Z"),
    );
    expect(late.entry).toMatchObject({ decisionDate: "2024-11-06", from: "2024-11-06", until: "2027-11-06" });
    const leap = await cancel(
      await stored(await applicant(), "received"),
      7,
      new Date("2024-02-29T04:00:00Z"),
    );
    expect(leap.entry).toMatchObject({ decisionDate: "2024-02-29", from: "2024-02-29", until: "2027-03-01" });
  });

  it("R5.5 cancels, blacklists and revokes the certificate in one transaction, audited", async () => {
    const person = await applicant();
    const application = await stored(person, "certified", {
      certificate: {
        certificateNumber: "GS-2024-000123",
        verificationCode: "ABCD-EFGH",
        issuedOn: "2024-12-20",
        documentNumber: "甘职改〔2024〕9号",
      },
    });
    await documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: { ...keys.certificate("GS-2024-000123"), certificateNumber: "GS-2024-000123" },
      }),
    );

    const result = await cancel(application);

    expect(result.application).toMatchObject({ state: "cancelled", version: 8 });
    expect(result.revokedCertificate).toBe("GS-2024-000123");
    const head = await applicationRepository.get(SCOPE, application.applicationId);
    expect(head).toMatchObject({
      state: "cancelled",
      version: 8,
      fraudCancellation: { ...FINDING, blacklistEntryId: result.entry.entryId, decidedBy: OFFICE.id },
    });
    const [event] = (await applicationRepository.events(SCOPE, application.applicationId)).slice(-1);
    expect(event).toMatchObject({
      action: "cancel",
      role: "office_admin",
      org: "office",
      fromState: "certified",
      toState: "cancelled",
      reason: FINDING.finding,
      detail: {
        unitAccountability: FINDING.unitAccountability,
        handlerAccountability: FINDING.handlerAccountability,
        blacklistEntryId: result.entry.entryId,
        blacklistedUntil: "2027-11-06",
        revokedCertificate: "GS-2024-000123",
      },
    });
    const certificate = await documentClient.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: keys.certificate("GS-2024-000123") }),
    );
    expect(certificate.Item).toMatchObject({
      revokedAt: DECIDED.toISOString(),
      revokedReason: expect.any(String),
    });

    const [entry] = await blacklistRepository.ofPerson(person.residentId.hash);
    expect(entry).toEqual({
      entryId: result.entry.entryId,
      residentIdHash: person.residentId.hash,
      sealedResidentId: person.residentId.sealed,
      realName: "张三",
      maskedResidentId: person.residentId.masked,
      ground: "fraud_in_application",
      decisionDate: "2024-11-06",
      reason: FINDING.finding,
      from: "2024-11-06",
      until: "2027-11-06",
      recordedBy: OFFICE.id,
      recordedAt: DECIDED.toISOString(),
      cancellation: {
        roundId: "2024",
        generation: 2,
        applicationId: application.applicationId,
        unitId: "unit-a",
        applicantId: person.accountId,
        unitAccountability: FINDING.unitAccountability,
        handlerAccountability: FINDING.handlerAccountability,
      },
      status: "active",
      version: 1,
    });
    expect((await auditOf(result.entry.entryId)).map((item) => item.action)).toEqual(["blacklist"]);
  });

  it("R5.5 a stale version, a state already cancelled or a missing certificate write nothing", async () => {
    const person = await applicant();
    const application = await stored(person, "received");
    const before = await tableSnapshot();
    expect((await thrown(cancel(application, 6))).code).toBe("STALE_VERSION");
    expect(await tableSnapshot()).toEqual(before);

    const gone = await stored(person, "withdrawn");
    const beforeWithdrawn = await tableSnapshot();
    expect((await thrown(cancel(gone))).code).toBe("INVALID_TRANSITION");
    expect(await tableSnapshot()).toEqual(beforeWithdrawn);

    const noCertificate = await stored(person, "certified", {
      certificate: {
        certificateNumber: "GS-MISSING",
        verificationCode: "x",
        issuedOn: "2024-12-20",
        documentNumber: "x",
      },
    });
    const beforeMissing = await tableSnapshot();
    expect((await thrown(cancel(noCertificate))).code).toBe("CERTIFICATE_RECORD_MISSING");
    expect(await tableSnapshot()).toEqual(beforeMissing);
    expect(await blacklistRepository.ofPerson(person.residentId.hash)).toEqual([]);
  });

  it("R5.5 a unit's fraud cancellation is completed by the office's finding: blacklisted, state kept, once", async () => {
    const person = await applicant();
    const application = await stored(person, "cancelled");

    const result = await cancel(application);

    expect(result.application).toMatchObject({ state: "cancelled", version: 8 });
    const head = await applicationRepository.get(SCOPE, application.applicationId);
    expect(head).toMatchObject({
      state: "cancelled",
      version: 8,
      fraudCancellation: { ...FINDING, blacklistEntryId: result.entry.entryId },
    });
    const [event] = (await applicationRepository.events(SCOPE, application.applicationId)).slice(-1);
    expect(event).toMatchObject({
      action: "record_fraud_finding",
      role: "office_admin",
      detail: {
        finding: FINDING.finding,
        blacklistEntryId: result.entry.entryId,
        blacklistedUntil: "2027-11-06",
      },
    });
    expect(
      (await blacklistRepository.ofPerson(person.residentId.hash)).map((entry) => entry.entryId),
    ).toEqual([result.entry.entryId]);

    const before = await tableSnapshot();
    const again = await thrown(cancel(head as ApplicationRecord));
    expect([again.kind, again.code]).toEqual(["conflict", "FRAUD_ALREADY_RECORDED"]);
    expect((await thrown(cancel(application, 7))).code).toBe("STALE_VERSION");
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R5.5 the register bars the person until the day before `until`, in any later round", async () => {
    const person = await applicant();
    await cancel(await stored(person, "submitted"));
    const barred = await blacklistRegister.standingOf(
      person.residentId.hash,
      new Date("2025-09-20T00:00:00+08:00"),
    );
    const facts = eligibleFacts({ blacklist: barred.map(({ from, until }) => ({ from, until })) });
    const round2025 = { year: 2025, achievementCutoff: "2025-09-30", seniorityReferenceDate: "2025-12-31" };
    expect(evaluateEligibility(facts, round2025, "2025-09-20").map((failure) => failure.code)).toContain(
      "BLACKLISTED",
    );
    expect(evaluateEligibility(facts, round2025, "2027-11-05").map((failure) => failure.code)).toContain(
      "BLACKLISTED",
    );
  });

  it("R5.5 expiry is recorded once, audited, by whoever first sees the entry past its end", async () => {
    const person = await applicant();
    const { entry } = await cancel(await stored(person, "received"));
    const lastDay = new Date("2027-11-05T23:59:59.999+08:00");
    expect((await blacklistRegister.standingOf(person.residentId.hash, lastDay))[0]?.status).toBe("active");
    expect(await auditOf(entry.entryId)).toHaveLength(1);

    const ended = new Date("2027-11-06T00:00:00+08:00");
    const [first, second, page] = await Promise.all([
      blacklistRegister.standingOf(person.residentId.hash, ended),
      blacklistRegister.standingOf(person.residentId.hash, ended),
      blacklistRegister.page(undefined, ended),
    ]);
    for (const seen of [first[0], second[0], page.items.find((item) => item.entryId === entry.entryId)]) {
      expect(seen?.status).toBe("expired");
    }
    expect((await auditOf(entry.entryId)).map((item) => item.action)).toEqual([
      "blacklist",
      "blacklist_expired",
    ]);
    expect(await blacklistRepository.ofPerson(person.residentId.hash)).toEqual([
      expect.objectContaining({ status: "expired", expiredAt: expect.any(String), version: 2 }),
    ]);
    await blacklistRegister.standingOf(person.residentId.hash, new Date("2028-01-01T00:00:00+08:00"));
    expect(await auditOf(entry.entryId)).toHaveLength(2);
  });

  it("R5.5 the office lifts an entry in force, audited; lifting again, late or stale is refused unchanged", async () => {
    const person = await applicant();
    const { entry } = await cancel(await stored(person, "received"));
    const liftAt = new Date("2025-03-01T09:00:00+08:00");
    const lift = (expectedVersion?: number, now = liftAt) =>
      blacklistRegister.lift(entry.entryId, {
        reason: "复核认定材料属实，撤销原认定",
        expectedVersion,
        actor: "office-2",
        now,
      });

    const before = await tableSnapshot();
    expect((await thrown(lift(5))).code).toBe("STALE_VERSION");
    expect((await thrown(lift(1, new Date("2027-11-06T00:00:00+08:00")))).code).toBe("BLACKLIST_EXPIRED");
    expect(
      (
        await thrown(
          blacklistRegister.lift(randomUUID(), { reason: "理由充分", actor: "office-2", now: liftAt }),
        )
      ).code,
    ).toBe("BLACKLIST_ENTRY_NOT_FOUND");
    expect(await tableSnapshot()).toEqual(before);

    const lifted = await lift(1);
    expect(lifted).toMatchObject({
      status: "lifted",
      version: 2,
      lifting: {
        reason: "复核认定材料属实，撤销原认定",
        liftedBy: "office-2",
        liftedAt: liftAt.toISOString(),
      },
    });
    expect(await blacklistRegister.standingOf(person.residentId.hash, liftAt)).toEqual([]);
    const audit = await auditOf(entry.entryId);
    expect(audit.map((item) => [item.action, item.actor])).toEqual([
      ["blacklist", OFFICE.id],
      ["lift_blacklist", "office-2"],
    ]);
    expect(audit[1]?.detail).toMatchObject({ reason: "复核认定材料属实，撤销原认定" });

    const afterLifting = await tableSnapshot();
    expect((await thrown(lift())).code).toBe("BLACKLIST_ALREADY_LIFTED");
    expect(await tableSnapshot()).toEqual(afterLifting);
  });

  it("R5.5 the register lists the newest decision first", async () => {
    const person = await applicant();
    const earlier = await cancel(await stored(person, "received"), 7, new Date("2024-12-01T09:00:00+08:00"));
    const later = await cancel(await stored(person, "submitted"), 7, new Date("2024-12-02T09:00:00+08:00"));
    const page = await blacklistRegister.page(undefined, new Date("2024-12-03T09:00:00+08:00"));
    expect(page.items.slice(0, 2).map((item) => item.entryId)).toEqual([
      later.entry.entryId,
      earlier.entry.entryId,
    ]);
    const decided = page.items.map((item) => `${item.decisionDate}#${item.recordedAt}`);
    expect(decided).toEqual([...decided].sort().reverse());
  });

  it("DESIGN.md §8 a reset purges the round's generation but never the blacklist", async () => {
    const person = await applicant();
    const application = await stored(person, "received");
    await cancel(application);
    while ((await purgeItemsBatch(SCOPE)).remaining) {
      // purge until an empty pass
    }
    expect(await applicationRepository.get(SCOPE, application.applicationId)).toBeUndefined();
    expect(await blacklistRepository.ofPerson(person.residentId.hash)).toHaveLength(1);
  });
});
