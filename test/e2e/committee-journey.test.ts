import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import type { LocalSystem } from "../../infra/local/system";
import { applicationPath, DEMO_UNIT, json, untilOpen } from "../support/applicant";
import { type Client, client, startTestSystem } from "../support/local-system";
import { refusedWithoutTrace, until } from "../support/refusals";
import { freshResidentId } from "../support/resident-ids";
import {
  createStaff,
  markDepartmentApproved,
  Sessions,
  type Submitted,
  submitAs,
  submittedApplication,
} from "../support/review";
import { SAMPLE_BASE_INFO, sampleSections } from "../support/sample-application";

/**
 * The committee's path over HTTP (issue #8), one round walked forward by the virtual clock from the
 * receipt of materials to the meeting's decisions: a qualification failure (A), a paper appraisal
 * failure (B), an application approved by exactly two thirds of the votes (C), one rejected a vote
 * short (E), and one approved (F) and then cancelled for fraud while its result is on notice; C's
 * result notice draws an objection the office dismisses, and C downloads and verifies the certificate.
 */
const OFFICE = "office";

let system: LocalSystem;
let api: Client;
let sessions: Sessions;
type Key = "a" | "b" | "c" | "e" | "f";
const people: Partial<Record<Key, Submitted>> = {};
const experts: string[] = [];
const panelMembers: string[] = [];
const members: string[] = [];
let panelId = "";
let meetingId = "";

interface Committee {
  application: { applicationId: string; version: number; state: string; applicantName: string };
  state: string;
  qualificationReview?: {
    outcome: string;
    reasons: { rule: string }[];
    duplicateChecks: Record<string, unknown>[];
  };
  appraisal?: { experts?: string[]; excluded?: { expertId: string; conflict: string }[]; outcome?: unknown };
  defense?: { panelName: string; result?: { outcome: string } };
  committee?: { meetingId: string; result?: { approve: number; eligible: number; passed: boolean } };
  timeline?: { action: string }[];
}
interface Meeting {
  meetingId: string;
  status: string;
  version: number;
  quorum: { members: number; present: number; needed: number; met: boolean };
  agenda: {
    applicationId: string;
    state: string;
    ballotsCast: number;
    votedByMe?: boolean;
    decision?: {
      approve: number;
      reject: number;
      abstain: number;
      recused: number;
      eligible: number;
      passed: boolean;
    };
  }[];
}

const who = (key: Key): Submitted => {
  const person = people[key];
  if (!person) throw new Error(`applicant ${key} was not set up`);
  return person;
};
const committeePath = (key: Key, suffix = "") =>
  `/rounds/2024/committee/applications/${who(key).applicationId}${suffix}`;
const meetingPath = (suffix = "") => `/rounds/2024/meetings/${meetingId}${suffix}`;

async function committeeView(key: Key, as = "organiser"): Promise<Committee> {
  return json<Committee>(await api.get(committeePath(key), await sessions.as(as)), 200);
}

async function act(key: Key, suffix: string, body: Record<string, unknown>, as: string) {
  const current = await committeeView(key);
  return api.send(
    "POST",
    committeePath(key, suffix),
    { expectedVersion: current.application.version, ...body },
    await sessions.as(as),
  );
}

async function meeting(as = "organiser"): Promise<Meeting> {
  return json<Meeting>(await api.get(meetingPath(), await sessions.as(as)), 200);
}

async function meetingAct(method: string, suffix: string, body: Record<string, unknown>, as = "organiser") {
  const { version } = await meeting();
  return api.send(method, meetingPath(suffix), { expectedVersion: version, ...body }, await sessions.as(as));
}

function vote(key: Key, member: number, ballot: string, recusal?: string) {
  return sessions
    .as(`cm-${member}`)
    .then((token) =>
      api.send(
        "PUT",
        meetingPath(`/votes/${who(key).applicationId}`),
        { ballot, ...(recusal ? { recusal } : {}) },
        token,
      ),
    );
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  sessions = new Sessions(api);
});
afterAll(async () => {
  await system?.stop();
});

describe("the committee's path from receipt to decision (R4.4, R4.5, R8)", () => {
  it("applications submitted in the window are received at the cutoff (R7.3)", async () => {
    await sessions.at("2024-09-15T10:00:00+08:00");
    // The workflow opens the window (and runs the reset) within its poll; act once it has.
    await untilOpen(api, "application");
    const names: Record<Key, string> = { a: "安然", b: "白露", c: "陈晨", e: "鄂尔", f: "方舟" };
    for (const key of ["a", "b", "c", "e", "f"] as const) {
      people[key] = await submittedApplication(api, sessions, system.url, {
        username: `committee-${key}`,
        realName: names[key],
        unitId: DEMO_UNIT,
      });
      await markDepartmentApproved(who(key).applicationId);
    }
    // The receipt sweep comes 30 s after the cutoff, once no request that came in time can still run.
    await sessions.at("2024-11-05T00:00:30.000+08:00");
    await until("the receipt", async () => {
      const round = await roundRepository.get("2024");
      return round?.progress.materialsReceived === true;
    });
    for (const key of ["a", "b", "c", "e", "f"] as const) {
      expect((await committeeView(key)).state).toBe("received");
    }
  });

  it("R7.3 once received, nothing in the application can be edited or added, on any write path", async () => {
    const token = await sessions.as("committee-a");
    const id = who("a").applicationId;
    const { version } = await json<{ version: number }>(await api.get(applicationPath(id), token), 200);
    const sections = sampleSections();
    const someEvidence = "00000000-0000-4000-8000-000000000000";
    const locked: [string, string, Record<string, unknown>][] = [
      ["PUT", "/base-info", { expectedVersion: version, baseInfo: SAMPLE_BASE_INFO }],
      ...(["basic", "moral", "ability", "achievements", "summary"] as const).map(
        (section) =>
          [
            "PUT",
            `/sections/${section}`,
            {
              expectedVersion: version,
              confirmed: true,
              data:
                section === "basic"
                  ? { ...sections.basic, residentId: freshResidentId() }
                  : sections[section],
            },
          ] as [string, string, Record<string, unknown>],
      ),
      [
        "PUT",
        "/pledge",
        {
          expectedVersion: version,
          textVersion: "2024-1",
          agreed: true,
          statements: {
            civilServant: false,
            civilServantManaged: false,
            retired: false,
            retirementPostType: "cadre",
            sanctions: [],
            dispatched: false,
          },
        },
      ],
      [
        "POST",
        "/evidence",
        { slotId: "id_photo", contentType: "image/jpeg", size: 1000, fileName: "照片.jpg" },
      ],
      ["POST", `/evidence/${someEvidence}/complete`, {}],
      ["DELETE", `/evidence/${someEvidence}`, {}],
      ["POST", "/evidence/merge", { evidenceIds: [someEvidence, "00000000-0000-4000-8000-000000000001"] }],
      [
        "PUT",
        "/representative-papers",
        { expectedVersion: version, evidenceIds: [someEvidence, "00000000-0000-4000-8000-000000000001"] },
      ],
    ];
    // R7.3: the materials went to the committee at the cutoff; every change closed with it (R3).
    for (const [method, suffix, body] of locked) {
      const refusal = await refusedWithoutTrace(
        () => api.send(method, applicationPath(id, suffix), body, token),
        422,
        "DEADLINE_PASSED",
        "R3",
      );
      expect(refusal.message, `${method} ${suffix}`).toContain("修改、补充申报材料已于2024-11-05 00:00");
    }
    const closed = {
      submit: "个人正式申报已于2024-10-21 00:00",
      resubmit: "退回修改后再次提交已于2024-11-05 00:00",
    };
    for (const action of ["submit", "resubmit"] as const) {
      const refusal = await refusedWithoutTrace(
        () => submitAs(system.url, token, id, action, version),
        422,
        "DEADLINE_PASSED",
        "R3",
      );
      expect(refusal.message).toContain(closed[action]);
    }
    const withdrawal = await refusedWithoutTrace(
      () => api.send("POST", applicationPath(id, "/withdraw"), { expectedVersion: version }, token),
      422,
      "DEADLINE_PASSED",
      "R3",
    );
    expect(withdrawal.message).toContain("撤回申报已于2024-11-05 00:00");
  });

  it("the title office appoints experts, panel and committee members for the round", async () => {
    for (let index = 1; index <= 5; index += 1) {
      experts.push(
        await createStaff(
          api,
          sessions,
          "office-admin",
          OFFICE,
          `expert-${index}`,
          `专家${"甲乙丙丁戊"[index - 1]}`,
          ["expert"],
        ),
      );
    }
    for (let index = 1; index <= 3; index += 1) {
      panelMembers.push(
        await createStaff(
          api,
          sessions,
          "office-admin",
          OFFICE,
          `panel-${index}`,
          `学科组员${"一二三"[index - 1]}`,
          ["panel_member"],
        ),
      );
    }
    for (let index = 1; index <= 9; index += 1) {
      members.push(
        await createStaff(
          api,
          sessions,
          "office-admin",
          OFFICE,
          `cm-${index}`,
          `评委${"一二三四五六七八九"[index - 1]}`,
          ["committee_member"],
        ),
      );
    }
    const profile = async (accountId: string, body: Record<string, unknown>) =>
      json(
        await api.send(
          "PUT",
          `/rounds/2024/reviewers/${accountId}`,
          {
            title: "教授",
            fullSenior: true,
            workUnitName: "兰州大学",
            declaredConflicts: [],
            ...body,
          },
          await sessions.as("office-admin"),
        ),
        200,
      );
    // Expert 1 works at the applicants' unit; expert 2 declared a conflict with C (R8.2).
    await profile(experts[0] ?? "", { workUnitId: DEMO_UNIT, workUnitName: "甘肃省示范培训中心" });
    await profile(experts[1] ?? "", { declaredConflicts: [who("c").applicant.accountId] });
    for (const expert of experts.slice(2)) await profile(expert, {});
    // Committee member 1 declared a conflict with F.
    await profile(members[0] ?? "", { declaredConflicts: [who("f").applicant.accountId] });
  });

  it("R4.4 qualification review: A fails naming the rule, the others pass", async () => {
    await sessions.at("2024-11-08T10:00:00+08:00");
    const withoutReasons = await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          committeePath("a", "/qualification"),
          { expectedVersion: (await committeeView("a")).application.version, outcome: "failed" },
          await sessions.as("office-admin"),
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(withoutReasons.fields?.map((field) => field.path)).toContain("body.reasons");
    await refusedWithoutTrace(
      () => act("a", "/qualification", { outcome: "passed" }, "organiser"),
      403,
      "FORBIDDEN",
    );

    const failed = await json(
      await act(
        "a",
        "/qualification",
        { outcome: "failed", reasons: [{ rule: "R1.1", message: "现任职称年限不足5年" }] },
        "office-admin",
      ),
      200,
    );
    expect(failed).toMatchObject({ state: "qualification_failed" });
    // R7.7: both papers are CNKI-indexed, so the office records their ratios; passing needs both.
    const unchecked = await refusedWithoutTrace(
      () => act("b", "/qualification", { outcome: "passed" }, "office-admin"),
      422,
      "DUPLICATE_CHECKS_INVALID",
    );
    expect(unchecked.fields?.map((field) => field.message)).toEqual([
      "请记录论文1《论干部教育培训》的中国知网查重结果（去除引用文献复制比）",
      "请记录论文2《培训评估方法》的中国知网查重结果（去除引用文献复制比）",
    ]);
    const overLimit = await refusedWithoutTrace(
      () =>
        act(
          "b",
          "/qualification",
          {
            outcome: "passed",
            duplicateChecks: [
              { paperIndex: 0, duplicateRatio: 15.5 },
              { paperIndex: 1, duplicateRatio: 4 },
            ],
          },
          "office-admin",
        ),
      422,
      "DUPLICATE_CHECKS_INVALID",
    );
    expect(overLimit.fields?.[0]?.message).toContain(
      "代表作论文1《论干部教育培训》的去除引用文献复制比为15.5%",
    );
    const checked = {
      outcome: "passed",
      duplicateChecks: [
        { paperIndex: 0, duplicateRatio: 8.5 },
        { paperIndex: 1, duplicateRatio: 12 },
      ],
    };
    for (const key of ["b", "c", "e", "f"] as const) {
      expect(await json(await act(key, "/qualification", checked, "office-admin"), 200)).toMatchObject({
        state: "qualification_passed",
      });
    }
    expect((await committeeView("b", "office-admin")).qualificationReview).toMatchObject({
      outcome: "passed",
      duplicateChecks: [
        { paperIndex: 0, duplicateRatio: 8.5, limit: 15, withinLimit: true },
        { paperIndex: 1, duplicateRatio: 12, limit: 15, withinLimit: true },
      ],
    });
    const a = await committeeView("a", "office-admin");
    expect(a.qualificationReview).toMatchObject({ outcome: "failed", reasons: [{ rule: "R1.1" }] });
    // The applicant reads the reason in their own timeline (R5.1).
    const status = await json<{ timeline: { reason?: string }[] }>(
      await api.get(applicationPath(who("a").applicationId, "/status"), await sessions.as("committee-a")),
      200,
    );
    expect(status.timeline.some((entry) => entry.reason?.includes("R1.1：现任职称年限不足5年"))).toBe(true);
    // A failed qualification never reaches the appraisal.
    await refusedWithoutTrace(() => act("a", "/appraisal", {}, "organiser"), 409, "INVALID_TRANSITION");
  });

  it("R4.4 / R8.2 paper appraisal: conflicts excluded and recorded; B fails and stays out of the defense", async () => {
    for (const key of ["b", "c", "e", "f"] as const) {
      const assigned = await json<{ state: string }>(await act(key, "/appraisal", {}, "organiser"), 200);
      expect(assigned.state).toBe("appraisal");
    }
    const c = await committeeView("c");
    expect(c.appraisal?.excluded).toEqual(
      expect.arrayContaining([
        { expertId: experts[0], conflict: "same_unit" },
        { expertId: experts[1], conflict: "declared" },
      ]),
    );
    expect(c.appraisal?.experts?.sort()).toEqual(experts.slice(2).sort());

    const verdict = async (key: Key, expert: string, value: "pass" | "fail") => {
      const username = `expert-${experts.indexOf(expert) + 1}`;
      return api.send(
        "PUT",
        `/rounds/2024/appraisals/${who(key).applicationId}/verdict`,
        {
          verdict: value,
          comments: value === "pass" ? "论文选题规范，论证充分" : "论文创新性不足，论证不充分",
        },
        await sessions.as(username),
      );
    };
    for (const key of ["b", "c", "e", "f"] as const) {
      const assigned = (await committeeView(key)).appraisal?.experts ?? [];
      expect(assigned).toHaveLength(3);
      for (const [index, expert] of assigned.entries()) {
        const value = key === "b" && index < 2 ? "fail" : "pass";
        const answer = await verdict(key, expert, value);
        // Once two of three agree the outcome is decided; the third verdict is still recorded.
        expect(answer.status).toBe(200);
      }
    }
    expect((await committeeView("b")).state).toBe("appraisal_failed");
    for (const key of ["c", "e", "f"] as const)
      expect((await committeeView(key)).state).toBe("appraisal_passed");
  });

  it("R4.5 defense: not before the dates are announced; panel members see only their applicants", async () => {
    const panel = await json<{ panelId: string }>(
      await api.send(
        "POST",
        "/rounds/2024/panels",
        { name: "人力资源培训学科组", subjects: "人力资源开发与培训", members: panelMembers },
        await sessions.as("organiser"),
      ),
      201,
    );
    panelId = panel.panelId;
    const schedule = (key: Key) =>
      act(key, "/defense", { panelId, at: "2024-12-10 09:00", place: "省委党校第一会议室" }, "organiser");
    await refusedWithoutTrace(() => schedule("c"), 422, "DEFENSE_NOT_SCHEDULED", "R4.5");

    const round = await json<{ version: number }>(
      await api.get("/admin/rounds/2024", await sessions.as("office-admin")),
      200,
    );
    await json(
      await api.send(
        "PUT",
        "/admin/rounds/2024/schedule",
        {
          expectedVersion: round.version,
          defenseAt: "2024-12-10 09:00",
          committeeMeetingAt: "2024-12-20 09:00",
        },
        await sessions.as("office-admin"),
      ),
      200,
    );
    await refusedWithoutTrace(() => schedule("b"), 409, "INVALID_TRANSITION");
    for (const key of ["c", "e", "f"] as const) {
      expect(await json(await schedule(key), 200)).toMatchObject({ state: "defense" });
    }
    // Panel members reach the applicants scheduled before their panel, nobody else's.
    expect((await committeeView("c", "panel-1")).defense?.panelName).toBe("人力资源培训学科组");
    expect((await api.get(committeePath("b"), await sessions.as("panel-1"))).status).toBe(404);
    expect((await api.get(committeePath("c"), await sessions.as("cm-1"))).status).toBe(404);

    const result = (key: Key, outcome: "pass" | "fail") =>
      act(key, "/defense/result", { outcome, comments: "答辩思路清晰，回答问题准确" }, "panel-1");
    await refusedWithoutTrace(() => result("c", "pass"), 422, "DEFENSE_NOT_HELD", "R4.5");

    await sessions.at("2024-12-10T11:00:00+08:00");
    for (const key of ["c", "e", "f"] as const) {
      expect(await json(await result(key, key === "e" ? "fail" : "pass"), 200)).toMatchObject({
        state: "committee",
      });
    }
  });

  it("R8.1 the meeting: no vote without two thirds present; one ballot each; recusal where conflicted", async () => {
    // An application the committee is not waiting for cannot be put on the agenda.
    const notWaiting = await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          "/rounds/2024/meetings",
          {
            title: "补充评审会议",
            place: "省委党校学术报告厅",
            at: "2024-12-20 09:00",
            members,
            applicationIds: [who("c").applicationId, who("a").applicationId],
          },
          await sessions.as("organiser"),
        ),
      409,
      "NOT_AWAITING_COMMITTEE",
    );
    expect(notWaiting.fields?.map((field) => field.path)).toEqual(["body.applicationIds.1"]);
    const created = await json<Meeting>(
      await api.send(
        "POST",
        "/rounds/2024/meetings",
        {
          title: "2024年度人力资源培训专业高级职称评审会议",
          place: "省委党校学术报告厅",
          at: "2024-12-20 09:00",
          members,
        },
        await sessions.as("organiser"),
      ),
      201,
    );
    meetingId = created.meetingId;
    expect(created.agenda.map((item) => item.applicationId).sort()).toEqual(
      [who("c"), who("e"), who("f")].map((person) => person.applicationId).sort(),
    );
    // Members reach the meeting and its applications; an expert does not.
    expect((await meeting("cm-5")).meetingId).toBe(meetingId);
    expect((await committeeView("c", "cm-5")).committee?.meetingId).toBe(meetingId);
    expect((await api.get(meetingPath(), await sessions.as("expert-3"))).status).toBe(403);

    await sessions.at("2024-12-20T09:30:00+08:00");
    // Five of nine present is short of two thirds (R8.1).
    await json(await meetingAct("PUT", "/attendance", { present: members.slice(0, 5) }), 200);
    const noQuorum = await refusedWithoutTrace(
      () => meetingAct("POST", "/opening", {}),
      422,
      "COMMITTEE_QUORUM_NOT_MET",
      "R8.1",
    );
    expect(noQuorum.message).toContain("至少需 6 名出席");
    await refusedWithoutTrace(() => vote("c", 1, "approve"), 409, "MEETING_NOT_IN_SESSION");

    await json(await meetingAct("PUT", "/attendance", { present: members.slice(0, 6) }), 200);
    const opened = await json<Meeting>(await meetingAct("POST", "/opening", {}), 200);
    expect(opened).toMatchObject({
      status: "in_session",
      quorum: { members: 9, present: 6, needed: 6, met: true },
    });

    // C: 4 of 6 approve, exactly two thirds.
    for (const [member, ballot] of [
      [1, "approve"],
      [2, "approve"],
      [3, "approve"],
      [4, "approve"],
      [5, "reject"],
      [6, "reject"],
    ] as const) {
      expect((await vote("c", member, ballot)).status).toBe(200);
    }
    // E: 3 of 6 approve, one fewer.
    for (const [member, ballot] of [
      [1, "approve"],
      [2, "approve"],
      [3, "approve"],
      [4, "reject"],
      [5, "reject"],
      [6, "abstain"],
    ] as const) {
      expect((await vote("e", member, ballot)).status).toBe(200);
    }
    await refusedWithoutTrace(() => vote("c", 1, "reject"), 409, "VOTE_ALREADY_CAST");
    await refusedWithoutTrace(() => vote("c", 7, "approve"), 422, "NOT_PRESENT", "R8.1");
    await refusedWithoutTrace(() => vote("f", 1, "approve"), 422, "MUST_RECUSE", "R8.2");
    expect((await vote("f", 1, "recused", "已申报与申报人存在利害关系")).status).toBe(200);
    const mine = await meeting("cm-1");
    expect(mine.agenda.find((item) => item.applicationId === who("c").applicationId)).toMatchObject({
      votedByMe: true,
      ballotsCast: 6,
    });
    expect(mine.agenda.every((item) => item.decision === undefined)).toBe(true);

    // F is not decided yet: the vote cannot close while a present member has not voted on it.
    const incomplete = await refusedWithoutTrace(
      () => meetingAct("POST", "/closing", {}),
      422,
      "VOTES_INCOMPLETE",
      "R8.1",
    );
    expect(incomplete.fields?.map((field) => field.path)).toEqual([`agenda.${who("f").applicationId}`]);
  });

  it("R8.1 closing decides from the votes: C approved at two thirds, E rejected a vote short", async () => {
    for (const member of [2, 3, 4, 5, 6]) expect((await vote("f", member, "approve")).status).toBe(200);
    const closed = await json<Meeting>(await meetingAct("POST", "/closing", {}), 200);
    expect(closed.status).toBe("closed");
    const decision = (key: Key) =>
      closed.agenda.find((item) => item.applicationId === who(key).applicationId)?.decision;
    expect(decision("c")).toMatchObject({ approve: 4, reject: 2, eligible: 6, passed: true });
    expect(decision("e")).toMatchObject({ approve: 3, reject: 2, abstain: 1, eligible: 6, passed: false });
    expect(decision("f")).toMatchObject({ approve: 5, recused: 1, eligible: 5, passed: true });
    expect((await committeeView("c")).state).toBe("approved");
    expect((await committeeView("e")).state).toBe("rejected");
    await refusedWithoutTrace(() => vote("c", 6, "approve"), 409, "MEETING_NOT_IN_SESSION");
    const trail = (await committeeView("e")).timeline?.map((entry) => entry.action) ?? [];
    // The department's part was placed directly; from the receipt on every step is a recorded transition.
    expect(trail).toEqual([
      "create",
      "submit",
      "receive",
      "pass_qualification",
      "start_appraisal",
      "pass_appraisal",
      "schedule_defense",
      "refer_to_committee",
      "reject",
    ]);
  });

  it("R4.5 §7 the result notice: an objection the office dismisses; R5.5 F cancelled for fraud and blacklisted", async () => {
    await sessions.at("2024-12-23T10:00:00+08:00");
    const published = await json<{
      notice: { noticeId: string; entries: { entry: number; name: string }[] };
    }>(
      await api.send(
        "POST",
        "/admin/rounds/2024/result-notices",
        { publicityScope: "甘肃省人力资源和社会保障厅门户网站" },
        await sessions.as("office-admin"),
      ),
      200,
    );
    const { noticeId, entries } = published.notice;
    expect(entries.map((entry) => entry.name).sort()).toEqual(["方舟", "陈晨"].sort());
    for (const key of ["c", "f"] as const) expect((await committeeView(key)).state).toBe("result_publicity");

    const entryOfC = entries.find((entry) => entry.name === "陈晨")?.entry;
    await json(
      await api.send("POST", `/rounds/2024/notices/${noticeId}/objections`, {
        entry: entryOfC,
        content: "反映该同志代表作与他人论文高度雷同，请核查。",
      }),
      201,
    );
    const objections = `/admin/rounds/2024/applications/${who("c").applicationId}/objections`;
    const listed = await json<{ version: number; objections: { objectionId: string }[] }>(
      await api.get(objections, await sessions.as("office-admin")),
      200,
    );
    const [objection] = listed.objections;

    const fraud = await json<{ state: string }>(
      await api.send(
        "POST",
        `/admin/rounds/2024/applications/${who("f").applicationId}/fraud-cancellation`,
        {
          expectedVersion: (await committeeView("f")).application.version,
          finding: "经核查，其代表作系抄袭他人已发表论文",
          unitAccountability: "所在单位审核把关不严，通报批评",
          handlerAccountability: "经办人未认真核对材料，诫勉谈话",
        },
        await sessions.as("office-admin"),
      ),
      200,
    );
    expect(fraud.state).toBe("cancelled");
    const blacklist = await json<{ entries: { realName: string; status: string; until: string }[] }>(
      await api.get("/admin/blacklist", await sessions.as("office-admin")),
      200,
    );
    expect(blacklist.entries.find((entry) => entry.realName === "方舟")).toMatchObject({
      status: "active",
      until: "2027-12-23",
    });

    // The notice runs five working days and C's objection is open: no document yet (R4.5).
    await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          "/admin/rounds/2024/qualification-document",
          { documentNumber: "甘职改办〔2024〕12号", issuedOn: "2024-12-27" },
          await sessions.as("office-admin"),
        ),
      422,
      "RESULT_NOTICE_NOT_FINISHED",
      "R4.5",
    );
    await json(
      await api.send(
        "POST",
        `${objections}/${objection?.objectionId}/resolution`,
        {
          expectedVersion: listed.version,
          outcome: "dismissed",
          reason: "经查重比对，代表作与所指论文无雷同，反映不实",
        },
        await sessions.as("office-admin"),
      ),
      200,
    );
  });

  it("R4.6 after the notice the office issues the document; C downloads the certificate and anyone verifies it", async () => {
    // Published Monday 12-23 10:00: five working days are 12-24 … 12-30, so the notice ends 12-31 00:00.
    await sessions.at("2024-12-31T10:00:00+08:00");
    const issued = await json<{ certified: { holderName: string; certificateNumber: string }[] }>(
      await api.send(
        "POST",
        "/admin/rounds/2024/qualification-document",
        { documentNumber: "甘职改办〔2024〕12号", issuedOn: "2024-12-31" },
        await sessions.as("office-admin"),
      ),
      200,
    );
    expect(
      issued.certified.map((entry) => entry.holderName),
      JSON.stringify(issued),
    ).toEqual(["陈晨"]);
    const number = issued.certified[0]?.certificateNumber ?? "";
    await refusedWithoutTrace(
      async () =>
        api.get(applicationPath(who("e").applicationId, "/certificate"), await sessions.as("committee-e")),
      409,
      "CERTIFICATE_NOT_ISSUED",
      "R4.6",
    );

    const pdf = await api.get(
      applicationPath(who("c").applicationId, "/certificate"),
      await sessions.as("committee-c"),
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const document = await getDocument({ data: new Uint8Array(await pdf.arrayBuffer()), verbosity: 0 })
      .promise;
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
    for (const printed of ["专业技术资格证书", "陈晨", number, "人力资源培训", "2024-12-31"])
      expect(text).toContain(printed);
    const code = /验 证 码\s*([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})/.exec(text)?.[1];
    expect(code).toBeDefined();

    const verified = await json<{ maskedHolderName: string; certificateNumber: string; status: string }>(
      await api.get(`/certificates/${number}?code=${code}`),
      200,
    );
    expect(verified).toMatchObject({ maskedHolderName: "陈*", certificateNumber: number, status: "valid" });
    const mistyped = `${code?.slice(0, -1)}${code?.endsWith("2") ? "3" : "2"}`;
    expect((await api.get(`/certificates/${number}?code=${mistyped}`)).status).toBe(404);
  });
});
