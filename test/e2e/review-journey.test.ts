import { createHash } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { quotaRepository } from "../../functions/adapters/dynamodb/quota-repository";
import type { LocalSystem } from "../../infra/local/system";
import {
  applicationPath,
  checklist,
  DEMO_UNIT,
  json,
  listEvidence,
  READY,
  untilOpen,
} from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { type Refusal, refusedWithoutTrace } from "../support/refusals";
import {
  auditTrail,
  createStaff,
  Sessions,
  type Submitted,
  submitAs,
  submittedApplication,
} from "../support/review";

/**
 * Unit and department review, unit publicity and public objections over HTTP on the local runtime
 * (issue #7), one round walked forward by the virtual clock: the demo unit (A regular, B 破格, E) and a
 * second unit under post management with one free senior post (C and D, the quota race).
 */
const DEPT = "dept-lanzhou-hrss";
const SCOPE = { roundId: "2024", generation: 2 };

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
let secondUnit: string;
const people: Record<"a" | "b" | "e" | "c" | "d", Submitted | undefined> = {
  a: undefined,
  b: undefined,
  e: undefined,
  c: undefined,
  d: undefined,
};
const notices: Record<"ae" | "b" | "cd", string> = { ae: "", b: "", cd: "" };

interface Review {
  applicationId: string;
  state: string;
  version: number;
  departmentReturns: number;
  availableActions: string[];
  submission: number;
  sections: { basic?: { residentId: string } };
  evidence: {
    evidenceId: string;
    slotId: string;
    sha256: string;
    download: { url: string; expiresAt: string };
  }[];
  unresolvedObjections: number;
  objections: { objectionId: string; entry: number; status: string; content: string; contact?: unknown }[];
  originalsRequired?: { items: string[] };
  registryChecks: Record<string, unknown>[];
  timeline: { action: string; role: string; org?: string; toState: string; reason?: string }[];
}

const who = (key: keyof typeof people): Submitted => {
  const person = people[key];
  if (!person) throw new Error(`applicant ${key} was not set up`);
  return person;
};
const reviewPath = (id: string, suffix = "") => `/rounds/2024/review/applications/${id}${suffix}`;

async function review(key: keyof typeof people, as = "rv-handler"): Promise<Review> {
  return json<Review>(await api.get(reviewPath(who(key).applicationId), await sessions.as(as)), 200);
}

/** An action on the version the actor reads just before, as a reviewer's screen would send it. */
async function act(key: keyof typeof people, suffix: string, body: Record<string, unknown>, as: string) {
  const current = await review(key, as);
  return api.send(
    "POST",
    reviewPath(who(key).applicationId, suffix),
    { expectedVersion: current.version, ...body },
    await sessions.as(as),
  );
}

async function openNotice(unitId: string, as: string, lastDay: string, keys: (keyof typeof people)[]) {
  const applications = [];
  for (const key of keys) {
    const { version } = await review(key, as);
    applications.push({ applicationId: who(key).applicationId, expectedVersion: version });
  }
  return api.send(
    "POST",
    `/rounds/2024/units/${unitId}/notices`,
    { publicityScope: "本单位公告栏及内部网站", lastDay, applications },
    await sessions.as(as),
  );
}

async function lodge(noticeId: string, entry: number, content: string, contact?: Record<string, string>) {
  return api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
    entry,
    content,
    ...(contact ? { contact } : {}),
  });
}

async function resubmit(key: keyof typeof people): Promise<void> {
  const { applicationId, applicant } = who(key);
  const token = await sessions.as(applicant.username);
  const status = await json<{ version: number }>(
    await api.get(applicationPath(applicationId, "/status"), token),
    200,
  );
  await json(await submitAs(system.url, token, applicationId, "resubmit", status.version), 200);
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
  // The seeded handler and leader belonged to the pre-preparation (generation 1): the admin re-creates them (R3.2).
  await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "rv-handler", "李晓燕", ["unit_handler"]);
  await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "rv-leader", "张志强", ["unit_leader"]);
  await createStaff(api, sessions, "dept-admin", DEPT, "rv-reviewer", "陈静", ["department_reviewer"]);
  secondUnit = (
    await json<{ orgId: string }>(
      await api.send(
        "POST",
        "/admin/units",
        {
          name: "兰州新区干部培训中心",
          unitType: "government_staff_training",
          central: false,
          region: "兰州市",
          departmentId: DEPT,
          underPostManagement: true,
          professionalPosts: 10,
          seniorTitleHolders: 1,
          seniorPosts: 2,
        },
        await sessions.as("office-admin"),
      ),
      201,
    )
  ).orgId;
  await createStaff(api, sessions, "office-admin", secondUnit, "rv2-admin", "赵敏", ["unit_admin"]);
  await createStaff(api, sessions, "rv2-admin", secondUnit, "rv2-handler", "钱进", ["unit_handler"]);

  // The purge of the pre-preparation runs in the background: let it finish before comparing tables.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { resets } = await json<{ resets: { status: string }[] }>(
      await api.get("/admin/rounds/2024/resets", await sessions.as("office-admin")),
      200,
    );
    if (resets.length > 0 && resets.every((reset) => reset.status === "done")) break;
    if (Date.now() > deadline) throw new Error("the reset's purge did not finish");
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }

  // One after another, so that "newest first" has an order to show.
  const arrivals = [
    ["a", "10:00", { unitId: DEMO_UNIT, username: "rv-a", realName: "王甲" }],
    ["e", "10:05", { unitId: DEMO_UNIT, username: "rv-e", realName: "周戊" }],
    [
      "b",
      "10:10",
      {
        unitId: DEMO_UNIT,
        username: "rv-b",
        realName: "刘乙",
        baseInfo: { applicationMethod: "exceptional" },
      },
    ],
    ["c", "10:15", { unitId: secondUnit, username: "rv-c", realName: "孙丙" }],
    ["d", "10:20", { unitId: secondUnit, username: "rv-d", realName: "吴丁" }],
  ] as const;
  for (const [key, time, person] of arrivals) {
    await sessions.at(`2024-09-12T${time}:00+08:00`);
    people[key] = await submittedApplication(api, sessions, system.url, person);
  }
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

describe("unit review over HTTP (issue #7)", () => {
  it("R4.2 the handler lists the unit's submitted applications newest first, filters by state, and opens one with its pinned evidence", async () => {
    await sessions.at("2024-09-13T10:00:00+08:00");
    const token = await sessions.as("rv-handler");
    const listed = await json<{
      applications: { applicationId: string; applicantName: string; state: string }[];
    }>(await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications`, token), 200);
    expect(listed.applications.map((item) => item.applicantName)).toEqual(["刘乙", "周戊", "王甲"]);
    const filtered = await json<{ applications: unknown[] }>(
      await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications?state=unit_publicity`, token),
      200,
    );
    expect(filtered.applications).toEqual([]);

    const opened = await review("a");
    expect(opened).toMatchObject({ state: "submitted", submission: 1, unresolvedObjections: 0 });
    expect(opened.availableActions).toEqual(["return_by_unit", "open_publicity", "cancel_by_unit"]);
    expect(opened.sections.basic?.residentId).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    expect(opened.evidence.length).toBeGreaterThanOrEqual(20);
    const [first] = opened.evidence;
    if (!first) throw new Error("no evidence pinned");
    const download = await fetch(first.download.url);
    expect(download.status).toBe(200);
    const bytes = new Uint8Array(await download.arrayBuffer());
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(first.sha256);
  });

  it("R7.9 the handler returns an application with reasons per section and slot; the applicant reads them and resubmits", async () => {
    const returned = await json<{ state: string }>(
      await act(
        "a",
        "/unit-return",
        {
          reason: "请按以下意见修改后再次提交",
          items: [
            { section: "summary", comment: "小结过于简略，请补充近五年主要业绩" },
            { slotId: "id_photo", comment: "证件照背景不符合要求，请重新上传白底照片" },
          ],
        },
        "rv-handler",
      ),
      200,
    );
    expect(returned.state).toBe("returned_by_unit");
    const { applicationId, applicant } = who("a");
    const status = await json<{ state: string; returnReason: string }>(
      await api.get(applicationPath(applicationId, "/status"), await sessions.as(applicant.username)),
      200,
    );
    expect(status.state).toBe("returned_by_unit");
    expect(status.returnReason).toContain("1.【小结】小结过于简略");
    expect(status.returnReason).toMatch(/2\.【基本信息 \/ .+】证件照背景不符合要求/);

    const [, , returnEvent] = await auditTrail("2", applicationId).then((items) =>
      items.filter((item) => item.toState !== undefined),
    );
    expect(returnEvent).toMatchObject({
      action: "return_by_unit",
      role: "unit_handler",
      org: DEMO_UNIT,
      fromState: "submitted",
      toState: "returned_by_unit",
    });
    expect(returnEvent?.detail).toMatchObject({
      items: [{ section: "summary" }, { section: "basic", slotId: "id_photo" }],
    });

    await resubmit("a");
    expect((await review("a")).state).toBe("submitted");
  });

  it("R7.4 the handler records a 学信网 check of an education record; after a return its evidence is no longer asked for", async () => {
    const { applicationId, applicant } = who("a");
    const certificateNumber = "107301200505000123";
    const check = async (body: Record<string, unknown>, as = "rv-handler") =>
      api.send(
        "POST",
        reviewPath(applicationId, "/registry-checks"),
        {
          expectedVersion: (await review("a")).version,
          educationIndex: 0,
          verificationCode: "a1b2c3d4e5f6g7h8",
          ...body,
        },
        await sessions.as(as),
      );
    const mismatch = await refusedWithoutTrace(
      () => check({ certificateNumber: "107301200505000999" }),
      422,
      "REGISTRY_CHECK_NUMBER_MISMATCH",
    );
    expect(mismatch.message).toContain(certificateNumber);
    // The department reviews only what was recommended to it; the applicant never reaches this route.
    await refusedWithoutTrace(() => check({ certificateNumber }, "rv-reviewer"), 404, "NOT_FOUND");
    await refusedWithoutTrace(() => check({ certificateNumber }, applicant.username), 403, "FORBIDDEN");

    const recorded = await json<{ registryCheck: Record<string, unknown> }>(
      await check({ certificateNumber }),
      201,
    );
    expect(recorded.registryCheck).toMatchObject({
      certificateNumber,
      verificationCode: "A1B2C3D4E5F6G7H8",
      role: "unit_handler",
      org: DEMO_UNIT,
    });
    expect((await review("a")).registryChecks).toEqual([recorded.registryCheck]);
    const trail = await auditTrail("2", applicationId);
    expect(trail.at(-1)).toMatchObject({
      action: "record_registry_check",
      role: "unit_handler",
      org: DEMO_UNIT,
    });

    await json(
      await act(
        "a",
        "/unit-return",
        { reason: "请补充", items: [{ section: "summary", comment: "请补充业绩" }] },
        "rv-handler",
      ),
      200,
    );
    const token = await sessions.as(applicant.username);
    const education = (await listEvidence(api, token, applicationId)).find(
      (item) => item.slotId === "education_evidence",
    );
    await json(
      await api.send(
        "DELETE",
        applicationPath(applicationId, `/evidence/${education?.evidenceId}`),
        undefined,
        token,
      ),
      204,
    );
    expect(await checklist(api, token, applicationId)).toEqual(READY);
    await resubmit("a");
    expect((await review("a")).evidence.map((item) => item.slotId)).not.toContain("education_evidence");
  });

  it("R7.9 400 for a return that names no place, or a slot of another section; nothing is stored", async () => {
    const token = await sessions.as("rv-handler");
    const { version } = await review("e");
    const bad = await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          reviewPath(who("e").applicationId, "/unit-return"),
          {
            expectedVersion: version,
            reason: "请修改",
            items: [
              { comment: "没有指明位置" },
              { section: "summary", slotId: "id_photo", comment: "位置矛盾" },
            ],
          },
          token,
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.map((field) => field.path)).toEqual(["body.items.0.section", "body.items.1.slotId"]);
  });

  it("R3.2 a unit without its three real-name accounts cannot act: 422 naming the rule, nothing changed", async () => {
    await sessions.at("2024-09-13T11:00:00+08:00");
    const staffing = await json<{ staffed: boolean; missingRoles: string[] }>(
      await api.get(`/rounds/2024/units/${secondUnit}/staffing`, await sessions.as("rv2-handler")),
      200,
    );
    expect(staffing).toMatchObject({ staffed: false, missingRoles: ["unit_leader"] });
    const refused = await refusedWithoutTrace(
      () => openNotice(secondUnit, "rv2-handler", "2024-09-19", ["c"]),
      422,
      "UNIT_ACCOUNTS_INCOMPLETE",
      "R3.2",
    );
    expect(refused.message).toContain("审核领导");
    await refusedWithoutTrace(
      () =>
        act(
          "c",
          "/unit-return",
          { reason: "请修改", items: [{ section: "summary", comment: "补充" }] },
          "rv2-handler",
        ),
      422,
      "UNIT_ACCOUNTS_INCOMPLETE",
      "R3.2",
    );
    await createStaff(api, sessions, "rv2-admin", secondUnit, "rv2-leader", "郑一", ["unit_leader"]);
    await createStaff(api, sessions, "rv2-admin", secondUnit, "rv2-leader2", "冯二", ["unit_leader"]);
  });
});

describe("unit publicity (R4.2, R5.3, §7)", () => {
  it("R4.2 refuses a notice shorter than 5 calendar days counted from the day after posting, and posts one of 5", async () => {
    await sessions.at("2024-09-14T10:00:00+08:00");
    const short = await refusedWithoutTrace(
      () => openNotice(DEMO_UNIT, "rv-handler", "2024-09-18", ["a", "e"]),
      422,
      "PUBLICITY_TOO_SHORT",
      "R4.2",
    );
    expect(short.message).toContain("2024-09-19");
    expect(short.fields?.map((field) => field.path)).toEqual(["body.lastDay"]);

    const posted = await json<{
      noticeId: string;
      endsAt: string;
      entries: { entry: number; name: string }[];
    }>(await openNotice(DEMO_UNIT, "rv-handler", "2024-09-19", ["a", "e"]), 201);
    expect(posted.endsAt).toBe(new Date("2024-09-20T00:00:00+08:00").toISOString());
    expect(posted.entries.map((entry) => [entry.entry, entry.name])).toEqual([
      [1, "王甲"],
      [2, "周戊"],
    ]);
    notices.ae = posted.noticeId;
    expect((await review("a")).state).toBe("unit_publicity");
  });

  it("R5.3 a 破格 applicant needs the round's extended publicity (7 days by default)", async () => {
    await sessions.at("2024-09-14T10:30:00+08:00");
    const refused = await refusedWithoutTrace(
      () => openNotice(DEMO_UNIT, "rv-handler", "2024-09-19", ["b"]),
      422,
      "PUBLICITY_TOO_SHORT",
      "R5.3",
    );
    expect(refused.message).toContain("刘乙");
    expect(refused.message).toContain("2024-09-21");
    notices.b = (
      await json<{ noticeId: string }>(await openNotice(DEMO_UNIT, "rv-handler", "2024-09-21", ["b"]), 201)
    ).noticeId;
    notices.cd = (
      await json<{ noticeId: string }>(
        await openNotice(secondUnit, "rv2-handler", "2024-09-19", ["c", "d"]),
        201,
      )
    ).noticeId;
  });

  it("§7 the notice is public without login, with the ID number masked and no phone or application id", async () => {
    const notice = await json<Record<string, unknown>>(
      await api.get(`/rounds/2024/notices/${notices.ae}`),
      200,
    );
    expect(notice).toMatchObject({ running: true, lastDay: "2024-09-19", unitId: DEMO_UNIT });
    const text = JSON.stringify(notice);
    expect(text).not.toContain(who("a").applicationId);
    expect(text).not.toContain(who("a").applicant.residentId);
    expect(text).not.toContain("13800138000");
    expect((notice.entries as { maskedResidentId: string }[])[0]?.maskedResidentId).toMatch(/^\d{4}\*{10}/);
    const listed = await json<{ notices: { noticeId: string }[] }>(
      await api.get(`/rounds/2024/notices?unitId=${DEMO_UNIT}`),
      200,
    );
    expect(listed.notices.map((item) => item.noticeId)).toEqual([notices.b, notices.ae]);
  });
});

describe("public objections (§7)", () => {
  it("§7 anyone lodges an objection without login; it is stored with time and content, and the objector is never shown publicly", async () => {
    await sessions.at("2024-09-15T10:00:00+08:00");
    const receipt = await json<{ objectionId: string; lodgedAt: string }>(
      await lodge(notices.ae, 1, "该申报人所报论文系他人代写，请核查。", {
        name: "林某",
        phone: "13912345678",
      }),
      201,
    );
    expect(receipt.lodgedAt).toBe(new Date("2024-09-15T10:00:00+08:00").toISOString());
    await json(await lodge(notices.ae, 2, "该申报人学历证书系伪造，可向学信网核实。"), 201);
    const publicText = JSON.stringify(await json(await api.get(`/rounds/2024/notices/${notices.ae}`), 200));
    expect(publicText).not.toContain("林某");
    expect(publicText).not.toContain("代写");

    const seen = await review("a");
    expect(seen.unresolvedObjections).toBe(1);
    expect(seen.objections).toEqual([
      expect.objectContaining({
        objectionId: receipt.objectionId,
        entry: 1,
        status: "unresolved",
        content: "该申报人所报论文系他人代写，请核查。",
        contact: { name: "林某", phone: "13912345678" },
      }),
    ]);
  });

  it("§7 400 for markup, an oversized text or an entry the notice does not have; 404 for no such notice; nothing stored", async () => {
    for (const [body, path] of [
      [{ entry: 1, content: "<script>alert('x')</script>这是一条异议内容" }, "body.content"],
      [{ entry: 1, content: "长".repeat(2001) }, "body.content"],
      [{ entry: 9, content: "序号不存在的异议内容，请核查。" }, "body.entry"],
    ] as const) {
      const refused = await refusedWithoutTrace(
        () => api.send("POST", `/rounds/2024/notices/${notices.ae}/objections`, body),
        400,
        "VALIDATION_FAILED",
      );
      expect(refused.fields?.map((field) => field.path)).toEqual([path]);
    }
    await refusedWithoutTrace(
      () => lodge("00000000-0000-4000-8000-000000000000", 1, "不存在的公示的异议内容。"),
      404,
      "NOT_FOUND",
    );
  });

  it("§7 429 after 10 objections from one address in one hour, on a DynamoDB counter per address and window; nothing stored", async () => {
    await sessions.at("2024-09-15T11:00:00+08:00");
    for (let n = 1; n <= 10; n += 1) {
      await json(await lodge(notices.b, 1, `第${n}条：申报材料中的获奖情况与事实不符。`), 201);
    }
    await refusedWithoutTrace(
      () => lodge(notices.b, 1, "第11条：申报材料中的获奖情况与事实不符。"),
      429,
      "TOO_MANY_OBJECTIONS",
    );
    await sessions.at("2024-09-15T12:00:00+08:00");
    expect((await review("b")).unresolvedObjections).toBe(10);
  });

  it("R4.2 the leader cannot recommend while the notice runs: 422, nothing changed", async () => {
    await sessions.at("2024-09-16T10:00:00+08:00");
    const refused = await refusedWithoutTrace(
      () => act("a", "/recommendation", {}, "rv-leader"),
      422,
      "PUBLICITY_NOT_FINISHED",
      "R4.2",
    );
    expect(refused.message).toContain("2024-09-20 00:00");
  });

  it("R5.5 an objection upheld as fraud cancels the application; one upheld otherwise returns it; the rest are dismissed with reasons", async () => {
    const e = await review("e");
    const [fraud] = e.objections;
    if (!fraud) throw new Error("no objection against E");
    const cancelled = await json<{ status: string; application: { state: string } }>(
      await api.send(
        "POST",
        reviewPath(who("e").applicationId, `/objections/${fraud.objectionId}/resolution`),
        {
          outcome: "upheld",
          followUp: "cancel",
          reason: "经学信网核实，学历证书系伪造",
          expectedVersion: e.version,
        },
        await sessions.as("rv-handler"),
      ),
      200,
    );
    expect(cancelled).toMatchObject({ status: "upheld", application: { state: "cancelled" } });

    const b = await review("b");
    const [first, ...rest] = b.objections;
    if (!first) throw new Error("no objection against B");
    await json(
      await api.send(
        "POST",
        reviewPath(who("b").applicationId, `/objections/${first.objectionId}/resolution`),
        {
          outcome: "upheld",
          followUp: "return",
          reason: "获奖证书等级填写有误，请更正",
          expectedVersion: b.version,
        },
        await sessions.as("rv-handler"),
      ),
      200,
    );
    // A dismissal moves nothing but is still given on the version read (issue #17).
    const { version: returnedVersion } = await review("b");
    for (const objection of rest) {
      await json(
        await api.send(
          "POST",
          reviewPath(who("b").applicationId, `/objections/${objection.objectionId}/resolution`),
          { outcome: "dismissed", reason: "与已处理的异议内容相同", expectedVersion: returnedVersion },
          await sessions.as("rv-handler"),
        ),
        200,
      );
    }
    const afterwards = await review("b");
    expect(afterwards).toMatchObject({ state: "returned_by_unit", unresolvedObjections: 0 });
    expect(afterwards.objections.map((objection) => objection.status).sort()).toEqual([
      ...Array(9).fill("dismissed"),
      "upheld",
    ]);
    const again = await json<Refusal>(
      await api.send(
        "POST",
        reviewPath(who("b").applicationId, `/objections/${first.objectionId}/resolution`),
        { outcome: "dismissed", reason: "重复处理", expectedVersion: returnedVersion },
        await sessions.as("rv-handler"),
      ),
      409,
    );
    expect(again.code).toBe("OBJECTION_RESOLVED");
  });
});

describe("recommendation (R3.2, R4.2, R5.2)", () => {
  it("R4.2 an unresolved objection blocks the recommendation after the notice: 422, nothing changed; resolved, the leader recommends within the post ratio", async () => {
    await sessions.at("2024-09-20T09:00:00+08:00");
    // Ended: still public, no longer open to objections (§7).
    expect(await json(await api.get(`/rounds/2024/notices/${notices.ae}`), 200)).toMatchObject({
      running: false,
    });
    expect((await json<Refusal>(await lodge(notices.ae, 1, "公示结束后提交的异议内容。"), 409)).code).toBe(
      "NOTICE_CLOSED",
    );
    await refusedWithoutTrace(
      () => act("a", "/recommendation", {}, "rv-leader"),
      422,
      "OBJECTION_UNRESOLVED",
      "R4.2",
    );
    const { objections, version } = await review("a");
    const [objection] = objections;
    if (!objection) throw new Error("no objection against A");
    const dismissal = {
      outcome: "dismissed",
      reason: "经核查，论文系本人独立完成，有原始手稿和投稿记录为证",
    };
    const resolution = reviewPath(who("a").applicationId, `/objections/${objection.objectionId}/resolution`);
    // A dismissal needs the version read too, and a stale one changes nothing (issue #17).
    expect(
      (
        await json<Refusal>(
          await api.send("POST", resolution, dismissal, await sessions.as("rv-handler")),
          400,
        )
      ).fields,
    ).toEqual([expect.objectContaining({ path: "body.expectedVersion" })]);
    expect(
      (
        await json<Refusal>(
          await api.send(
            "POST",
            resolution,
            { ...dismissal, expectedVersion: version - 1 },
            await sessions.as("rv-handler"),
          ),
          409,
        )
      ).code,
    ).toBe("STALE_VERSION");
    expect((await review("a")).unresolvedObjections).toBe(1);
    await json(
      await api.send(
        "POST",
        resolution,
        { ...dismissal, expectedVersion: version },
        await sessions.as("rv-handler"),
      ),
      200,
    );
    // The handler who opened the publicity holds no leader role: the policy refuses before the lifecycle's maker-checker.
    expect((await act("a", "/recommendation", {}, "rv-handler")).status).toBe(403);

    const recommended = await json<{ state: string; quota: Record<string, unknown> }>(
      await act("a", "/recommendation", { opinion: "经集体研究，同意推荐" }, "rv-leader"),
      200,
    );
    expect(recommended).toMatchObject({
      state: "recommended",
      quota: { pool: "post_structure", rule: "R5.2", posts: 10, holders: 6 },
    });
    expect(await quotaRepository.holders(SCOPE, DEMO_UNIT, "post_structure")).toEqual([
      who("a").applicationId,
    ]);
    const event = (await review("a")).timeline.at(-1);
    expect(event).toMatchObject({
      action: "recommend",
      role: "unit_leader",
      org: DEMO_UNIT,
      reason: "经集体研究，同意推荐",
    });
  });

  it("R5.2 the quota race: two leaders recommend for the unit's last senior post at once, exactly one wins", async () => {
    await sessions.at("2024-09-20T10:00:00+08:00");
    const [c, d] = [await review("c", "rv2-handler"), await review("d", "rv2-handler")];
    const [leader, leader2] = [await sessions.as("rv2-leader"), await sessions.as("rv2-leader2")];
    const answers = await Promise.all([
      api.send(
        "POST",
        reviewPath(c.applicationId, "/recommendation"),
        { expectedVersion: c.version },
        leader,
      ),
      api.send(
        "POST",
        reviewPath(d.applicationId, "/recommendation"),
        { expectedVersion: d.version },
        leader2,
      ),
    ]);
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    const loser = answers.findIndex((answer) => answer.status !== 200);
    expect([409, 422]).toContain(statuses[loser]);
    const holders = await quotaRepository.holders(SCOPE, secondUnit, "post_structure");
    expect(holders).toHaveLength(1);

    // From here on C is the winner and D the one left without a post.
    const [winner, left] = loser === 0 ? [who("d"), who("c")] : [who("c"), who("d")];
    people.c = winner;
    people.d = left;
    expect(holders).toEqual([who("c").applicationId]);
    const retried = await refusedWithoutTrace(
      () => act("d", "/recommendation", {}, "rv2-leader"),
      422,
      "POST_RATIO_FULL",
      "R5.2",
    );
    expect(retried.message).toContain("核定高级岗位2个");
    expect((await review("d", "rv2-handler")).state).toBe("unit_publicity");
    expect((await review("c", "rv2-handler")).state).toBe("recommended");
  });
});

describe("department review (R4.3)", () => {
  it("R4.3 §3 the department sees only what its units recommended", async () => {
    await sessions.at("2024-09-21T10:00:00+08:00");
    const token = await sessions.as("rv-reviewer");
    const listed = await json<{ applications: { applicationId: string; state: string }[] }>(
      await api.get(`/rounds/2024/departments/${DEPT}/applications`, token),
      200,
    );
    expect(listed.applications.map((item) => item.applicationId).sort()).toEqual(
      [who("a").applicationId, who("c").applicationId].sort(),
    );
    expect((await api.get(reviewPath(who("b").applicationId), token)).status).toBe(404);
    expect((await review("a", "rv-reviewer")).availableActions).toEqual([
      "return_by_department",
      "approve_by_department",
    ]);
  });

  it("R4.3 returns three times, each with ONE consolidated feedback the applicant reads; the unit re-recommends each time", async () => {
    for (let round = 1; round <= 3; round += 1) {
      const returned = await json<{ state: string; departmentReturns: number }>(
        await act(
          "a",
          "/department-return",
          {
            reason: `第${round}次审核意见，请一并修改`,
            items: [
              { slotId: "annual_assessment", year: 2021, comment: "2021年度考核表缺少单位盖章" },
              { section: "achievements", comment: "论文2的期刊级别填写有误" },
            ],
          },
          "rv-reviewer",
        ),
        200,
      );
      expect(returned).toMatchObject({ state: "returned_by_department", departmentReturns: round });
      const status = await json<{ returnReason: string }>(
        await api.get(applicationPath(who("a").applicationId, "/status"), await sessions.as("rv-a")),
        200,
      );
      expect(status.returnReason).toContain(`第${round}次审核意见`);
      expect(status.returnReason).toContain("2021年度】2021年度考核表缺少单位盖章");
      expect(status.returnReason).toContain("【业绩成果】论文2的期刊级别填写有误");
      await resubmit("a");
      await json(await act("a", "/recommendation", {}, "rv-leader"), 200);
    }
    expect(await quotaRepository.holders(SCOPE, DEMO_UNIT, "post_structure")).toEqual([
      who("a").applicationId,
    ]);
  });

  it("R4.3 a fourth return is refused: 422, nothing changed", async () => {
    const refused = await refusedWithoutTrace(
      () =>
        act(
          "a",
          "/department-return",
          { reason: "再次退回", items: [{ section: "summary", comment: "请再修改" }] },
          "rv-reviewer",
        ),
      422,
      "DEPARTMENT_RETURN_LIMIT",
      "R4.3",
    );
    expect(refused.message).toContain("3次");
  });

  it("R4.3 requires the originals, naming what to bring, then approves", async () => {
    const { version } = await review("a", "rv-reviewer");
    const required = await json<{ originalsRequired: { items: string[]; note: string } }>(
      await api.send(
        "PUT",
        reviewPath(who("a").applicationId, "/originals-required"),
        {
          expectedVersion: version,
          items: ["学历证书原件", "现职称证书原件"],
          note: "请于9月25日前到市人社局专技科查验",
        },
        await sessions.as("rv-reviewer"),
      ),
      200,
    );
    expect(required.originalsRequired).toMatchObject({ items: ["学历证书原件", "现职称证书原件"] });
    expect((await review("a")).originalsRequired?.items).toEqual(["学历证书原件", "现职称证书原件"]);
    const status = await json<{ originalsRequired: { items: string[]; note: string } }>(
      await api.get(applicationPath(who("a").applicationId, "/status"), await sessions.as("rv-a")),
      200,
    );
    expect(status.originalsRequired).toMatchObject({ note: "请于9月25日前到市人社局专技科查验" });
    const approved = await json<{ state: string }>(
      await act("a", "/department-approval", { opinion: "材料齐全，同意" }, "rv-reviewer"),
      200,
    );
    expect(approved.state).toBe("department_approved");
  });
});

describe("scope: a unit sees only its own applicants, a department only its units' recommended ones (§3)", () => {
  it("§3 cross-unit reads and actions answer 404; roles that may never act answer 403", async () => {
    const otherHandler = await sessions.as("rv2-handler");
    expect((await api.get(reviewPath(who("a").applicationId), otherHandler)).status).toBe(404);
    expect((await api.get(`/rounds/2024/units/${DEMO_UNIT}/applications`, otherHandler)).status).toBe(404);
    expect(
      (
        await api.send(
          "POST",
          reviewPath(who("b").applicationId, "/unit-return"),
          { expectedVersion: 1, reason: "越权", items: [{ section: "summary", comment: "越权退回" }] },
          otherHandler,
        )
      ).status,
    ).toBe(404);
    expect((await api.get(reviewPath(who("c").applicationId), await sessions.as("rv-handler"))).status).toBe(
      404,
    );
    expect((await api.get(reviewPath(who("a").applicationId), await sessions.as("rv-a"))).status).toBe(403);
    const listed = await json<{ applications: { applicationId: string }[] }>(
      await api.get(`/rounds/2024/units/${secondUnit}/applications`, otherHandler),
      200,
    );
    expect(listed.applications.map((item) => item.applicationId).sort()).toEqual(
      [who("c").applicationId, who("d").applicationId].sort(),
    );
  });
});

describe("deadlines by the clock (R3)", () => {
  it("R5.2 a recommended applicant who withdraws gives the post back to the unit", async () => {
    await sessions.at("2024-11-04T23:59:59.999+08:00");
    await untilOpen(api, "review");
    await refusedWithoutTrace(
      () => act("d", "/recommendation", {}, "rv2-leader"),
      422,
      "POST_RATIO_FULL",
      "R5.2",
    );
    const { applicationId, applicant } = who("c");
    const token = await sessions.as(applicant.username);
    const status = await json<{ version: number }>(
      await api.get(applicationPath(applicationId, "/status"), token),
      200,
    );
    const withdrawn = await json<{ state: string }>(
      await api.send(
        "POST",
        applicationPath(applicationId, "/withdraw"),
        { expectedVersion: status.version, reason: "工作调动" },
        token,
      ),
      200,
    );
    expect(withdrawn.state).toBe("withdrawn");
    expect(await quotaRepository.holders(SCOPE, secondUnit, "post_structure")).toEqual([]);
  });

  it("R3 unit and department actions end at the review cutoff 2024-11-05 00:00: 422, nothing changed", async () => {
    // The receipt sweep of the same instant is marked done, so these requests meet their own clock check.
    await documentClient.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: { PK: "ROUND#2024", SK: "ROUND" },
        UpdateExpression: "SET progress.materialsReceived = :done",
        ExpressionAttributeValues: { ":done": true },
      }),
    );
    await sessions.at("2024-11-05T00:00:00.000+08:00");
    // The post is free again: only the clock refuses.
    const late = await refusedWithoutTrace(
      () => act("d", "/recommendation", {}, "rv2-leader"),
      422,
      "DEADLINE_PASSED",
      "R3",
    );
    expect(late.message).toContain("2024-11-05 00:00");
    const { version } = await review("a", "rv-reviewer");
    await refusedWithoutTrace(
      async () =>
        api.send(
          "PUT",
          reviewPath(who("a").applicationId, "/originals-required"),
          { expectedVersion: version, items: ["学历证书原件"] },
          await sessions.as("rv-reviewer"),
        ),
      422,
      "DEADLINE_PASSED",
      "R3",
    );
  });
});
