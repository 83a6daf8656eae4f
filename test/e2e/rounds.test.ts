import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import type { AuditRecord } from "../../functions/core/audit";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  applicationPath,
  createApplication,
  DEMO_UNIT,
  fillApplication,
  json,
  registerApplicant,
  untilOpen,
  uploadEverythingMissing,
} from "../support/applicant";
import { apiFetch } from "../support/contract-validator";
import { type Client, client, inRound, startTestSystem } from "../support/local-system";
import { refusedWithoutTrace, until } from "../support/refusals";
import { freshResidentId } from "../support/resident-ids";
import { markDepartmentApproved, Sessions, type Submitted, submittedApplication } from "../support/review";
import { sampleSections } from "../support/sample-application";

/**
 * Rounds year after year over HTTP (R3.4): the office creates the 2025 round while the 2024 committee
 * path runs, the two live side by side, and a 2025 deadline is extended so that a late submission gets
 * in while a passed boundary stays where it is.
 */
const OFFICE = "office-admin";
const TITLE_2025 = "2025年度全省人力资源培训专业高级职称申报评审";
const CALENDAR_2025 = {
  preparation: { from: "2025-09-01 00:00", to: "2025-09-10 24:00" },
  application: { from: "2025-09-11 00:00", to: "2025-10-20 24:00" },
  review: { from: "2025-10-21 00:00", to: "2025-11-04 24:00" },
  // The same instant as "2025-11-04 24:00", written as a machine would.
  receiptCutoff: "2025-11-04T16:00:00Z",
  achievementCutoff: "2025-09-30",
  seniorityReferenceDate: "2025-12-31",
};

interface Round {
  roundId: string;
  state: string;
  stateText: string;
  testData: boolean;
  openPhase: string | null;
  version: number;
  generation: number;
  calendar: { application: { from: string; to: string }; review: { from: string }; receiptCutoff: string };
  calendarText: Record<string, string>;
  eligibilityRuleSet: { id: string };
}

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
let earlier: Submitted;

async function rounds(): Promise<Round[]> {
  return (await json<{ rounds: Round[] }>(await api.get("/rounds"), 200)).rounds;
}

async function adminRound(roundId: string): Promise<Round> {
  return json<Round>(await api.get(`/admin/rounds/${roundId}`, await sessions.as(OFFICE)), 200);
}

async function roundAudit(roundId: string): Promise<AuditRecord[]> {
  const records = await json<AuditRecord[]>(
    await api.get(`/admin/rounds/${roundId}/audit?format=json`, await sessions.as(OFFICE)),
    200,
  );
  return records.filter((record) => record.entity === `ROUND#${roundId}`);
}

async function untilRoundOpen(roundId: string, phase: string): Promise<void> {
  await until(`round ${roundId} opens ${phase}`, async () => {
    const round = await json<{ openPhase: string | null }>(await api.get(`/rounds/${roundId}`), 200);
    return round.openPhase === phase;
  });
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
});
afterAll(async () => {
  await system?.stop();
});

describe("R3.4 the title office runs rounds year after year", () => {
  it("2024 reaches the committee: an application received at the cutoff", async () => {
    await sessions.at("2024-09-15T10:00:00+08:00");
    await untilOpen(api, "application");
    earlier = await submittedApplication(api, sessions, system.url, {
      username: "rounds-earlier",
      realName: "贾年",
      unitId: DEMO_UNIT,
    });
    await markDepartmentApproved(earlier.applicationId);
    // The receipt sweep comes 30 s after the cutoff, once no request that came in time can still run.
    await sessions.at("2024-11-05T00:00:30+08:00");
    await until(
      "the receipt",
      async () => (await roundRepository.get("2024"))?.progress.materialsReceived === true,
    );
  });

  it("R3.4 the office creates the 2025 round: wrong fields named, nothing half-created, an id not taken twice", async () => {
    await sessions.at("2024-12-20T10:00:00+08:00");
    const office = await sessions.as(OFFICE);
    await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          "/admin/rounds",
          { roundId: "2025", title: TITLE_2025, calendar: CALENDAR_2025 },
          await sessions.as("unit-admin"),
        ),
      403,
      "FORBIDDEN",
    );
    const malformed = await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          "/admin/rounds",
          {
            roundId: "25",
            title: "",
            calendar: {
              ...CALENDAR_2025,
              application: { from: "2025-09-11 00:00", to: "2025-10-32 24:00" },
              receiptCutoff: "11月4日24时",
            },
          },
          office,
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(malformed.fields?.map((field) => field.path)).toEqual(
      expect.arrayContaining([
        "body.roundId",
        "body.title",
        "body.calendar.application.to",
        "body.calendar.receiptCutoff",
      ]),
    );
    const disordered = await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          "/admin/rounds",
          {
            roundId: "2025",
            title: TITLE_2025,
            calendar: { ...CALENDAR_2025, review: { from: "2025-10-18 00:00", to: "2025-11-04 24:00" } },
          },
          office,
        ),
      400,
      "INVALID_ROUND_CALENDAR",
    );
    expect(disordered.fields?.map((field) => field.path)).toEqual(["body.calendar.review.from"]);
    expect((await rounds()).map((round) => round.roundId)).toEqual(["2024"]);
    expect((await api.get("/admin/rounds/2025", office)).status).toBe(404);

    const created = await json<Round>(
      await api.send(
        "POST",
        "/admin/rounds",
        { roundId: "2025", title: TITLE_2025, calendar: CALENDAR_2025 },
        office,
      ),
      201,
    );
    expect(created).toMatchObject({
      roundId: "2025",
      state: "upcoming",
      stateText: "未开始",
      testData: false,
      openPhase: null,
      version: 1,
      generation: 1,
      eligibilityRuleSet: { id: "retirement-2025" },
      calendar: {
        application: { from: "2025-09-10T16:00:00.000Z", to: "2025-10-20T16:00:00.000Z" },
        receiptCutoff: "2025-11-04T16:00:00.000Z",
      },
    });
    expect(created.calendarText.receiptCutoff).toBe("2025-11-05 00:00（北京时间）");

    // A retry of the same request (a lost answer) gets the same round; another round under the id is a conflict.
    const retried = await json<Round>(
      await api.send(
        "POST",
        "/admin/rounds",
        { roundId: "2025", title: TITLE_2025, calendar: CALENDAR_2025 },
        office,
      ),
      201,
    );
    expect(retried.version).toBe(1);
    const taken = await refusedWithoutTrace(
      () =>
        api.send(
          "POST",
          "/admin/rounds",
          { roundId: "2025", title: "另一个2025年度评审", calendar: CALENDAR_2025 },
          office,
        ),
      409,
      "ROUND_EXISTS",
    );
    expect(taken.message).toContain("2025");
    expect((await roundAudit("2025")).map((record) => record.action)).toEqual(["create_round"]);
    // Its calendar workflow runs, started once under the round's name.
    expect(system.workflows.statusOf("calendar-2025")).toBe("running");

    expect((await rounds()).map((round) => [round.roundId, round.state])).toEqual([
      ["2025", "upcoming"],
      ["2024", "running"],
    ]);
  });

  it("R3.4 R3.5 the 2024 committee path runs on while 2025 rehearses; one application per person and round", async () => {
    await sessions.at("2025-09-02T10:00:00+08:00");
    await untilRoundOpen("2025", "preparation");
    expect((await rounds()).map((round) => [round.roundId, round.state, round.testData])).toEqual([
      ["2025", "running", true],
      ["2024", "running", false],
    ]);

    const committee = `/rounds/2024/committee/applications/${earlier.applicationId}`;
    const { application } = await json<{ application: { version: number } }>(
      await api.get(committee, await sessions.as(OFFICE)),
      200,
    );
    const passed = await json<{ state: string }>(
      await api.send(
        "POST",
        `${committee}/qualification`,
        {
          expectedVersion: application.version,
          outcome: "passed",
          duplicateChecks: [
            { paperIndex: 0, duplicateRatio: 8.5 },
            { paperIndex: 1, duplicateRatio: 12 },
          ],
        },
        await sessions.as(OFFICE),
      ),
      200,
    );
    expect(passed.state).toBe("qualification_passed");

    // An expert appointed now for 2024's paper appraisal holds the role in 2024, named by the office.
    const expert = await json<{ accountId: string }>(
      await api.send(
        "POST",
        "/orgs/office/accounts",
        {
          username: "rounds-expert",
          realName: "严谨",
          residentId: freshResidentId(),
          phone: "13800138000",
          roles: ["expert"],
          roundId: "2024",
        },
        await sessions.as(OFFICE),
      ),
      201,
    );
    const rolesIn = async (query: string) =>
      (
        await json<{ accounts: { accountId: string; roles: { role: string }[] }[] }>(
          await api.get(`/orgs/office/accounts${query}`, await sessions.as(OFFICE)),
          200,
        )
      ).accounts
        .find((account) => account.accountId === expert.accountId)
        ?.roles.map((held) => held.role);
    expect(await rolesIn("?roundId=2024")).toEqual(["expert"]);
    // By default the accounts list reads the round under way: 2025, where the expert holds nothing.
    expect(await rolesIn("")).toEqual([]);

    const token = await sessions.as(earlier.applicant.username);
    const rehearsal = await json<{ applicationId: string; testData: boolean; testDataLabel?: string }>(
      await api.send("POST", "/rounds/2025/applications", {}, token),
      201,
    );
    expect(rehearsal).toMatchObject({ testData: true, testDataLabel: "测试数据" });
    await refusedWithoutTrace(
      () => api.send("POST", "/rounds/2025/applications", {}, token),
      409,
      "APPLICATION_EXISTS",
    );
    const stillThere = await json<{ state: string; testData: boolean }>(
      await api.get(applicationPath(earlier.applicationId), token),
      200,
    );
    expect(stillThere).toMatchObject({ state: "qualification_passed", testData: false });
  });

  it("R3.4 an extension with its reason is audited and lets a late submission in; a passed boundary never moves", async () => {
    await sessions.at("2025-10-20T22:00:00+08:00");
    await untilRoundOpen("2025", "application");
    const office = await sessions.as(OFFICE);
    // The purge of the rehearsal runs in the background: let it finish before comparing tables.
    await until("the rehearsal's purge", async () => {
      const { resets } = await json<{ resets: { status: string }[] }>(
        await api.get("/admin/rounds/2025/resets", office),
        200,
      );
      return resets.length > 0 && resets.every((reset) => reset.status === "done");
    });
    const before = await adminRound("2025");
    const path = "/admin/rounds/2025/calendar";
    const extension = {
      application: { to: "2025-10-24 24:00" },
      review: { from: "2025-10-25 00:00" },
    };

    const noReason = await refusedWithoutTrace(
      () => api.send("PUT", path, { expectedVersion: before.version, calendar: extension }, office),
      400,
      "VALIDATION_FAILED",
    );
    expect(noReason.fields?.map((field) => field.path)).toContain("body.reason");
    const passed = await refusedWithoutTrace(
      () =>
        api.send(
          "PUT",
          path,
          {
            expectedVersion: before.version,
            reason: "调整预准备开始时间",
            calendar: { preparation: { from: "2025-09-02 00:00" } },
          },
          office,
        ),
      422,
      "BOUNDARY_PASSED",
      "R3.4",
    );
    expect(passed.fields?.map((field) => field.path)).toEqual(["body.calendar.preparation.from"]);
    await refusedWithoutTrace(
      () =>
        api.send(
          "PUT",
          path,
          {
            expectedVersion: before.version,
            reason: "延长申报",
            calendar: { application: { to: "2025-10-24 24:00" } },
          },
          office,
        ),
      400,
      "INVALID_ROUND_CALENDAR",
    );

    const reason = "依据甘人社通〔2025〕XX号通知，个人申报截止时间延长至10月24日24时";
    const extended = await json<Round & { moved: { boundary: string; before: string; after: string }[] }>(
      await api.send("PUT", path, { expectedVersion: before.version, reason, calendar: extension }, office),
      200,
    );
    expect(extended.version).toBe(before.version + 1);
    // The office's wall time as written, and the instant it names in UTC (R3.1: "24:00" ends the day).
    expect(extended.moved).toEqual([
      {
        boundary: "application.to",
        before: "2025-10-20 24:00",
        after: "2025-10-24 24:00",
        beforeAt: "2025-10-20T16:00:00.000Z",
        afterAt: "2025-10-24T16:00:00.000Z",
      },
      {
        boundary: "review.from",
        before: "2025-10-21 00:00",
        after: "2025-10-25 00:00",
        beforeAt: "2025-10-20T16:00:00.000Z",
        afterAt: "2025-10-24T16:00:00.000Z",
      },
    ]);
    await refusedWithoutTrace(
      () =>
        api.send(
          "PUT",
          path,
          { expectedVersion: before.version, reason, calendar: { review: { to: "2025-11-03 24:00" } } },
          office,
        ),
      409,
      "STALE_VERSION",
    );
    const amendments = (await roundAudit("2025")).filter((record) => record.action === "amend_calendar");
    expect(amendments).toHaveLength(1);
    expect(amendments[0]?.detail).toMatchObject({
      reason,
      before: { application: { to: "2025-10-20 24:00" } },
      after: { application: { to: "2025-10-24 24:00" } },
    });

    // Two days after the original deadline: the extended window takes the submission.
    await sessions.at("2025-10-22T10:00:00+08:00");
    const api2025 = inRound("2025", api);
    const token = await sessions.as(earlier.applicant.username);
    const mine = await json<{ applications: unknown[] }>(
      await api.get("/rounds/2025/applications", token),
      200,
    );
    expect(mine.applications).toEqual([]);
    const created = await createApplication(api2025, token, earlier.applicant);
    const filled = await fillApplication(api2025, token, earlier.applicant, created);
    const years = [2020, 2021, 2022, 2023, 2024];
    await json(
      await api2025.send(
        "PUT",
        applicationPath(created.applicationId, "/sections/ability"),
        {
          expectedVersion: filled,
          confirmed: true,
          data: {
            ...sampleSections().ability,
            annualAssessments: years.map((year) => ({ year, result: "competent" })),
            continuingEducation: years.map((year) => ({ year, hours: 90 })),
          },
        },
        token,
      ),
      200,
    );
    await uploadEverythingMissing(api2025, token, created.applicationId);
    const appPath = `/rounds/2025/applications/${created.applicationId}`;
    const { version } = await json<{ version: number }>(await api.get(appPath, token), 200);
    const submitted = await json<{ state: string; testData: boolean }>(
      await apiFetch(`${system.url}${appPath}/submit`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          "idempotency-key": `late-${created.applicationId}`,
        },
        body: JSON.stringify({ expectedVersion: version }),
      }),
      200,
    );
    expect(submitted).toMatchObject({ state: "submitted", testData: false });
    // The workflow, polling all along, read the new calendar: nothing expired at the original deadline.
    expect((await roundRepository.get("2025"))?.progress.unsubmittedExpired).toBe(false);

    // The new deadline is a deadline like the old one, for every write path and for the sweep.
    await sessions.at("2025-10-25T00:00:00+08:00");
    const latecomer = await registerApplicant(api, "rounds-latecomer", "迟到");
    sessions.remember(latecomer.username, APPLICANT_PASSWORD);
    const late = await refusedWithoutTrace(
      async () => api.send("POST", "/rounds/2025/applications", {}, await sessions.as(latecomer.username)),
      422,
      "DEADLINE_PASSED",
      "R3",
    );
    expect(late.message).toContain("2025-10-25 00:00");
    await sessions.at("2025-10-25T00:00:30+08:00");
    await until(
      "the 2025 drafts expired at the extended deadline",
      async () => (await roundRepository.get("2025"))?.progress.unsubmittedExpired === true,
    );
  });
});
