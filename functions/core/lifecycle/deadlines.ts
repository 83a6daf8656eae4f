import {
  type Activity,
  activityDeadline,
  assertBeforeDeadline,
  type Deadline,
  type RoundCalendar,
  receiptDeadline,
} from "../calendar";
import type { Action } from "./actions";
import type { Actor, ApplicationSnapshot, LifecycleContext } from "./application";
import { GUARDS } from "./guards";

type DeadlineOf = (application: ApplicationSnapshot, calendar: RoundCalendar) => Deadline;

const closes =
  (activity: Activity): DeadlineOf =>
  (_application, calendar) =>
    activityDeadline(activity, calendar);

/**
 * The applicant's own desk: a draft until the applications close, an application submitted before
 * (returned, received, or swept to `expired`) until the review closes (R7.9, R7.3). Whether it was ever
 * submitted is a fact of the record that no sweep changes, unlike its state.
 */
const applicantDesk: DeadlineOf = (application, calendar) =>
  application.submissions === 0
    ? activityDeadline("edit_draft", calendar)
    : { at: activityDeadline("resubmission", calendar).at, label: "修改、补充申报材料" };

/**
 * The deadline that ends each action the calendar limits. Openings are events of the workflow and
 * live in the transition table's window guards; closings are the clock's and are checked here first.
 */
const ACTION_DEADLINES: Partial<Readonly<Record<Action, DeadlineOf>>> = {
  submit: closes("first_submission"),
  resubmit: closes("resubmission"),
  // R7.3: until the committee has the materials; a draft never submitted expires with the applications.
  withdraw: (application, calendar) =>
    application.submissions === 0
      ? activityDeadline("edit_draft", calendar)
      : receiptDeadline(calendar, "撤回申报"),
  return_by_unit: closes("unit_review"),
  open_publicity: closes("unit_review"),
  recommend: closes("unit_review"),
  cancel_by_unit: closes("unit_review"),
  return_by_department: closes("department_review"),
  approve_by_department: closes("department_review"),
};

/**
 * After its deadline an action is answered with the deadline's rule (R3), whatever state the record
 * is in: the workflow's sweep may already have expired or received it, and the person who came late
 * must hear that they came late, not that someone changed their record. Someone else's application
 * stays a 404 first (DESIGN §3).
 */
export function assertActionInTime(
  application: ApplicationSnapshot,
  action: Action,
  actor: Actor,
  context: LifecycleContext,
): void {
  const deadlineOf = ACTION_DEADLINES[action];
  if (deadlineOf === undefined) return;
  if (actor.role === "applicant") GUARDS.own_application(application, actor);
  assertBeforeDeadline(deadlineOf(application, context.calendar), context.now);
}

/** Edits of the form and evidence close with the applicant's desk, whatever the state. */
export function assertEditInTime(application: ApplicationSnapshot, context: LifecycleContext): void {
  assertBeforeDeadline(applicantDesk(application, context.calendar), context.now);
}
