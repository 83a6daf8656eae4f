import {
  type Activity,
  assertWindowOpen,
  formatShanghai,
  noticeEnd,
  resultNoticeLength,
  unitPublicityLength,
} from "../calendar";
import { DomainError, ruleViolation } from "../errors";
import type { Actor, ApplicationSnapshot, LifecycleContext } from "./application";

/** A guard passes silently or throws the error that names the rule (DESIGN §5). */
type Guard = (application: ApplicationSnapshot, actor: Actor, context: LifecycleContext) => void;

const MAX_DEPARTMENT_RETURNS = 3;

const inWindow =
  (activity: Activity): Guard =>
  (_application, _actor, context) =>
    assertWindowOpen(activity, context.calendar, context.openedPhases, context.now);

const reasonGiven =
  (rule: string, message: string): Guard =>
  (_application, _actor, context) => {
    if ((context.reason ?? "").trim() === "") throw ruleViolation(rule, "REASON_REQUIRED", message);
  };

function required<T>(value: T | undefined, fact: string): T {
  // A missing fact is the caller's bug; guessing it would let a guard pass by accident.
  if (value === undefined) throw new TypeError(`lifecycle guard lacks ${fact}`);
  return value;
}

function scheduled(
  at: Date | undefined,
  code: "DEFENSE_NOT_SCHEDULED" | "MEETING_NOT_SCHEDULED",
  what: string,
): Date {
  if (at === undefined) {
    throw ruleViolation("R4.5", code, `${what}时间尚未公布，请省职改办先在轮次日程中设置`);
  }
  return at;
}

export const GUARDS = {
  own_application: (application, actor) => {
    // Someone else's application does not exist for an applicant (404, DESIGN §3).
    if (application.applicantId !== actor.id) {
      throw new DomainError("APPLICATION_NOT_FOUND", "未找到该申报");
    }
  },
  first_submission_window: inWindow("first_submission"),
  resubmission_window: inWindow("resubmission"),
  unit_review_window: inWindow("unit_review"),
  department_review_window: inWindow("department_review"),
  unit_accounts_complete: (_application, _actor, context) => {
    if (!required(context.unitAccountsComplete, "unitAccountsComplete")) {
      throw ruleViolation(
        "R3.2",
        "UNIT_ACCOUNTS_INCOMPLETE",
        "本单位尚未实名创建系统管理员、经办人、审核领导3个账号，不能审核推荐；请单位系统管理员先完成账号和角色分配",
      );
    }
  },
  return_reason: reasonGiven("R7.9", "请写明退回原因和需要修改的全部内容，申报人将据此修改后再次提交"),
  decision_reason: reasonGiven("R5.1", "请写明不通过的原因，结果须向申报人公开"),
  fraud_reason: reasonGiven("R5.5", "请写明取消申报资格的事实依据（如提供虚假材料、剽窃等）"),
  department_return_limit: (application) => {
    if (application.departmentReturns >= MAX_DEPARTMENT_RETURNS) {
      throw ruleViolation(
        "R4.3",
        "DEPARTMENT_RETURN_LIMIT",
        `该申报已被审核部门退回${MAX_DEPARTMENT_RETURNS}次，已达上限，不能再退回；请作出审核决定`,
      );
    }
  },
  unit_publicity_satisfied: (application, _actor, context) => {
    const publicity = application.unitPublicity;
    if (publicity === undefined) {
      throw ruleViolation("R4.2", "PUBLICITY_REQUIRED", "须先在本单位公示，公示期满后方可推荐");
    }
    const extended = application.exceptionalPromotion || application.grassrootsScope;
    const length = unitPublicityLength(context.calendar.notices, extended);
    const end = noticeEnd(publicity.startedAt, length);
    if (context.now < end) {
      throw ruleViolation(
        extended ? "R5.3" : "R4.2",
        "PUBLICITY_NOT_FINISHED",
        `${extended ? "破格晋升、基层有效人员" : ""}单位公示期不少于${length.days}天，` +
          `须到${formatShanghai(end)}（北京时间）公示期满后方可推荐`,
      );
    }
  },
  // After a department return the unit re-recommends on the strength of the publicity it already held.
  previously_publicised: (application) => {
    if (application.departmentReturns === 0 || application.unitPublicity === undefined) {
      throw ruleViolation("R4.2", "PUBLICITY_REQUIRED", "须先在本单位公示，公示期满后方可推荐");
    }
  },
  no_unresolved_objection: (application, _actor, context) => {
    if (required(context.unresolvedObjections, "unresolvedObjections") > 0) {
      throw ruleViolation(
        application.state === "result_publicity" ? "R4.5" : "R4.2",
        "OBJECTION_UNRESOLVED",
        "公示期间收到的异议尚未处理完毕，请先核查并处理异议",
      );
    }
  },
  maker_checker: (application, actor) => {
    if (application.unitPublicity?.openedBy === actor.id) {
      throw ruleViolation(
        "R3.2",
        "MAKER_CHECKER",
        "推荐须由审核领导确认，不能由组织公示的经办人本人推荐；请由本单位另一位审核领导办理",
      );
    }
  },
  senior_only: (application) => {
    if (!application.senior) {
      throw ruleViolation(
        "R4.4",
        "APPRAISAL_SENIOR_ONLY",
        "论文鉴定仅适用于申报高级职称的人员，请直接安排答辩",
      );
    }
  },
  not_senior: (application) => {
    if (application.senior) {
      throw ruleViolation("R4.4", "APPRAISAL_REQUIRED", "申报高级职称须先通过论文鉴定，方可安排答辩");
    }
  },
  defense_announced: (_application, _actor, context) => {
    scheduled(context.calendar.defenseAt, "DEFENSE_NOT_SCHEDULED", "答辩");
  },
  defense_held: (_application, _actor, context) => {
    const at = scheduled(context.calendar.defenseAt, "DEFENSE_NOT_SCHEDULED", "答辩");
    if (context.now < at) {
      throw ruleViolation(
        "R4.5",
        "DEFENSE_NOT_HELD",
        `答辩于${formatShanghai(at)}（北京时间）举行，答辩后方可提交评审`,
      );
    }
  },
  meeting_held: (_application, _actor, context) => {
    const at = scheduled(context.calendar.committeeMeetingAt, "MEETING_NOT_SCHEDULED", "评审会议");
    if (context.now < at) {
      throw ruleViolation(
        "R4.5",
        "MEETING_NOT_HELD",
        `评审会议于${formatShanghai(at)}（北京时间）召开，会后方可录入评审结果`,
      );
    }
  },
  result_notice_satisfied: (application, _actor, context) => {
    const startedAt = required(application.resultNoticeStartedAt, "resultNoticeStartedAt");
    const length = resultNoticeLength(context.calendar.notices);
    const end = noticeEnd(startedAt, length);
    if (context.now < end) {
      throw ruleViolation(
        "R4.5",
        "RESULT_NOTICE_NOT_FINISHED",
        `评审结果公示不少于${length.days}个工作日，须到${formatShanghai(end)}（北京时间）公示期满后方可发证`,
      );
    }
  },
  application_closed: (_application, _actor, context) => {
    if (context.now < context.calendar.application.to) {
      throw ruleViolation("R3", "NOT_YET_DUE", "个人申报尚未截止，草稿不能作逾期处理");
    }
  },
  receipt_cutoff_reached: (_application, _actor, context) => {
    if (context.now < context.calendar.receiptCutoff) {
      throw ruleViolation("R3", "NOT_YET_DUE", "评委会接收材料截止时间未到");
    }
  },
} satisfies Record<string, Guard>;

export type GuardName = keyof typeof GUARDS;
