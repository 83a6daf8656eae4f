import { describe, expect, it } from "vitest";
import {
  parseRoundCalendar,
  ROUND_2024_CALENDAR_SPEC,
  type RoundCalendar,
  shanghai,
} from "../../../../functions/core/calendar";
import type { DomainError } from "../../../../functions/core/errors";
import {
  type Action,
  type Actor,
  type ApplicationSnapshot,
  type ApplicationState,
  applyAction,
  assertEditable,
  type LifecycleContext,
} from "../../../../functions/core/lifecycle";
import { refusal } from "../../../support/domain-refusal";

const CALENDAR = parseRoundCalendar({
  ...ROUND_2024_CALENDAR_SPEC,
  defenseAt: "2024-12-10 09:00",
  committeeMeetingAt: "2024-12-20 09:00",
});
const APPLICANT: Actor = { id: "applicant-1", role: "applicant" };
const HANDLER: Actor = { id: "handler-1", role: "unit_handler" };
const LEADER: Actor = { id: "leader-1", role: "unit_leader" };
const REVIEWER: Actor = { id: "reviewer-1", role: "department_reviewer" };
const OFFICE: Actor = { id: "office-1", role: "office_admin" };
const ORGANISER: Actor = { id: "organiser-1", role: "organiser" };
const EXPERT: Actor = { id: "expert-1", role: "expert" };
const PANEL: Actor = { id: "panel-1", role: "panel_member" };
const WORKFLOW: Actor = { id: "workflow", role: "system" };

const DURING_APPLICATION = shanghai("2024-09-20", "10:00");
const DURING_REVIEW = shanghai("2024-10-25", "10:00");
const AFTER_CUTOFF = shanghai("2024-11-20", "10:00");
const PUBLICITY = { openedBy: HANDLER.id, startedAt: shanghai("2024-09-16", "10:00") };

const ms = (at: Date, delta: number): Date => new Date(at.getTime() + delta);

function application(
  state: ApplicationState,
  changes: Partial<ApplicationSnapshot> = {},
): ApplicationSnapshot {
  return {
    state,
    applicantId: APPLICANT.id,
    senior: true,
    exceptionalPromotion: false,
    grassrootsScope: false,
    departmentReturns: 0,
    submissions: state === "draft" ? 0 : 1,
    ...changes,
  };
}

function context(now: Date, changes: Partial<LifecycleContext> = {}): LifecycleContext {
  return {
    now,
    calendar: CALENDAR,
    openedPhases: ["preparation", "application", "review"],
    unitAccountsComplete: true,
    unresolvedObjections: 0,
    reason: "学历证书扫描件不清晰，请重新上传",
    ...changes,
  };
}

function refusedWith(run: () => unknown, rule: string | undefined, code: string): DomainError {
  const error = refusal(run);
  expect({ rule: error.details.rule, code: error.code }).toEqual({ rule, code });
  // A message a person can act on: Chinese, and more than a bare status word.
  expect(error.message).toMatch(/^\p{Script=Han}.{8,}/u);
  return error;
}

describe("a whole application, from draft to certificate", () => {
  it("walks the lifecycle of DESIGN §5 for a senior title", () => {
    let app = application("draft");
    const step = (action: Action, actor: Actor, now: Date, expected: ApplicationState): void => {
      app = applyAction(app, action, actor, context(now));
      expect(app.state).toBe(expected);
    };
    step("submit", APPLICANT, shanghai("2024-09-15", "20:00"), "submitted");
    step("open_publicity", HANDLER, PUBLICITY.startedAt, "unit_publicity");
    expect(app.unitPublicity).toEqual(PUBLICITY);
    step("recommend", LEADER, shanghai("2024-09-21", "24:00"), "recommended");
    step("return_by_department", REVIEWER, shanghai("2024-09-25", "10:00"), "returned_by_department");
    expect(app.departmentReturns).toBe(1);
    step("resubmit", APPLICANT, shanghai("2024-09-26", "10:00"), "submitted");
    step("recommend", LEADER, shanghai("2024-09-26", "15:00"), "recommended");
    step("approve_by_department", REVIEWER, DURING_REVIEW, "department_approved");
    step("receive", WORKFLOW, CALENDAR.receiptCutoff, "received");
    step("pass_qualification", OFFICE, AFTER_CUTOFF, "qualification_passed");
    step("start_appraisal", ORGANISER, AFTER_CUTOFF, "appraisal");
    step("pass_appraisal", EXPERT, AFTER_CUTOFF, "appraisal_passed");
    step("schedule_defense", ORGANISER, AFTER_CUTOFF, "defense");
    step("refer_to_committee", PANEL, shanghai("2024-12-10", "09:00"), "committee");
    step("approve", ORGANISER, shanghai("2024-12-20", "09:00"), "approved");
    step("publish_result", OFFICE, shanghai("2024-12-23", "10:00"), "result_publicity");
    expect(app.resultNoticeStartedAt).toEqual(shanghai("2024-12-23", "10:00"));
    step("certify", OFFICE, shanghai("2024-12-30", "24:00"), "certified");
    expect(app.departmentReturns).toBe(1);
  });

  it("a non-senior title goes from qualification straight to the defense (R4.4)", () => {
    const app = application("qualification_passed", { senior: false });
    expect(applyAction(app, "schedule_defense", ORGANISER, context(AFTER_CUTOFF)).state).toBe("defense");
  });

  it("returns a new snapshot and leaves the given one untouched", () => {
    const before = application("submitted", { departmentReturns: 2, grassrootsScope: true });
    const copy = structuredClone(before);
    const after = applyAction(before, "open_publicity", HANDLER, context(DURING_REVIEW));
    expect(before).toEqual(copy);
    expect(after).toEqual({
      ...copy,
      state: "unit_publicity",
      unitPublicity: { openedBy: HANDLER.id, startedAt: DURING_REVIEW },
    });
  });
});

describe("R3 the clock", () => {
  it("R4.1 the first submission is accepted until the last instant of 10月20日 and refused at 24时", () => {
    const draft = application("draft");
    expect(applyAction(draft, "submit", APPLICANT, context(ms(CALENDAR.application.to, -1))).state).toBe(
      "submitted",
    );
    refusedWith(
      () => applyAction(draft, "submit", APPLICANT, context(CALENDAR.application.to)),
      "R3",
      "DEADLINE_PASSED",
    );
  });

  it("R3.5 a submission rehearses in the preparation; nothing is submitted before the system opens, nor before the workflow opens the application", () => {
    const draft = application("draft");
    const inPreparation = context(shanghai("2024-09-05", "10:00"));
    expect(applyAction(draft, "submit", APPLICANT, inPreparation).state).toBe("submitted");
    const beforeOpening = context(ms(CALENDAR.preparation.from, -1));
    refusedWith(() => applyAction(draft, "submit", APPLICANT, beforeOpening), "R3", "WINDOW_NOT_OPEN");
    const notOpened = context(DURING_APPLICATION, { openedPhases: ["preparation"] });
    refusedWith(() => applyAction(draft, "submit", APPLICANT, notOpened), "R3", "WINDOW_NOT_OPEN");
  });

  it.each(["returned_by_unit", "returned_by_department"] as const)(
    "R7.9 after %s the applicant resubmits until the review cutoff, not at it",
    (state) => {
      const returned = application(state, { departmentReturns: 1 });
      expect(applyAction(returned, "resubmit", APPLICANT, context(ms(CALENDAR.review.to, -1))).state).toBe(
        "submitted",
      );
      refusedWith(
        () => applyAction(returned, "resubmit", APPLICANT, context(CALENDAR.review.to)),
        "R3",
        "DEADLINE_PASSED",
      );
    },
  );

  it.each([
    ["open_publicity", HANDLER, application("submitted"), "unit_publicity"],
    ["return_by_unit", HANDLER, application("submitted"), "returned_by_unit"],
    [
      "recommend",
      LEADER,
      application("unit_publicity", {
        unitPublicity: { openedBy: HANDLER.id, startedAt: shanghai("2024-09-01", "09:00") },
      }),
      "recommended",
    ],
    ["approve_by_department", REVIEWER, application("recommended"), "department_approved"],
    ["return_by_department", REVIEWER, application("recommended"), "returned_by_department"],
  ] as [Action, Actor, ApplicationSnapshot, ApplicationState][])(
    "R4.2 R4.3 R3.5 %s: from the opening of the rehearsal (随报随审) until the review cutoff",
    (action, actor, app, expected) => {
      const inPreparation = context(shanghai("2024-09-09", "10:00"), { openedPhases: ["preparation"] });
      expect(applyAction(app, action, actor, inPreparation).state).toBe(expected);
      expect(applyAction(app, action, actor, context(DURING_APPLICATION)).state).toBe(expected);
      expect(applyAction(app, action, actor, context(ms(CALENDAR.review.to, -1))).state).toBe(expected);
      refusedWith(
        () => applyAction(app, action, actor, context(CALENDAR.review.to)),
        "R3",
        "DEADLINE_PASSED",
      );
      const beforeOpening = context(ms(CALENDAR.preparation.from, -1));
      refusedWith(() => applyAction(app, action, actor, beforeOpening), "R3", "WINDOW_NOT_OPEN");
    },
  );

  it("the workflow expires a draft from 10月20日24时 on, not earlier", () => {
    const draft = application("draft");
    expect(applyAction(draft, "expire", WORKFLOW, context(CALENDAR.application.to)).state).toBe("expired");
    refusedWith(
      () => applyAction(draft, "expire", WORKFLOW, context(ms(CALENDAR.application.to, -1))),
      "R3",
      "NOT_YET_DUE",
    );
  });

  it.each([
    "submitted",
    "returned_by_unit",
    "unit_publicity",
    "recommended",
    "returned_by_department",
  ] as const)("R7.3 at the receipt cutoff an application still %s expires", (state) => {
    const app = application(state);
    expect(applyAction(app, "expire", WORKFLOW, context(CALENDAR.receiptCutoff)).state).toBe("expired");
    refusedWith(
      () => applyAction(app, "expire", WORKFLOW, context(ms(CALENDAR.receiptCutoff, -1))),
      "R3",
      "NOT_YET_DUE",
    );
  });

  it("R7.3 the committee receives approved applications at the cutoff, not before", () => {
    const app = application("department_approved");
    expect(applyAction(app, "receive", WORKFLOW, context(CALENDAR.receiptCutoff)).state).toBe("received");
    refusedWith(
      () => applyAction(app, "receive", WORKFLOW, context(ms(CALENDAR.receiptCutoff, -1))),
      "R3",
      "NOT_YET_DUE",
    );
  });
});

describe("R3.2 the unit's three accounts", () => {
  it.each([
    ["open_publicity", HANDLER, application("submitted")],
    ["return_by_unit", HANDLER, application("submitted")],
    ["recommend", LEADER, application("unit_publicity", { unitPublicity: PUBLICITY })],
  ] as [Action, Actor, ApplicationSnapshot][])(
    "%s needs admin, handler and leader accounts",
    (action, actor, app) => {
      const incomplete = context(DURING_REVIEW, { unitAccountsComplete: false });
      const error = refusedWith(
        () => applyAction(app, action, actor, incomplete),
        "R3.2",
        "UNIT_ACCOUNTS_INCOMPLETE",
      );
      expect(error.message).toContain("系统管理员、经办人、审核领导");
      const unknown = context(DURING_REVIEW, { unitAccountsComplete: undefined });
      expect(() => applyAction(app, action, actor, unknown)).toThrow(
        new TypeError("lifecycle guard lacks unitAccountsComplete"),
      );
    },
  );
});

describe("R4.2 R5.3 the unit publicity", () => {
  const inPublicity = (changes: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot =>
    application("unit_publicity", { unitPublicity: PUBLICITY, ...changes });
  const recommendAt = (app: ApplicationSnapshot, now: Date, calendar: RoundCalendar = CALENDAR) =>
    applyAction(app, "recommend", LEADER, context(now, { calendar }));

  it("R4.2 posted 09-16 10:00, 5 whole days run 09-17..09-21: recommend from 09-21 24时", () => {
    const end = shanghai("2024-09-21", "24:00");
    const error = refusedWith(
      () => recommendAt(inPublicity(), ms(end, -1)),
      "R4.2",
      "PUBLICITY_NOT_FINISHED",
    );
    expect(error.message).toBe("单位公示期不少于5天，须到2024-09-22 00:00（北京时间）公示期满后方可推荐");
    expect(recommendAt(inPublicity(), end).state).toBe("recommended");
  });

  it("R4.2 posted at 00:00 the first day counts: 09-16..09-20", () => {
    const app = inPublicity({
      unitPublicity: { openedBy: HANDLER.id, startedAt: shanghai("2024-09-16", "00:00") },
    });
    refusedWith(
      () => recommendAt(app, ms(shanghai("2024-09-20", "24:00"), -1)),
      "R4.2",
      "PUBLICITY_NOT_FINISHED",
    );
    expect(recommendAt(app, shanghai("2024-09-20", "24:00")).state).toBe("recommended");
  });

  it.each([
    ["破格晋升", { exceptionalPromotion: true }],
    ["基层有效", { grassrootsScope: true }],
  ])("R5.3 %s: the extended 7 days run 09-17..09-23", (_name, changes) => {
    const app = inPublicity(changes);
    const end = shanghai("2024-09-23", "24:00");
    const error = refusedWith(() => recommendAt(app, ms(end, -1)), "R5.3", "PUBLICITY_NOT_FINISHED");
    expect(error.message).toBe(
      "破格晋升、基层有效人员单位公示期不少于7天，须到2024-09-24 00:00（北京时间）公示期满后方可推荐",
    );
    expect(recommendAt(app, end).state).toBe("recommended");
  });

  it("R5.3 the extended minimum is the round's configuration", () => {
    const notices = { unitPublicityDays: 6, extendedPublicityDays: 10, resultNoticeWorkingDays: 5 };
    const calendar = parseRoundCalendar({ ...ROUND_2024_CALENDAR_SPEC, notices });
    const end = shanghai("2024-09-26", "24:00");
    refusedWith(
      () => recommendAt(inPublicity({ exceptionalPromotion: true }), ms(end, -1), calendar),
      "R5.3",
      "PUBLICITY_NOT_FINISHED",
    );
    expect(recommendAt(inPublicity({ exceptionalPromotion: true }), end, calendar).state).toBe("recommended");
    expect(recommendAt(inPublicity(), shanghai("2024-09-22", "24:00"), calendar).state).toBe("recommended");
    refusedWith(
      () => recommendAt(inPublicity(), ms(shanghai("2024-09-22", "24:00"), -1), calendar),
      "R4.2",
      "PUBLICITY_NOT_FINISHED",
    );
  });

  it("R4.2 no recommendation without a publicity", () => {
    refusedWith(
      () => recommendAt(application("unit_publicity"), DURING_REVIEW),
      "R4.2",
      "PUBLICITY_REQUIRED",
    );
  });

  it("R4.2 an unresolved objection blocks the recommendation", () => {
    const objected = context(DURING_REVIEW, { unresolvedObjections: 1 });
    const error = refusedWith(
      () => applyAction(inPublicity(), "recommend", LEADER, objected),
      "R4.2",
      "OBJECTION_UNRESOLVED",
    );
    expect(error.message).toContain("异议");
    const unknown = context(DURING_REVIEW, { unresolvedObjections: undefined });
    expect(() => applyAction(inPublicity(), "recommend", LEADER, unknown)).toThrow(
      new TypeError("lifecycle guard lacks unresolvedObjections"),
    );
  });

  it("R3.2 maker-checker: the leader who recommends is never the person who opened the publicity", () => {
    const sameperson: Actor = { id: HANDLER.id, role: "unit_leader" };
    const error = refusedWith(
      () => applyAction(inPublicity(), "recommend", sameperson, context(DURING_REVIEW)),
      "R3.2",
      "MAKER_CHECKER",
    );
    expect(error.message).toContain("不能由组织公示的经办人本人推荐");
  });

  it("an upheld objection during the publicity sends the application back to the applicant", () => {
    expect(applyAction(inPublicity(), "return_by_unit", HANDLER, context(DURING_REVIEW)).state).toBe(
      "returned_by_unit",
    );
  });
});

describe("R4.3 department review and returns", () => {
  it.each([0, 1, 2])("a return after %i earlier returns is counted", (earlier) => {
    const app = application("recommended", { departmentReturns: earlier, unitPublicity: PUBLICITY });
    const returned = applyAction(app, "return_by_department", REVIEWER, context(DURING_REVIEW));
    expect(returned).toEqual({ ...app, state: "returned_by_department", departmentReturns: earlier + 1 });
  });

  it("R4.3 a fourth return is refused", () => {
    const app = application("recommended", { departmentReturns: 3 });
    const error = refusedWith(
      () => applyAction(app, "return_by_department", REVIEWER, context(DURING_REVIEW)),
      "R4.3",
      "DEPARTMENT_RETURN_LIMIT",
    );
    expect(error.message).toBe("该申报已被审核部门退回3次，已达上限，不能再退回；请作出审核决定");
    expect(
      applyAction(app, "approve_by_department", REVIEWER, context(DURING_REVIEW)).departmentReturns,
    ).toBe(3);
  });

  it("after a department return the unit recommends the fix again on its earlier publicity", () => {
    const fixed = application("submitted", { departmentReturns: 1, unitPublicity: PUBLICITY });
    expect(applyAction(fixed, "recommend", LEADER, context(DURING_REVIEW)).state).toBe("recommended");
    const sameperson: Actor = { id: HANDLER.id, role: "unit_leader" };
    refusedWith(
      () => applyAction(fixed, "recommend", sameperson, context(DURING_REVIEW)),
      "R3.2",
      "MAKER_CHECKER",
    );
    const objected = context(DURING_REVIEW, { unresolvedObjections: 2 });
    refusedWith(() => applyAction(fixed, "recommend", LEADER, objected), "R4.2", "OBJECTION_UNRESOLVED");
  });

  it.each([
    ["never returned by the department", { departmentReturns: 0, unitPublicity: PUBLICITY }],
    ["returned but never publicised", { departmentReturns: 1 }],
  ])("R4.2 a submitted application %s needs a publicity first", (_name, changes) => {
    const app = application("submitted", changes);
    refusedWith(
      () => applyAction(app, "recommend", LEADER, context(DURING_REVIEW)),
      "R4.2",
      "PUBLICITY_REQUIRED",
    );
  });
});

describe("reasons a person can act on", () => {
  it.each([
    ["return_by_unit", HANDLER, application("submitted"), DURING_REVIEW, "R7.9"],
    ["return_by_department", REVIEWER, application("recommended"), DURING_REVIEW, "R7.9"],
    ["fail_qualification", OFFICE, application("received"), AFTER_CUTOFF, "R5.1"],
    ["fail_appraisal", EXPERT, application("appraisal"), AFTER_CUTOFF, "R5.1"],
    ["reject", ORGANISER, application("committee"), shanghai("2024-12-20", "09:00"), "R5.1"],
    ["cancel", OFFICE, application("submitted"), DURING_REVIEW, "R5.5"],
    ["cancel_by_unit", HANDLER, application("unit_publicity"), DURING_REVIEW, "R5.5"],
  ] as [Action, Actor, ApplicationSnapshot, Date, string][])(
    "%s needs a reason (%s)",
    (action, actor, app, now, rule) => {
      for (const reason of [undefined, "", "  \n "]) {
        refusedWith(() => applyAction(app, action, actor, context(now, { reason })), rule, "REASON_REQUIRED");
      }
      expect(applyAction(app, action, actor, context(now, { reason: "见意见书" })).state).not.toBe(app.state);
    },
  );
});

describe("§7 R5.5 the unit cancels an application after upholding an objection of fraud", () => {
  it("only while the unit holds it, only a staffed unit, only until the review cutoff", () => {
    const publicised = application("unit_publicity", { unitPublicity: PUBLICITY });
    expect(applyAction(publicised, "cancel_by_unit", HANDLER, context(DURING_REVIEW)).state).toBe(
      "cancelled",
    );
    refusedWith(
      () =>
        applyAction(
          publicised,
          "cancel_by_unit",
          HANDLER,
          context(DURING_REVIEW, { unitAccountsComplete: false }),
        ),
      "R3.2",
      "UNIT_ACCOUNTS_INCOMPLETE",
    );
    refusedWith(
      () => applyAction(publicised, "cancel_by_unit", HANDLER, context(AFTER_CUTOFF)),
      "R3",
      "DEADLINE_PASSED",
    );
    expect(
      refusal(() =>
        applyAction(application("recommended"), "cancel_by_unit", HANDLER, context(DURING_REVIEW)),
      ).code,
    ).toBe("INVALID_TRANSITION");
    expect(
      refusal(() => applyAction(publicised, "cancel_by_unit", LEADER, context(DURING_REVIEW))).code,
    ).toBe("ROLE_NOT_ALLOWED");
  });
});

describe("R4.4 paper appraisal is for senior titles", () => {
  it("a senior applicant is appraised, and must be before the defense", () => {
    const app = application("qualification_passed");
    expect(applyAction(app, "start_appraisal", ORGANISER, context(AFTER_CUTOFF)).state).toBe("appraisal");
    const error = refusedWith(
      () => applyAction(app, "schedule_defense", ORGANISER, context(AFTER_CUTOFF)),
      "R4.4",
      "APPRAISAL_REQUIRED",
    );
    expect(error.message).toContain("论文鉴定");
  });

  it("a non-senior applicant is not appraised", () => {
    const app = application("qualification_passed", { senior: false });
    refusedWith(
      () => applyAction(app, "start_appraisal", ORGANISER, context(AFTER_CUTOFF)),
      "R4.4",
      "APPRAISAL_SENIOR_ONLY",
    );
  });

  it("a failed appraisal ends the application; a passed one leads to the defense", () => {
    const app = application("appraisal");
    expect(applyAction(app, "fail_appraisal", EXPERT, context(AFTER_CUTOFF)).state).toBe("appraisal_failed");
    const passed = applyAction(app, "pass_appraisal", EXPERT, context(AFTER_CUTOFF));
    expect(applyAction(passed, "schedule_defense", ORGANISER, context(AFTER_CUTOFF)).state).toBe("defense");
  });
});

describe("R4.5 defense, meeting and result notice", () => {
  const unannounced = parseRoundCalendar(ROUND_2024_CALENDAR_SPEC);

  it("the defense and the meeting need announced dates (另行通知)", () => {
    const ctx = context(AFTER_CUTOFF, { calendar: unannounced });
    const unscheduled = "答辩时间尚未公布，请省职改办先在轮次日程中设置";
    const scheduling = refusedWith(
      () => applyAction(application("appraisal_passed"), "schedule_defense", ORGANISER, ctx),
      "R4.5",
      "DEFENSE_NOT_SCHEDULED",
    );
    expect(scheduling.message).toBe(unscheduled);
    const referring = refusedWith(
      () => applyAction(application("defense"), "refer_to_committee", PANEL, ctx),
      "R4.5",
      "DEFENSE_NOT_SCHEDULED",
    );
    expect(referring.message).toBe(unscheduled);
    const error = refusedWith(
      () => applyAction(application("committee"), "approve", ORGANISER, ctx),
      "R4.5",
      "MEETING_NOT_SCHEDULED",
    );
    expect(error.message).toBe("评审会议时间尚未公布，请省职改办先在轮次日程中设置");
  });

  it("the committee takes the application once the defense has been held", () => {
    const app = application("defense");
    const defenseAt = shanghai("2024-12-10", "09:00");
    const error = refusedWith(
      () => applyAction(app, "refer_to_committee", PANEL, context(ms(defenseAt, -1))),
      "R4.5",
      "DEFENSE_NOT_HELD",
    );
    expect(error.message).toContain("2024-12-10 09:00");
    expect(applyAction(app, "refer_to_committee", PANEL, context(defenseAt)).state).toBe("committee");
  });

  it.each(["approve", "reject"] as const)("%s is recorded once the meeting has been held", (action) => {
    const app = application("committee");
    const meetingAt = shanghai("2024-12-20", "09:00");
    refusedWith(
      () => applyAction(app, action, ORGANISER, context(ms(meetingAt, -1))),
      "R4.5",
      "MEETING_NOT_HELD",
    );
    expect(applyAction(app, action, ORGANISER, context(meetingAt)).state).toBe(
      action === "approve" ? "approved" : "rejected",
    );
  });

  it("R4.5 results posted 2024-09-30 10:00 stay up 5 working days past National Day, to 10-12 (调休) 24时", () => {
    const posted = applyAction(
      application("approved"),
      "publish_result",
      OFFICE,
      context(shanghai("2024-09-30", "10:00")),
    );
    expect(posted.resultNoticeStartedAt).toEqual(shanghai("2024-09-30", "10:00"));
    const end = shanghai("2024-10-12", "24:00");
    const error = refusedWith(
      () => applyAction(posted, "certify", OFFICE, context(ms(end, -1))),
      "R4.5",
      "RESULT_NOTICE_NOT_FINISHED",
    );
    expect(error.message).toBe(
      "评审结果公示不少于5个工作日，须到2024-10-13 00:00（北京时间）公示期满后方可发证",
    );
    expect(applyAction(posted, "certify", OFFICE, context(end)).state).toBe("certified");
  });

  it("R4.5 an unresolved objection to the results blocks the certificate", () => {
    const app = application("result_publicity", { resultNoticeStartedAt: shanghai("2024-12-23", "10:00") });
    const ctx = context(shanghai("2025-01-10", "10:00"), { unresolvedObjections: 1 });
    refusedWith(() => applyAction(app, "certify", OFFICE, ctx), "R4.5", "OBJECTION_UNRESOLVED");
  });

  it("a result notice without a start is a caller's bug, not a pass", () => {
    const app = application("result_publicity");
    expect(() => applyAction(app, "certify", OFFICE, context(shanghai("2025-01-10", "10:00")))).toThrow(
      new TypeError("lifecycle guard lacks resultNoticeStartedAt"),
    );
  });
});

describe("who may act", () => {
  it.each(["submit", "withdraw"] as const)("%s on someone else's application is 404, not 403", (action) => {
    const error = refusal(() =>
      applyAction(
        application("draft"),
        action,
        { id: "applicant-2", role: "applicant" },
        context(DURING_APPLICATION),
      ),
    );
    expect([error.kind, error.code, error.message]).toEqual([
      "not_found",
      "APPLICATION_NOT_FOUND",
      "未找到该申报",
    ]);
  });

  it("a role outside the row is forbidden, before any guard is looked at", () => {
    // Inside the window: the publicity has not run its 5 days, which the leader's guard would say.
    const error = refusal(() =>
      applyAction(
        application("unit_publicity", { unitPublicity: { openedBy: "handler-2", startedAt: DURING_REVIEW } }),
        "recommend",
        HANDLER,
        context(DURING_REVIEW),
      ),
    );
    expect([error.kind, error.code, error.message]).toEqual([
      "forbidden",
      "ROLE_NOT_ALLOWED",
      "经办人不能单位推荐",
    ]);
  });

  it("an action the state does not have is a conflict, before the role is looked at", () => {
    const error = refusal(() =>
      applyAction(application("submitted"), "submit", HANDLER, context(DURING_APPLICATION)),
    );
    expect([error.kind, error.code, error.message]).toEqual([
      "conflict",
      "INVALID_TRANSITION",
      "申报当前状态为“已提交，待单位审核”，不能提交申报",
    ]);
  });

  it.each([
    ["unit_leader", "recommend", application("unit_publicity", { unitPublicity: PUBLICITY }), DURING_REVIEW],
    ["office_admin", "pass_qualification", application("received"), AFTER_CUTOFF],
  ] as const)("R8.2 a %s never handles their own application", (role, action, app, now) => {
    const self: Actor = { id: APPLICANT.id, role };
    const error = refusedWith(
      () => applyAction(app, action, self, context(now)),
      "R8.2",
      "CONFLICT_OF_INTEREST",
    );
    expect(error.message).toContain("回避");
  });

  it("R7.3 the applicant may withdraw until the committee has the materials, not after", () => {
    const lastInstant = context(ms(CALENDAR.receiptCutoff, -1));
    expect(applyAction(application("department_approved"), "withdraw", APPLICANT, lastInstant).state).toBe(
      "withdrawn",
    );
    // At the cutoff, before and after the workflow's receipt alike.
    for (const state of ["department_approved", "received"] as const) {
      const error = refusedWith(
        () => applyAction(application(state), "withdraw", APPLICANT, context(CALENDAR.receiptCutoff)),
        "R3",
        "DEADLINE_PASSED",
      );
      expect(error.message).toBe("撤回申报已于2024-11-05 00:00（北京时间）截止，不能再办理");
    }
  });

  it("R5.5 fraud cancels even a granted title; a withdrawn application has nothing left to cancel", () => {
    expect(applyAction(application("certified"), "cancel", OFFICE, context(AFTER_CUTOFF)).state).toBe(
      "cancelled",
    );
    expect(
      refusal(() => applyAction(application("withdrawn"), "cancel", OFFICE, context(AFTER_CUTOFF))).code,
    ).toBe("INVALID_TRANSITION");
  });

  it("R5.5 fraud cancellation starts at the first submission: a draft is the applicant's alone", () => {
    expect(applyAction(application("submitted"), "cancel", OFFICE, context(DURING_REVIEW)).state).toBe(
      "cancelled",
    );
    expect(
      refusal(() => applyAction(application("draft"), "cancel", OFFICE, context(DURING_REVIEW))).code,
    ).toBe("INVALID_TRANSITION");
  });
});

describe("R7.3 assertEditable", () => {
  it.each([
    [
      "a draft during the preparation (test data, R3.3)",
      application("draft"),
      shanghai("2024-09-05", "10:00"),
    ],
    ["a draft until the applications close", application("draft"), ms(CALENDAR.application.to, -1)],
    [
      "a returned application until the review cutoff",
      application("returned_by_department"),
      ms(CALENDAR.review.to, -1),
    ],
    ["a returned application during the applications", application("returned_by_unit"), DURING_APPLICATION],
  ])("allows %s", (_name, app, now) => {
    expect(() => assertEditable(app, APPLICANT, context(now))).not.toThrow();
  });

  it.each([
    [
      "a draft once the applications closed",
      application("draft"),
      CALENDAR.application.to,
      "R3",
      "DEADLINE_PASSED",
    ],
    [
      "a returned application at the review cutoff",
      application("returned_by_unit"),
      CALENDAR.review.to,
      "R3",
      "DEADLINE_PASSED",
    ],
    [
      "a draft before the system opens",
      application("draft"),
      ms(CALENDAR.preparation.from, -1),
      "R3",
      "WINDOW_NOT_OPEN",
    ],
    ["a received application", application("received"), AFTER_CUTOFF, "R3", "DEADLINE_PASSED"],
    ["a certified application", application("certified"), AFTER_CUTOFF, "R3", "DEADLINE_PASSED"],
    [
      "a received application under a clock before the cutoff",
      application("received"),
      DURING_REVIEW,
      "R7.3",
      "MATERIALS_LOCKED",
    ],
    ["a submitted application", application("submitted"), DURING_APPLICATION, undefined, "NOT_EDITABLE"],
    ["a withdrawn application", application("withdrawn"), DURING_APPLICATION, undefined, "NOT_EDITABLE"],
  ])("refuses %s", (_name, app, now, rule, code) => {
    refusedWith(() => assertEditable(app, APPLICANT, context(now)), rule, code);
  });

  it("R7.3 says why a received application cannot change: the review cutoff has passed", () => {
    const error = refusal(() => assertEditable(application("received"), APPLICANT, context(AFTER_CUTOFF)));
    expect([error.kind, error.message]).toEqual([
      "rule_violation",
      "修改、补充申报材料已于2024-11-05 00:00（北京时间）截止，不能再办理",
    ]);
    const held = refusal(() =>
      assertEditable(application("recommended"), APPLICANT, context(DURING_APPLICATION)),
    );
    expect([held.kind, held.message]).toEqual([
      "conflict",
      "申报当前状态为“单位已推荐，待部门审核”，不能修改；如需修改，请联系所在单位退回",
    ]);
  });

  it("nobody edits someone else's application", () => {
    const error = refusal(() =>
      assertEditable(
        application("draft"),
        { id: "applicant-2", role: "applicant" },
        context(DURING_APPLICATION),
      ),
    );
    expect(error.code).toBe("APPLICATION_NOT_FOUND");
  });
});
