import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { blacklistRepository } from "../../functions/adapters/dynamodb/blacklist-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { openResidentId, residentIdHash } from "../../functions/adapters/identity/resident-id-protection";
import { type BlacklistEntryInput, blacklistEntryInputSchema } from "../../functions/core/blacklist";
import { evaluateEligibility } from "../../functions/core/eligibility";
import { maskResidentId } from "../../functions/core/identity";
import { asEligibilityFact, blacklistRegister } from "../../functions/services/blacklist-register";
import { thrown } from "../support/applications";
import { freshResidentId, withWrongCheckDigit } from "../support/resident-ids";
import { useFreshTable } from "../support/table";
import { tableSnapshot } from "../support/table-snapshot";
import { facts as eligibleFacts, ROUND } from "../unit/core/eligibility/eligible-applicant";

const NOW = new Date("2024-09-20T10:00:00+08:00");
const BY = { actor: "office-admin-1", now: NOW };

const row = (change: Record<string, unknown> = {}, residentId = freshResidentId()) => ({
  residentId,
  realName: "王五",
  ground: "earlier_register",
  decisionDate: "2023-03-01",
  documentNumber: "甘职改〔2023〕5号",
  reason: "2023年度申报中提供虚假论文检索证明，经核实列入黑名单",
  ...change,
});
const entry = (change: Record<string, unknown> = {}, residentId?: string): BlacklistEntryInput =>
  blacklistEntryInputSchema.parse(row(change, residentId));

/** The register's own items, counted from a snapshot: entries, and their audit records. */
function registerItems(snapshot: Map<string, string>) {
  const keys = [...snapshot.keys()];
  return {
    entries: keys.filter((key) => key.startsWith("BLACKLIST#") && key.includes("|ENTRY#")).length,
    audits: keys.filter((key) => key.startsWith("AUDIT#BLACKLIST#")).length,
  };
}

async function auditOf(entryId: string) {
  const snapshot = await tableSnapshot();
  return [...snapshot.entries()]
    .filter(([key]) => key.startsWith(`AUDIT#BLACKLIST#${entryId}|`))
    .map(([, item]) => JSON.parse(item) as Record<string, unknown>);
}

function barredOn(entries: Parameters<typeof asEligibilityFact>[0][], today: string) {
  return evaluateEligibility(
    eligibleFacts({ blacklist: entries.map(asEligibilityFact) }),
    ROUND,
    today,
  ).filter((failure) => failure.rule === "R5.5");
}

describe("the blacklist register on DynamoDB Local (R5.5, R1.5, R7.3)", () => {
  beforeAll(async () => {
    process.env.RESIDENT_ID_KEY ??= "integration-tests-resident-id-key-material-0123456789";
    await useFreshTable();
  });

  it("R5.5 records an entry decided in the past: the number hashed and sealed only, audited, barring 3 years from the decision", async () => {
    const number = freshResidentId();
    const { entry: recorded, alreadyRecorded } = await blacklistRegister.record(
      entry({ ground: "verified_complaint" }, number),
      BY,
    );

    expect(alreadyRecorded).toBe(false);
    const hash = await residentIdHash(number);
    expect(recorded).toMatchObject({
      residentIdHash: hash,
      maskedResidentId: maskResidentId(number),
      realName: "王五",
      ground: "verified_complaint",
      decisionDate: "2023-03-01",
      documentNumber: "甘职改〔2023〕5号",
      from: "2023-03-01",
      until: "2026-03-01",
      recordedBy: "office-admin-1",
      recordedAt: NOW.toISOString(),
      status: "active",
      version: 1,
    });
    expect(recorded.entryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const stored = await documentClient.send(
      new GetCommand({
        TableName: process.env.TABLE_NAME,
        Key: { PK: `BLACKLIST#${hash}`, SK: `ENTRY#${recorded.entryId}` },
      }),
    );
    expect(JSON.stringify(stored.Item)).not.toContain(number);
    expect(
      await openResidentId({
        hash,
        sealed: String(stored.Item?.sealedResidentId),
        masked: recorded.maskedResidentId,
      }),
    ).toBe(number);

    const audit = await auditOf(recorded.entryId);
    expect(audit.map((item) => [item.action, item.actor])).toEqual([["blacklist", "office-admin-1"]]);
    expect(audit[0]?.detail).toEqual({
      ground: "verified_complaint",
      decisionDate: "2023-03-01",
      documentNumber: "甘职改〔2023〕5号",
      from: "2023-03-01",
      until: "2026-03-01",
      status: "active",
    });

    const standing = await blacklistRegister.standingOf(hash, NOW);
    expect(barredOn(standing, "2024-09-20")).toEqual([
      {
        rule: "R5.5",
        code: "BLACKLISTED",
        message:
          "经投诉举报核实，您已被列入职称申报“黑名单”（甘职改〔2023〕5号），2026年3月1日前不得申报职称。",
      },
    ]);
    expect(barredOn(standing, "2026-02-28")).toHaveLength(1);
    expect(barredOn(standing, "2026-03-01")).toEqual([]);
  });

  it.each([
    ["years", { years: 5 }, "2028-03-01"],
    ["an end date", { until: "2024-12-01" }, "2024-12-01"],
  ])("R7.3 the decision's own period, as %s", async (_case, period, until) => {
    const { entry: recorded } = await blacklistRegister.record(entry(period), BY);
    expect([recorded.from, recorded.until, recorded.status]).toEqual(["2023-03-01", until, "active"]);
  });

  it("R5.5 an entry whose period had run out before it was recorded is kept as expired and bars nothing", async () => {
    const number = freshResidentId();
    const { entry: recorded } = await blacklistRegister.record(
      entry({ decisionDate: "2021-05-06" }, number),
      BY,
    );
    expect(recorded).toMatchObject({ until: "2024-05-06", status: "expired", expiredAt: NOW.toISOString() });
    const standing = await blacklistRegister.standingOf(await residentIdHash(number), NOW);
    expect(standing.map((item) => item.status)).toEqual(["expired"]);
    expect(barredOn(standing, "2024-09-20")).toEqual([]);
    expect((await auditOf(recorded.entryId)).map((item) => item.action)).toEqual(["blacklist"]);
  });

  it("R5.5 the same decision again answers the entry recorded; other content under it is refused; neither writes", async () => {
    const number = freshResidentId();
    const first = await blacklistRegister.record(entry({}, number), BY);
    const before = await tableSnapshot();

    const again = await blacklistRegister.record(entry({}, number), {
      ...BY,
      now: new Date(NOW.getTime() + 60_000),
    });
    expect(again).toEqual({ entry: first.entry, alreadyRecorded: true });
    const other = await thrown(blacklistRegister.record(entry({ reason: "另一事由，内容不同" }, number), BY));
    expect([other.kind, other.code]).toEqual(["conflict", "BLACKLIST_ENTRY_EXISTS"]);
    expect(other.message).toContain(first.entry.entryId);
    expect(await tableSnapshot()).toEqual(before);

    const another = await blacklistRegister.record(
      entry({ documentNumber: "甘职改〔2024〕2号" }, number),
      BY,
    );
    expect(another.entry.entryId).not.toBe(first.entry.entryId);
  });

  it("R5.5 a decision dated after today is refused, naming the field, and nothing is written", async () => {
    const before = await tableSnapshot();
    const refused = await thrown(blacklistRegister.record(entry({ decisionDate: "2024-09-21" }), BY));
    expect([refused.kind, refused.details.fields]).toEqual([
      "bad_request",
      [{ path: "body.decisionDate", message: "决定日期不能晚于今天（2024-09-20），请核对" }],
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });
});

describe("bulk import of an earlier register (R5.5)", () => {
  beforeAll(async () => {
    process.env.RESIDENT_ID_KEY ??= "integration-tests-resident-id-key-material-0123456789";
    await useFreshTable();
  });

  const register = (size: number) => Array.from({ length: size }, () => row());

  it("R5.5 imports 1,200 entries in one call: wrong rows are named by number and nothing is stored until all are right", async () => {
    const rows: Record<string, unknown>[] = register(1200);
    const good = [...rows];
    rows[6] = { ...good[6], residentId: withWrongCheckDigit(String(good[6]?.residentId)) };
    rows[499] = { ...good[499], decisionDate: "2024-10-01" };
    rows[1099] = { ...good[3] };
    const before = await tableSnapshot();

    const refused = await thrown(blacklistRegister.import(rows, BY));
    expect([refused.kind, refused.code]).toEqual(["bad_request", "BLACKLIST_IMPORT_INVALID"]);
    expect(refused.message).toBe(
      "共3行有误（第7、500、1100行），整批均未导入：请按 fields 逐行改正后重新提交全部记录。",
    );
    expect(refused.details.fields).toEqual([
      { path: "body.entries.6.residentId", message: "第7行：身份证号码校验位不正确，请逐位核对后重新填写" },
      {
        path: "body.entries.499.decisionDate",
        message: "第500行：决定日期不能晚于今天（2024-09-20），请核对",
      },
      {
        path: "body.entries.1099",
        message: "第1100行：与第4行重复（同一人、同一决定日期和文号），请删除重复的一行",
      },
    ]);
    expect(await tableSnapshot()).toEqual(before);

    const imported = await blacklistRegister.import(good, BY);
    expect([imported.rows, imported.recorded, imported.alreadyRecorded]).toEqual([1200, 1200, 0]);
    expect(imported.entries.map((item) => item.row)).toEqual(good.map((_, index) => index + 1));
    expect(new Set(imported.entries.map((item) => item.entryId)).size).toBe(1200);
    const after = await tableSnapshot();
    expect(registerItems(after)).toEqual({ entries: 1200, audits: 1200 });

    const [someone] = imported.entries;
    const hash = await residentIdHash(String(good[0]?.residentId));
    expect(await blacklistRepository.ofPerson(hash)).toEqual([
      expect.objectContaining({ entryId: someone?.entryId, importId: imported.importId, status: "active" }),
    ]);
    const [audit] = await auditOf(String(someone?.entryId));
    expect(audit?.detail).toMatchObject({ importId: imported.importId, ground: "earlier_register" });

    const repeated = await blacklistRegister.import(good, BY);
    expect([repeated.recorded, repeated.alreadyRecorded]).toEqual([0, 1200]);
    expect(repeated.entries.map((item) => item.entryId)).toEqual(
      imported.entries.map((item) => item.entryId),
    );
    expect(await tableSnapshot()).toEqual(after);
  }, 120_000);

  it("R5.5 a retried import stores only the rows that are missing", async () => {
    const rows = register(300);
    const start = registerItems(await tableSnapshot());
    const partial = await blacklistRegister.import(rows.slice(0, 120), BY);
    expect(partial.recorded).toBe(120);

    const retried = await blacklistRegister.import(rows, BY);
    expect([retried.recorded, retried.alreadyRecorded]).toEqual([180, 120]);
    expect(
      retried.entries.filter((item) => item.outcome === "already_recorded").map((item) => item.row),
    ).toEqual(Array.from({ length: 120 }, (_, index) => index + 1));
    const end = registerItems(await tableSnapshot());
    expect([end.entries - start.entries, end.audits - start.audits]).toEqual([300, 300]);
  });

  it("R5.5 a row contradicting an entry already on the register under the same decision is named; nothing stored", async () => {
    const number = freshResidentId();
    await blacklistRegister.record(entry({}, number), BY);
    const rows = [row(), row({ reason: "同一决定，事由写法不同" }, number), row()];
    const before = await tableSnapshot();
    const refused = await thrown(blacklistRegister.import(rows, BY));
    expect(refused.details.fields).toEqual([
      { path: "body.entries.1", message: expect.stringMatching(/^第2行：登记簿中已有该人员同一决定/) },
    ]);
    expect(await tableSnapshot()).toEqual(before);
  });

  it("R5.5 two imports of the same rows at once record each entry once, with one audit record", async () => {
    const rows = register(260);
    const start = registerItems(await tableSnapshot());
    const [one, two] = await Promise.all([
      blacklistRegister.import(rows, BY),
      blacklistRegister.import(rows, BY),
    ]);
    expect(one.recorded + two.recorded).toBe(260);
    for (const [index, item] of one.entries.entries()) {
      const other = two.entries[index];
      expect([item.outcome, other?.outcome].sort()).toEqual(["already_recorded", "recorded"]);
    }
    const end = registerItems(await tableSnapshot());
    expect([end.entries - start.entries, end.audits - start.audits]).toEqual([260, 260]);
  }, 60_000);

  it("R5.5 entries found on the register at write time are reported and left as they are; the others are written", async () => {
    const imported = await blacklistRegister.import(register(3), BY);
    const [first, second] = await Promise.all(
      imported.entries.map((item) => blacklistRepository.get(item.entryId)),
    );
    if (!first || !second) throw new Error("setup: the imported entries are missing");
    const fresh = {
      ...first,
      entryId: "00000000-0000-4000-8000-00000000beef",
      residentIdHash: "another-person",
    };
    const lifted = { ...second, status: "lifted" as const, reason: "不会覆盖原记录" };

    const present = await blacklistRepository.recordMany([first, fresh, lifted]);

    expect([...present].sort()).toEqual([first.entryId, second.entryId].sort());
    expect(await blacklistRepository.read("another-person", fresh.entryId)).toEqual(fresh);
    expect(await blacklistRepository.read(second.residentIdHash, second.entryId)).toEqual(second);
  });

  it("R5.5 an imported entry bars its person in eligibility; an imported expired one bars nothing", async () => {
    const barred = freshResidentId();
    const free = freshResidentId();
    await blacklistRegister.import([row({}, barred), row({ decisionDate: "2020-06-30" }, free)], BY);
    const standingOf = async (number: string) =>
      blacklistRegister.standingOf(await residentIdHash(number), NOW);
    expect(barredOn(await standingOf(barred), "2024-09-20").map((failure) => failure.message)).toEqual([
      "您在往年的职称申报“黑名单”中（甘职改〔2023〕5号），2026年3月1日前不得申报职称。",
    ]);
    expect(barredOn(await standingOf(free), "2024-09-20")).toEqual([]);
  });
});
