import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  applicationPath,
  createApplication,
  DEMO_UNIT,
  json,
  registerApplicant,
  untilOpen,
} from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { createStaff, Sessions, type Submitted, submitAs, submittedApplication } from "../support/review";

/**
 * People who are not watching (DESIGN.md §7a), over HTTP on the local runtime: notifications from the
 * transactional outbox delivered once to the local sink, reminders before the review cutoffs run by the
 * round's calendar workflow, a notice about to end with an objection open, and the round's progress
 * counts with their scope. One round walked forward by the virtual clock.
 */
const DEPT = "dept-lanzhou-hrss";

interface Sunk {
  outboxId: string;
  accountId: string;
  channel: "sms" | "email";
  to: string;
  subject: string;
  text: string;
}
interface Outbox {
  delivered: Sunk[];
  deadLetters: { outboxId: string }[];
  failedAttempts: number;
}
interface Figures {
  total: number;
  byState: Record<string, number>;
  waitingForUnit: number;
  waitingForDepartment: number;
}
type UnitRow = Figures & { unitId: string; name: string; departmentId: string };
type DepartmentRow = Figures & { departmentId: string; name: string };

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
const staff = { handler: "", leader: "", reviewer: "", unitBAdmin: "" };
let unitB = "";
let unitC = "";
let deptB = "";
const people: Record<"a1" | "a2" | "a3" | "b1", Submitted | undefined> = {
  a1: undefined,
  a2: undefined,
  a3: undefined,
  b1: undefined,
};
let draftB: Applicant | undefined;
let noticeId = "";

const who = (key: keyof typeof people): Submitted => {
  const person = people[key];
  if (!person) throw new Error(`applicant ${key} was not set up`);
  return person;
};
const reviewPath = (id: string, suffix = "") => `/rounds/2024/review/applications/${id}${suffix}`;

async function outbox(): Promise<Outbox> {
  return json<Outbox>(await api.get("/dev/outbox"), 200);
}

/** Waits until the sink holds what `ready` looks for (the notifier runs from the stream, a moment later). */
async function outboxWhen(ready: (outbox: Outbox) => boolean, what: string): Promise<Outbox> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const current = await outbox();
    if (ready(current)) return current;
    if (Date.now() > deadline) throw new Error(`the sink never got ${what}: ${JSON.stringify(current)}`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}

/** Lets the round's calendar workflow (a poll every half second locally) run a few more times. */
const severalTicks = () => new Promise((resolveDelay) => setTimeout(resolveDelay, 2_000));

const to = (accountId: string) => (outbox: Outbox) =>
  outbox.delivered.filter((message) => message.accountId === accountId);

async function review(key: keyof typeof people, as: string) {
  return json<{ version: number; state: string }>(
    await api.get(reviewPath(who(key).applicationId), await sessions.as(as)),
    200,
  );
}

async function act(key: keyof typeof people, suffix: string, body: Record<string, unknown>, as: string) {
  const { version } = await review(key, as);
  return api.send(
    "POST",
    reviewPath(who(key).applicationId, suffix),
    { expectedVersion: version, ...body },
    await sessions.as(as),
  );
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

async function createOrg(path: string, body: Record<string, unknown>): Promise<string> {
  return (
    await json<{ orgId: string }>(await api.send("POST", path, body, await sessions.as("office-admin")), 201)
  ).orgId;
}

const unitBody = (name: string, departmentId: string) => ({
  name,
  unitType: "enterprise_staff_training",
  central: false,
  region: "兰州市",
  departmentId,
  underPostManagement: false,
  professionalPosts: 20,
  seniorTitleHolders: 2,
});

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
  await sessions.at("2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
  staff.handler = await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "nw-handler", "李晓燕", [
    "unit_handler",
  ]);
  staff.leader = await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "nw-leader", "张志强", [
    "unit_leader",
  ]);
  staff.reviewer = await createStaff(api, sessions, "dept-admin", DEPT, "nw-reviewer", "陈静", [
    "department_reviewer",
  ]);
  // A second unit of the same department, with its administrator only (no handler appointed yet).
  unitB = await createOrg("/admin/units", unitBody("兰州新区职工培训中心", DEPT));
  staff.unitBAdmin = await createStaff(api, sessions, "office-admin", unitB, "nw-b-admin", "赵敏", [
    "unit_admin",
  ]);
  // Another department with a unit of its own: outside the Lanzhou department's reach.
  deptB = await createOrg("/admin/departments", {
    name: "甘肃省某集团公司人力资源部",
    departmentType: "group_hr",
    region: "省直",
  });
  unitC = await createOrg("/admin/units", unitBody("某集团职工培训学校", deptB));

  const arrivals = [
    ["a1", { unitId: DEMO_UNIT, username: "nw-a1", realName: "王一" }],
    ["a2", { unitId: DEMO_UNIT, username: "nw-a2", realName: "王二" }],
    ["a3", { unitId: DEMO_UNIT, username: "nw-a3", realName: "王三" }],
    ["b1", { unitId: unitB, username: "nw-b1", realName: "赵一" }],
  ] as const;
  for (const [key, person] of arrivals) {
    await sessions.at("2024-09-12T10:00:00+08:00");
    people[key] = await submittedApplication(api, sessions, system.url, person);
  }
  // A draft never submitted: counted, and expired when the application window closes.
  draftB = await registerApplicant(api, "nw-b2", "赵二", unitB);
  sessions.remember("nw-b2", APPLICANT_PASSWORD);
  await createApplication(api, await sessions.as("nw-b2"), draftB);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

describe("the applicant's contact choice", () => {
  it("§7a an applicant chooses e-mail with an address; a wrong address or none is refused with 400 naming the field", async () => {
    const token = await sessions.as("nw-a1");
    const me = await json<{ version: number; contact: { channel: string } }>(
      await api.get("/me", token),
      200,
    );
    expect(me.contact).toEqual({ channel: "sms" });

    for (const [body, field] of [
      [{ channel: "email" }, "body.email"],
      [{ channel: "email", email: "not-an-address" }, "body.email"],
      [{ channel: "fax" }, "body.channel"],
    ] as const) {
      const refused = await json<{ code: string; fields: { path: string }[] }>(
        await api.send("PUT", "/me/contact-preference", { expectedVersion: me.version, ...body }, token),
        400,
      );
      expect(refused.fields.map((issue) => issue.path)).toContain(field);
    }
    const chosen = await json<{ contact: unknown; version: number }>(
      await api.send(
        "PUT",
        "/me/contact-preference",
        { expectedVersion: me.version, channel: "email", email: "wangyi@example.cn" },
        token,
      ),
      200,
    );
    expect(chosen).toMatchObject({
      contact: { channel: "email", email: "wangyi@example.cn" },
      version: me.version + 1,
    });
    const stale = await json<{ code: string }>(
      await api.send("PUT", "/me/contact-preference", { expectedVersion: me.version, channel: "sms" }, token),
      409,
    );
    expect(stale.code).toBe("STALE_VERSION");
  });
});

describe("notifications from the outbox (DESIGN.md §7a)", () => {
  it("R7.9 a unit return produces exactly one notification, by the chosen channel, with the reason and no resident ID or phone", async () => {
    await sessions.at("2024-09-12T11:00:00+08:00");
    const before = to(who("a1").applicant.accountId)(await outbox()).length;
    await json(
      await act(
        "a1",
        "/unit-return",
        {
          reason: "学历证书扫描件不清晰，有疑问请致电经办人13912345678",
          items: [{ slotId: "id_photo", comment: "证件照背景不符合要求，请重新上传白底照片" }],
        },
        "nw-handler",
      ),
      200,
    );
    const { accountId, residentId } = who("a1").applicant;
    const sink = await outboxWhen((current) => to(accountId)(current).length > before, "the unit return");
    const [message, ...more] = to(accountId)(sink).slice(before);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ channel: "email", to: "w***@example.cn" });
    expect(message?.subject).toContain("申报材料被单位退回修改");
    expect(message?.text).toContain("王一，您好");
    expect(message?.text).toContain("学历证书扫描件不清晰");
    expect(message?.text).toContain("证件照背景不符合要求");
    expect(message?.text).toContain("2024年11月4日24时前重新提交");
    for (const identifier of [residentId, "13800138000", "13912345678"]) {
      expect(message?.text).not.toContain(identifier);
      expect(message?.subject).not.toContain(identifier);
    }
    expect(message?.text).toContain("［电话已隐去］");

    // The stream delivers again, as after a crash: nothing is sent twice.
    const again = await json<{ records: number; sentAgain: number }>(
      await api.send("POST", "/dev/outbox/redelivery", {}),
      200,
    );
    expect(again.records).toBeGreaterThanOrEqual(1);
    expect(again.sentAgain).toBe(0);
    expect(to(accountId)(await outbox()).slice(before)).toHaveLength(1);
  });

  it("§7 a notice about to end with an objection open tells the unit's handler once, from 09:00 the day before its last day", async () => {
    await sessions.at("2024-09-12T11:30:00+08:00");
    const applications = [];
    for (const key of ["a2", "a3"] as const) {
      applications.push({
        applicationId: who(key).applicationId,
        expectedVersion: (await review(key, "nw-handler")).version,
      });
    }
    noticeId = (
      await json<{ noticeId: string }>(
        await api.send(
          "POST",
          `/rounds/2024/units/${DEMO_UNIT}/notices`,
          { publicityScope: "本单位公告栏", lastDay: "2024-09-17", applications },
          await sessions.as("nw-handler"),
        ),
        201,
      )
    ).noticeId;
    await json(
      await api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
        entry: 2,
        content: "该申报人任现职年限不足，请核查。",
      }),
      201,
    );

    await sessions.at("2024-09-16T08:59:00+08:00");
    await severalTicks();
    const isAlert = (message: Sunk) => message.outboxId.endsWith("|OUTBOX#ENDING");
    expect(to(staff.handler)(await outbox()).filter(isAlert)).toEqual([]);

    await sessions.at("2024-09-16T09:00:00+08:00");
    const sink = await outboxWhen((current) => to(staff.handler)(current).some(isAlert), "the notice alert");
    await severalTicks();
    const alerts = to(staff.handler)(await outbox()).filter(isAlert);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.text).toContain("李晓燕，您好");
    expect(alerts[0]?.text).toContain("2024年9月17日24时结束，尚有1条异议未处理");
    expect(sink.deadLetters).toEqual([]);
  });

  it("R4.3 a department return tells the applicant and the unit once each, even when the first send fails and the batch is retried", async () => {
    await sessions.at("2024-09-18T10:00:00+08:00");
    await json(await act("a2", "/recommendation", { opinion: "同意推荐" }, "nw-leader"), 200);
    const applicant = who("a2").applicant.accountId;
    const before = {
      applicant: to(applicant)(await outbox()).length,
      unit: to(staff.handler)(await outbox()).length,
    };
    const failedBefore = (await outbox()).failedAttempts;

    await json(await api.send("POST", "/dev/outbox/failures", { count: 1 }), 200);
    await json(
      await act(
        "a2",
        "/department-return",
        {
          reason: "请补充继续教育学时证明",
          items: [{ section: "ability", comment: "继续教育学时证明缺失" }],
        },
        "nw-reviewer",
      ),
      200,
    );
    const sink = await outboxWhen(
      (current) =>
        to(applicant)(current).length > before.applicant && to(staff.handler)(current).length > before.unit,
      "both department-return notices",
    );
    expect(sink.failedAttempts).toBe(failedBefore + 1);
    const [toApplicant, ...moreToApplicant] = to(applicant)(sink).slice(before.applicant);
    const [toUnit, ...moreToUnit] = to(staff.handler)(sink).slice(before.unit);
    expect([moreToApplicant, moreToUnit]).toEqual([[], []]);
    expect(toApplicant).toMatchObject({ channel: "sms", to: "138****8000" });
    expect(toApplicant?.text).toMatch(/^【甘肃职称评审】王二，您好：.*第1次，最多3次.*继续教育学时证明/);
    expect(toUnit?.text).toMatch(
      /^【甘肃职称评审】李晓燕，您好：.*申报人王二.*请于2024年11月4日24时前核实并重新推荐/,
    );
    expect(sink.deadLetters).toEqual([]);

    const again = await json<{ sentAgain: number }>(
      await api.send("POST", "/dev/outbox/redelivery", {}),
      200,
    );
    expect(again.sentAgain).toBe(0);

    await resubmit("a2");
    await json(await act("a2", "/recommendation", {}, "nw-leader"), 200);
  });
});

describe("round progress (DESIGN.md §7a)", () => {
  it("§7a the office reads the counts by state overall, per department and per unit: they match what was created", async () => {
    const answer = await json<{
      roundId: string;
      testData: boolean;
      overall: Figures;
      departments: DepartmentRow[];
      units: UnitRow[];
    }>(await api.get("/rounds/2024/progress", await sessions.as("office-admin")), 200);
    expect(answer).toMatchObject({ roundId: "2024", testData: false });
    expect(answer.overall).toEqual({
      total: 5,
      byState: { draft: 1, submitted: 1, returned_by_unit: 1, unit_publicity: 1, recommended: 1 },
      waitingForUnit: 2,
      waitingForDepartment: 1,
    });
    const units = Object.fromEntries(answer.units.map((unit) => [unit.unitId, unit]));
    expect(units[DEMO_UNIT]).toMatchObject({
      departmentId: DEPT,
      total: 3,
      byState: { returned_by_unit: 1, unit_publicity: 1, recommended: 1 },
    });
    expect(units[unitB]).toMatchObject({ departmentId: DEPT, total: 2, byState: { draft: 1, submitted: 1 } });
    expect(units[unitC]).toBeUndefined();
    const departments = Object.fromEntries(answer.departments.map((row) => [row.departmentId, row]));
    expect(departments[DEPT]).toMatchObject({ total: 5, waitingForUnit: 2, waitingForDepartment: 1 });
    expect(departments[deptB]).toMatchObject({ total: 0, byState: {} });
  });

  it("§7a a department reads its own units' counts, a unit its own; anything out of scope answers 404, other roles 403", async () => {
    const department = await json<{ department: DepartmentRow; units: UnitRow[] }>(
      await api.get(`/rounds/2024/departments/${DEPT}/progress`, await sessions.as("nw-reviewer")),
      200,
    );
    expect(department.department).toMatchObject({ departmentId: DEPT, total: 5 });
    expect(Object.fromEntries(department.units.map((unit) => [unit.unitId, unit.total]))).toMatchObject({
      [DEMO_UNIT]: 3,
      [unitB]: 2,
    });
    const own = await json<{ unit: UnitRow }>(
      await api.get(`/rounds/2024/units/${DEMO_UNIT}/progress`, await sessions.as("nw-handler")),
      200,
    );
    expect(own.unit).toMatchObject({
      unitId: DEMO_UNIT,
      total: 3,
      waitingForUnit: 1,
      waitingForDepartment: 1,
    });
    const viaDepartment = await json<{ unit: UnitRow }>(
      await api.get(`/rounds/2024/units/${unitB}/progress`, await sessions.as("dept-admin")),
      200,
    );
    expect(viaDepartment.unit).toMatchObject({ unitId: unitB, byState: { draft: 1, submitted: 1 } });

    const outcomes: [string, string, number][] = [
      [`/rounds/2024/units/${unitB}/progress`, "nw-handler", 404],
      [`/rounds/2024/units/${unitC}/progress`, "nw-reviewer", 404],
      [`/rounds/2024/departments/${deptB}/progress`, "nw-reviewer", 404],
      [`/rounds/2024/departments/${DEPT}/progress`, "nw-handler", 403],
      ["/rounds/2024/progress", "nw-reviewer", 403],
      [`/rounds/2024/units/${DEMO_UNIT}/progress`, "nw-a1", 403],
    ];
    for (const [path, as, status] of outcomes) {
      expect([path, as, (await api.get(path, await sessions.as(as))).status]).toEqual([path, as, status]);
    }
  });
});

describe("reminders before the review cutoffs (run by the round's calendar workflow)", () => {
  const reminders = (kind: "单位审核推荐" | "审核部门审核") => (outbox: Outbox) =>
    outbox.delivered.filter(
      (message) => message.outboxId.includes("#REMINDER#") && message.text.includes(kind),
    );

  it("§7a three days before the cutoff each unit with applications waiting gets one reminder with its count, once", async () => {
    await sessions.at("2024-11-02T08:59:00+08:00");
    await severalTicks();
    expect(reminders("单位审核推荐")(await outbox())).toEqual([]);

    await sessions.at("2024-11-02T09:00:00+08:00");
    await outboxWhen((current) => reminders("单位审核推荐")(current).length >= 2, "the unit reminders");
    await severalTicks();
    await json(await api.send("POST", "/dev/outbox/redelivery", {}), 200);
    const sent = reminders("单位审核推荐")(await outbox());
    // The demo unit's handler; the second unit has no handler yet, so its administrator; the unit of the
    // other department has nothing waiting and is not reminded.
    expect(sent.map((message) => message.accountId).sort()).toEqual([staff.handler, staff.unitBAdmin].sort());
    for (const message of sent) {
      expect(message.text).toContain("将于2024年11月4日24时截止，本单位尚有1份申报待审核");
    }
    expect(sent.find((message) => message.accountId === staff.unitBAdmin)?.text).toContain("赵敏，您好");
    expect(reminders("审核部门审核")(await outbox())).toEqual([]);
  });

  it("§7a one day before the cutoff the department with recommended applications waiting gets its reminder; the units are not reminded again", async () => {
    await sessions.at("2024-11-04T09:00:00+08:00");
    await outboxWhen((current) => reminders("审核部门审核")(current).length >= 1, "the department reminder");
    await severalTicks();
    const sent = reminders("审核部门审核")(await outbox());
    expect(sent.map((message) => message.accountId)).toEqual([staff.reviewer]);
    expect(sent[0]?.text).toContain("本部门尚有1份单位已推荐的申报待审核");
    expect(reminders("单位审核推荐")(await outbox())).toHaveLength(2);

    const admin = await json<{ reminders: unknown }>(
      await api.get("/admin/rounds/2024", await sessions.as("office-admin")),
      200,
    );
    expect(admin.reminders).toEqual({ unitReviewDaysBefore: 3, departmentReviewDaysBefore: 1 });
    expect((await outbox()).deadLetters).toEqual([]);
  });
});
