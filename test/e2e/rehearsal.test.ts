import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalSystem } from "../../infra/local/system";
import { applicationPath, DEMO_UNIT, json, objectKeys, untilOpen } from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { until } from "../support/refusals";
import { createStaff, Sessions, type Submitted, submitAs, submittedApplication } from "../support/review";

/**
 * The pre-preparation is a rehearsal (R3.5): from 09-01 applicants, the unit and the department do all
 * of the formal round on test data — submit, unit review and return, publicity with an objection,
 * recommendation, department review and return — and the reset at 09-11 00:00 clears every trace (R3.3).
 * The seeded unit staff hold their roles in the rehearsal's generation.
 */
const DEPT = "dept-lanzhou-hrss";
const OFFICE = "office-admin";

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
let rehearsed: Submitted;
let noticeId = "";
let downloadUrl = "";

interface Review {
  version: number;
  state: string;
  testData: boolean;
  testDataLabel?: string;
  objections: { objectionId: string }[];
  evidence: { download: { url: string } }[];
}

const reviewPath = (suffix = "") => `/rounds/2024/review/applications/${rehearsed.applicationId}${suffix}`;

async function review(as: string): Promise<Review> {
  return json<Review>(await api.get(reviewPath(), await sessions.as(as)), 200);
}

async function act(suffix: string, body: Record<string, unknown>, as: string) {
  const { version } = await review(as);
  return json<{ state: string; testData: boolean }>(
    await api.send("POST", reviewPath(suffix), { expectedVersion: version, ...body }, await sessions.as(as)),
    200,
  );
}

async function resubmit(): Promise<void> {
  const token = await sessions.as(rehearsed.applicant.username);
  const { version } = await json<{ version: number }>(
    await api.get(applicationPath(rehearsed.applicationId, "/status"), token),
    200,
  );
  await json(await submitAs(system.url, token, rehearsed.applicationId, "resubmit", version), 200);
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-02T09:00:00+08:00");
  await untilOpen(api, "preparation");
  await createStaff(api, sessions, "dept-admin", DEPT, "rh-reviewer", "陈静", ["department_reviewer"]);
});
afterAll(async () => {
  await system?.stop();
});

describe("R3.5 the pre-preparation rehearses the whole round on test data", () => {
  it("R3.5 the applicant submits during the pre-preparation; every answer says it is test data", async () => {
    const round = await json<{ testData: boolean; openPhase: string }>(await api.get("/rounds/2024"), 200);
    expect(round).toMatchObject({ testData: true, openPhase: "preparation" });
    rehearsed = await submittedApplication(api, sessions, system.url, {
      username: "rehearsal-applicant",
      realName: "演练",
      unitId: DEMO_UNIT,
    });
    const token = await sessions.as(rehearsed.applicant.username);
    const status = await json<{
      state: string;
      testData: boolean;
      testDataLabel: string;
      nextSteps: string[];
    }>(await api.get(applicationPath(rehearsed.applicationId, "/status"), token), 200);
    expect(status).toMatchObject({ state: "submitted", testData: true, testDataLabel: "测试数据" });
    expect(status.nextSteps[0]).toContain("测试数据，将在2024-09-11 00:00（北京时间）系统重置时清除");
    const listed = await json<{
      applications: { applicationId: string; testData: boolean; testDataLabel: string }[];
    }>(await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications`, await sessions.as("unit-handler")), 200);
    expect(listed.applications).toEqual([
      expect.objectContaining({
        applicationId: rehearsed.applicationId,
        testData: true,
        testDataLabel: "测试数据",
      }),
    ]);
  });

  it("R3.5 the unit returns it, the applicant resubmits, the unit posts a test notice that the public reads and objects to", async () => {
    expect(
      await act(
        "/unit-return",
        { reason: "演练退回", items: [{ section: "summary", comment: "请补充小结" }] },
        "unit-handler",
      ),
    ).toMatchObject({ state: "returned_by_unit", testData: true });
    await resubmit();
    const { version } = await review("unit-handler");
    const notice = await json<{ noticeId: string; title: string; testData: boolean; testDataLabel: string }>(
      await api.send(
        "POST",
        `/rounds/2024/units/${DEMO_UNIT}/notices`,
        {
          publicityScope: "本单位公告栏",
          lastDay: "2024-09-07",
          applications: [{ applicationId: rehearsed.applicationId, expectedVersion: version }],
        },
        await sessions.as("unit-handler"),
      ),
      201,
    );
    noticeId = notice.noticeId;
    expect(notice.title.startsWith("【测试数据】")).toBe(true);
    const published = await json<{ notices: { noticeId: string; testData: boolean; title: string }[] }>(
      await api.get("/rounds/2024/notices"),
      200,
    );
    expect(published.notices).toEqual([expect.objectContaining({ noticeId, testData: true })]);
    await json(
      await api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
        entry: 1,
        content: "演练异议：请核实该申报人的任职年限",
      }),
      201,
    );
    const { objections, version: read } = await review("unit-handler");
    const [objection] = objections;
    await json(
      await api.send(
        "POST",
        reviewPath(`/objections/${objection?.objectionId}/resolution`),
        { outcome: "dismissed", reason: "经核实任职年限符合要求", expectedVersion: read },
        await sessions.as("unit-handler"),
      ),
      200,
    );
  });

  it("R3.5 the leader recommends after the notice; the department returns once, then approves", async () => {
    await sessions.at("2024-09-08T10:00:00+08:00");
    expect(await act("/recommendation", {}, "unit-leader")).toMatchObject({
      state: "recommended",
      testData: true,
    });
    expect(
      await act(
        "/department-return",
        { reason: "演练：请补充材料", items: [{ section: "achievements", comment: "论文期刊级别有误" }] },
        "rh-reviewer",
      ),
    ).toMatchObject({ state: "returned_by_department" });
    await resubmit();
    await act("/recommendation", {}, "unit-leader");
    expect(await act("/department-approval", { opinion: "演练通过" }, "rh-reviewer")).toMatchObject({
      state: "department_approved",
      testData: true,
    });
    const seen = await review("rh-reviewer");
    expect(seen).toMatchObject({ testData: true, testDataLabel: "测试数据" });
    downloadUrl = seen.evidence[0]?.download.url ?? "";
    expect((await fetch(downloadUrl)).status).toBe(200);
  });

  it("R3.3 the reset at 09-11 00:00 clears all of it: no list, notice, record, role or download survives", async () => {
    await sessions.at("2024-09-11T00:00:00+08:00");
    await untilOpen(api, "application");
    const round = await json<{ testData: boolean }>(await api.get("/rounds/2024"), 200);
    expect(round.testData).toBe(false);
    const office = await sessions.as(OFFICE);
    const applicant = await sessions.as(rehearsed.applicant.username);

    expect(
      (await json<{ applications: unknown[] }>(await api.get("/rounds/2024/applications", applicant), 200))
        .applications,
    ).toEqual([]);
    expect((await api.get(applicationPath(rehearsed.applicationId), applicant)).status).toBe(404);
    expect(
      (
        await json<{ applications: unknown[] }>(
          await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications`, office),
          200,
        )
      ).applications,
    ).toEqual([]);
    expect(
      (
        await json<{ applications: unknown[] }>(
          await api.get(`/rounds/2024/departments/${DEPT}/applications`, office),
          200,
        )
      ).applications,
    ).toEqual([]);
    expect((await json<{ notices: unknown[] }>(await api.get("/rounds/2024/notices"), 200)).notices).toEqual(
      [],
    );
    expect((await api.get(`/rounds/2024/notices/${noticeId}`)).status).toBe(404);
    expect((await api.get(reviewPath(), office)).status).toBe(404);
    // The handler's and the reviewer's roles belonged to the rehearsal (R3.2).
    expect(
      (await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications`, await sessions.as("unit-handler")))
        .status,
    ).toBe(403);

    await until("the rehearsal's purge", async () => {
      const { resets } = await json<{ resets: { status: string }[] }>(
        await api.get("/admin/rounds/2024/resets", office),
        200,
      );
      return resets.length === 1 && resets[0]?.status === "done";
    });
    expect(await objectKeys("rounds/2024/g1/")).toEqual([]);
    expect((await fetch(downloadUrl)).status).not.toBe(200);

    // The formal round starts clean: a new application is formal data.
    const formal = await json<{ testData: boolean }>(
      await api.send("POST", "/rounds/2024/applications", {}, applicant),
      201,
    );
    expect(formal.testData).toBe(false);
  });
});
