import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  applicationPath,
  checklist,
  createApplication,
  fillApplication,
  json,
  registerApplicant,
  uploadEverythingMissing,
} from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { type Refusal, refusedWithoutTrace } from "../support/refusals";
import { freshResidentId, withWrongCheckDigit } from "../support/resident-ids";
import { Sessions, submitAs, submittedApplication } from "../support/review";
import { SAMPLE_BASE_INFO } from "../support/sample-application";

/**
 * The blacklist as a register over HTTP (R5.5, R1.5, R7.3): the office imports an earlier year's
 * register and records single decisions by resident ID number; eligibility and the start of an
 * application answer for them; fraud cancellation reaches what its route says it reaches.
 */
const OFFICE = "office-admin";
const TODAY = "2024-09-20";

let system: LocalSystem;
let api: Client;
let sessions: Sessions;

interface Draft {
  applicant: Applicant;
  applicationId: string;
}
const people: Record<"imported" | "expired" | "cancelled", Draft> = {} as never;
let recorded: Applicant;
let draftOnly: Draft;

interface ImportAnswer {
  importId: string;
  rows: number;
  recorded: number;
  alreadyRecorded: number;
  entries: { row: number; entryId: string; outcome: string; status: string }[];
}

const row = (change: Record<string, unknown> = {}) => ({
  residentId: freshResidentId(),
  realName: "往年名单",
  ground: "earlier_register",
  decisionDate: "2022-06-30",
  documentNumber: "甘职改〔2022〕7号",
  reason: "2022年度申报中提供虚假业绩材料",
  ...change,
});

async function readyDraft(username: string, realName: string): Promise<Draft> {
  const applicant = await registerApplicant(api, username, realName);
  sessions.remember(username, APPLICANT_PASSWORD);
  const token = await sessions.as(username);
  const created = await createApplication(api, token, applicant);
  await fillApplication(api, token, applicant, created);
  await uploadEverythingMissing(api, token, created.applicationId);
  return { applicant, applicationId: created.applicationId };
}

async function submit(draft: Draft): Promise<Response> {
  const token = await sessions.as(draft.applicant.username);
  const { version } = await json<{ version: number }>(
    await api.get(applicationPath(draft.applicationId), token),
    200,
  );
  return submitAs(system.url, token, draft.applicationId, "submit", version);
}

async function startApplication(person: Applicant): Promise<Response> {
  return api.send(
    "POST",
    "/rounds/2024/applications",
    { baseInfo: { ...SAMPLE_BASE_INFO, name: person.realName } },
    await sessions.as(person.username),
  );
}

const office = () => sessions.as(OFFICE);

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  const deadline = Date.now() + 15_000;
  while (
    (await json<{ openPhase: string | null }>(await api.get("/rounds/2024"), 200)).openPhase !== "application"
  ) {
    if (Date.now() > deadline) throw new Error("the application window did not open");
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  await sessions.at(`${TODAY}T10:00:00+08:00`);
  people.imported = await readyDraft("bl-imported", "孙八");
  people.expired = await readyDraft("bl-expired", "周九");
  const cancelled = await submittedApplication(api, sessions, system.url, {
    username: "bl-cancelled",
    realName: "钱七",
    unitId: "unit-demo-training-center",
  });
  people.cancelled = { applicant: cancelled.applicant, applicationId: cancelled.applicationId };
  recorded = await registerApplicant(api, "bl-recorded", "吴十");
  sessions.remember("bl-recorded", APPLICANT_PASSWORD);
  const draftOwner = await registerApplicant(api, "bl-draft", "郑一");
  sessions.remember("bl-draft", APPLICANT_PASSWORD);
  const draft = await createApplication(api, await sessions.as("bl-draft"), draftOwner);
  draftOnly = { applicant: draftOwner, applicationId: draft.applicationId };
}, 240_000);

afterAll(async () => {
  await system?.stop();
});

describe("bulk import of an earlier register (R5.5)", () => {
  const rows: Record<string, unknown>[] = [];

  it("R5.5 an import of 1,000 rows with wrong rows names each by its number and stores nothing", async () => {
    rows.push(
      ...Array.from({ length: 998 }, () => row()),
      row({
        residentId: people.imported.applicant.residentId,
        realName: "孙八",
        decisionDate: "2023-03-01",
        documentNumber: "甘职改〔2023〕5号",
      }),
      row({ residentId: people.expired.applicant.residentId, realName: "周九", decisionDate: "2021-05-06" }),
    );
    const wrong = [...rows];
    wrong[2] = { ...rows[2], residentId: withWrongCheckDigit(String(rows[2]?.residentId)) };
    wrong[410] = { ...rows[410], ground: "rumour", decisionDate: "2024-09-21" };
    wrong[997] = { ...rows[5] };

    const refused = await refusedWithoutTrace(
      async () => api.send("POST", "/admin/blacklist/imports", { entries: wrong }, await office()),
      400,
      "BLACKLIST_IMPORT_INVALID",
    );
    expect(refused.message).toBe(
      "共3行有误（第3、411、998行），整批均未导入：请按 fields 逐行改正后重新提交全部记录。",
    );
    expect(refused.fields?.map((field) => [field.path, field.message.split("：")[0]])).toEqual([
      ["body.entries.2.residentId", "第3行"],
      ["body.entries.410.ground", "第411行"],
      ["body.entries.410.decisionDate", "第411行"],
      ["body.entries.997", "第998行"],
    ]);
    const register = await json<{ entries: unknown[] }>(
      await api.get("/admin/blacklist", await office()),
      200,
    );
    expect(register.entries).toEqual([]);
  });

  it("R5.5 the corrected import records all 1,000 entries; repeating it records nothing twice", async () => {
    const imported = await json<ImportAnswer>(
      await api.send("POST", "/admin/blacklist/imports", { entries: rows }, await office()),
      200,
    );
    expect([imported.rows, imported.recorded, imported.alreadyRecorded]).toEqual([1000, 1000, 0]);
    expect(imported.entries.at(-1)).toMatchObject({ row: 1000, outcome: "recorded", status: "expired" });
    expect(imported.entries.at(-2)).toMatchObject({ row: 999, outcome: "recorded", status: "active" });

    const again = await json<ImportAnswer>(
      await api.send("POST", "/admin/blacklist/imports", { entries: rows }, await office()),
      200,
    );
    expect([again.recorded, again.alreadyRecorded]).toEqual([0, 1000]);
    expect(again.entries.map((entry) => entry.entryId)).toEqual(
      imported.entries.map((entry) => entry.entryId),
    );

    const response = await api.get("/admin/blacklist", await office());
    const text = await response.clone().text();
    const register = await json<{
      entries: { realName: string; until: string; ground: string }[];
      nextCursor?: string;
    }>(response, 200);
    expect(register.entries[0]).toMatchObject({
      realName: "孙八",
      ground: "earlier_register",
      until: "2026-03-01",
    });
    expect(register.nextCursor).toBeDefined();
    expect(text).not.toContain(people.imported.applicant.residentId);
    expect(text).not.toMatch(/residentIdHash|sealedResidentId/);
  });

  it("R5.5 the imported entry refuses its person's submission, naming R5.5 and the end date", async () => {
    const barred = "您在往年的职称申报“黑名单”中（甘职改〔2023〕5号），2026年3月1日前不得申报职称。";
    // The checklist said so first: the submit's rules, run ahead and marked advisory (issue #17).
    const token = await sessions.as(people.imported.applicant.username);
    const precheck = await checklist(api, token, people.imported.applicationId);
    expect(precheck.sections).toEqual([]);
    expect(precheck.ready).toBe(false);
    expect(precheck.eligibility).toEqual({
      advisory: true,
      status: "not_eligible",
      message: expect.stringContaining("R5.5"),
      failures: [{ rule: "R5.5", code: "BLACKLISTED", message: barred }],
    });
    const refused = await refusedWithoutTrace(() => submit(people.imported), 422, "NOT_ELIGIBLE", "R5.5");
    expect(refused.fields).toEqual([
      { path: "eligibility.BLACKLISTED", message: `R5.5：${barred}`, rule: "R5.5", code: "BLACKLISTED" },
    ]);
  });

  it("R5.5 an imported entry whose period ended refuses nothing: the person submits", async () => {
    const submitted = await json<{ state: string }>(await submit(people.expired), 200);
    expect(submitted.state).toBe("submitted");
  });

  it("R5.5 only the title office imports", async () => {
    for (const role of ["organiser", "dept-admin", "unit-admin", "bl-expired"]) {
      await refusedWithoutTrace(
        async () =>
          api.send("POST", "/admin/blacklist/imports", { entries: [row()] }, await sessions.as(role)),
        403,
        "FORBIDDEN",
      );
    }
  });
});

describe("recording a decision by resident ID number (R5.5, R7.3)", () => {
  const decision = () => ({
    residentId: recorded.residentId,
    realName: "吴十",
    ground: "verified_complaint",
    decisionDate: "2024-06-01",
    documentNumber: "甘职改〔2024〕6号",
    reason: "经群众举报并核实，其2023年度申报材料中的获奖证书系伪造",
  });

  it("R5.5 records an entry with a past decision date; the same decision again is answered, not doubled", async () => {
    const first = await json<{ entryId: string; until: string; status: string; alreadyRecorded: boolean }>(
      await api.send("POST", "/admin/blacklist", decision(), await office()),
      201,
    );
    expect(first).toMatchObject({
      realName: "吴十",
      decisionDate: "2024-06-01",
      from: "2024-06-01",
      until: "2027-06-01",
      status: "active",
      alreadyRecorded: false,
    });
    const again = await json<{ entryId: string; alreadyRecorded: boolean }>(
      await api.send("POST", "/admin/blacklist", decision(), await office()),
      201,
    );
    expect(again).toMatchObject({ entryId: first.entryId, alreadyRecorded: true });
  });

  it("R5.5 refuses a decision after today and a wrong ID number, naming the fields, storing nothing", async () => {
    const late = await refusedWithoutTrace(
      async () =>
        api.send("POST", "/admin/blacklist", { ...decision(), decisionDate: "2024-09-21" }, await office()),
      400,
      "VALIDATION_FAILED",
    );
    expect(late.fields).toEqual([
      { path: "body.decisionDate", message: "决定日期不能晚于今天（2024-09-20），请核对" },
    ]);
    const badNumber = await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          "/admin/blacklist",
          {
            ...decision(),
            residentId: withWrongCheckDigit(recorded.residentId),
            years: 3,
            until: "2027-01-01",
          },
          await office(),
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(badNumber.fields?.map((field) => field.path)).toEqual(["body.residentId", "body.until"]);
  });

  it("R5.5 the recorded person starting an application is told why and until when", async () => {
    const refused = await refusedWithoutTrace(() => startApplication(recorded), 422, "BLACKLISTED", "R5.5");
    expect(refused.message).toBe(
      "经投诉举报核实，您已被列入职称申报“黑名单”（甘职改〔2024〕6号），2027年6月1日前不得申报职称。",
    );
  });
});

describe("fraud cancellation and the person's next start (R5.5)", () => {
  const finding = {
    finding: "经核查，申报人提交的业绩证明系伪造",
    unitAccountability: "申报单位审核把关不严，予以通报批评",
    handlerAccountability: "单位经办人未履行审核职责，由单位给予诫勉谈话",
  };
  const cancel = async (applicationId: string, expectedVersion: number) =>
    api.send(
      "POST",
      `/admin/rounds/2024/applications/${applicationId}/fraud-cancellation`,
      { ...finding, expectedVersion, documentNumber: "甘职改〔2024〕11号" },
      await office(),
    );
  let entryId = "";

  it("R5.5 a draft answers 404, as the route's summary says: it is the applicant's alone", async () => {
    const contract = await json<{ paths: Record<string, { post?: { summary: string } }> }>(
      await api.get("/openapi.json"),
      200,
    );
    const summary =
      contract.paths["/admin/rounds/{roundId}/applications/{applicationId}/fraud-cancellation"]?.post
        ?.summary;
    expect(summary).toContain("at any stage from its first submission on");
    expect(summary).toContain("A draft is the applicant's alone and answers 404");
    await refusedWithoutTrace(() => cancel(draftOnly.applicationId, 1), 404, "NOT_FOUND");
    const token = await sessions.as("bl-draft");
    const draft = await json<{ state: string }>(
      await api.get(applicationPath(draftOnly.applicationId), token),
      200,
    );
    expect(draft.state).toBe("draft");
  });

  it("R5.5 cancels the submitted application inside the window; starting again, the person is told why and until when", async () => {
    const token = await sessions.as("bl-cancelled");
    const { version } = await json<{ version: number }>(
      await api.get(applicationPath(people.cancelled.applicationId), token),
      200,
    );
    const cancelled = await json<{
      state: string;
      blacklistEntry: { entryId: string; documentNumber: string };
    }>(await cancel(people.cancelled.applicationId, version), 200);
    expect(cancelled).toMatchObject({
      state: "cancelled",
      blacklistEntry: { documentNumber: "甘职改〔2024〕11号" },
    });
    entryId = cancelled.blacklistEntry.entryId;

    const refused = await refusedWithoutTrace(
      () => startApplication(people.cancelled.applicant),
      422,
      "BLACKLISTED",
      "R5.5",
    );
    expect(refused.message).toBe(
      "您在“2024”轮次的申报因弄虚作假已于2024年9月20日被取消申报资格，并被列入职称申报“黑名单”（甘职改〔2024〕11号），2027年9月20日前不得申报职称。",
    );
    expect(refused.message).not.toContain("撤回");
  });

  it("R5.5 once the entry is lifted, the cancelled application still holds the round: the answer says so", async () => {
    await json(
      await api.send(
        "POST",
        `/admin/blacklist/${entryId}/lifting`,
        { reason: "经复核，撤销黑名单" },
        await office(),
      ),
      200,
    );
    const refused = await refusedWithoutTrace(
      () => startApplication(people.cancelled.applicant),
      422,
      "APPLICATION_CANCELLED",
      "R5.5",
    );
    expect(refused.message).toBe(
      `您在本轮次的申报（编号 ${people.cancelled.applicationId}）已因弄虚作假被取消申报资格，本轮次不能重新申报；如对处理有异议，请联系省职改办。`,
    );
  });

  it("an application still in progress is answered as before: continue it", async () => {
    const refused = await json<Refusal>(await startApplication(draftOnly.applicant), 409);
    expect(refused.code).toBe("APPLICATION_EXISTS");
    expect(refused.message).toContain(draftOnly.applicationId);
  });
});
