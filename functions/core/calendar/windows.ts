import { ruleViolation } from "../errors";
import { isPhaseOpen } from "./phases";
import { PHASES, type Phase, type RoundCalendar } from "./round-calendar";
import { formatShanghai } from "./shanghai-time";

/** What the calendar gates. Each is allowed while a phase from `first` to `last` is open (R3). */
export type Activity =
  | "edit_draft"
  | "first_submission"
  | "resubmission"
  | "unit_review"
  | "department_review";

/** The instant after which an activity is never allowed again, in any state (DESIGN §4, §5). */
export interface Deadline {
  at: Date;
  /** What closes, as people call it: the message names it with the time. */
  label: string;
}

/**
 * Everything starts in the pre-preparation, which is a rehearsal of the whole round on test data (R3.5):
 * submit, unit review and return, publicity, recommendation, department review. The reset at its end
 * clears all of it (R3.3); the application phase opens only after the reset, so the two never mix.
 */
const WINDOWS: Readonly<Record<Activity, { first: Phase; last: Phase }>> = {
  edit_draft: { first: "preparation", last: "application" },
  first_submission: { first: "preparation", last: "application" },
  // A returned application may be fixed and resubmitted until the review cutoff (R7.9, DESIGN §5).
  resubmission: { first: "preparation", last: "review" },
  // 随报随审 (R4.2): units review applications as they arrive, so from the first submission on.
  unit_review: { first: "preparation", last: "review" },
  // Departments likewise take recommended applications as they come; the review phase is the time
  // left after the applications close, not the only time review may happen.
  department_review: { first: "preparation", last: "review" },
};

const ACTIVITY_LABELS: Readonly<Record<Activity, string>> = {
  edit_draft: "填写申报材料",
  first_submission: "个人正式申报",
  resubmission: "退回修改后再次提交",
  unit_review: "单位审核推荐",
  department_review: "审核部门审核",
};

/** When the activity closes for good: the end of the last phase it may happen in. */
export function activityDeadline(activity: Activity, calendar: RoundCalendar): Deadline {
  return { at: calendar[WINDOWS[activity].last].to, label: ACTIVITY_LABELS[activity] };
}

/** The committee stops receiving materials: what is still on anyone's desk stays there (R3, R7.3). */
export function receiptDeadline(calendar: RoundCalendar, label: string): Deadline {
  return { at: calendar.receiptCutoff, label };
}

/**
 * The deadline's answer (R3): from its instant on, whatever the record's state, whatever a sweep of the
 * round workflow has already done to it. Only inside the window do version and state decide.
 */
export function assertBeforeDeadline(deadline: Deadline, now: Date): void {
  if (now < deadline.at) return;
  throw ruleViolation(
    "R3",
    "DEADLINE_PASSED",
    `${deadline.label}已于${formatShanghai(deadline.at)}（北京时间）截止，不能再办理`,
  );
}

export function isWindowOpen(
  activity: Activity,
  calendar: RoundCalendar,
  opened: readonly Phase[],
  now: Date,
): boolean {
  const { first, last } = WINDOWS[activity];
  return PHASES.slice(PHASES.indexOf(first), PHASES.indexOf(last) + 1).some((phase) =>
    isPhaseOpen(calendar, opened, phase, now),
  );
}

/** Throws a rule violation (R3) saying when the activity opens or that its deadline has passed. */
export function assertWindowOpen(
  activity: Activity,
  calendar: RoundCalendar,
  opened: readonly Phase[],
  now: Date,
): void {
  if (isWindowOpen(activity, calendar, opened, now)) return;
  assertBeforeDeadline(activityDeadline(activity, calendar), now);
  const from = calendar[WINDOWS[activity].first].from;
  const to = calendar[WINDOWS[activity].last].to;
  const label = ACTIVITY_LABELS[activity];
  throw ruleViolation(
    "R3",
    "WINDOW_NOT_OPEN",
    `${label}当前未开放，开放时间为${formatShanghai(from)}至${formatShanghai(to)}（北京时间），以系统开放为准`,
  );
}
