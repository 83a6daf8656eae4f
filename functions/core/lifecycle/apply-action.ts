import { assertWindowOpen } from "../calendar";
import { DomainError, ruleViolation } from "../errors";
import { ROLE_LABELS, type Role } from "../roles";
import { ACTION_LABELS, type Action } from "./actions";
import type { Actor, ApplicationSnapshot, LifecycleContext } from "./application";
import { assertActionInTime, assertEditInTime } from "./deadlines";
import { GUARDS } from "./guards";
import { type ApplicationState, isEditable, RECEIVED_STATES, STATE_LABELS } from "./states";
import { type Effect, TRANSITIONS, type Transition } from "./transitions";

function transitionFor(state: ApplicationState, action: Action): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action && transition.from.includes(state));
}

const EFFECTS: Readonly<
  Record<Effect, (next: ApplicationSnapshot, actor: Actor, now: Date) => ApplicationSnapshot>
> = {
  open_unit_publicity: (next, actor, now) => ({
    ...next,
    unitPublicity: { openedBy: actor.id, startedAt: now },
  }),
  count_department_return: (next) => ({ ...next, departmentReturns: next.departmentReturns + 1 }),
  start_result_notice: (next, _actor, now) => ({ ...next, resultNoticeStartedAt: now }),
};

/**
 * The application after `actor` performs `action`, or the error that says why not: 422 naming R3 once
 * the action's deadline has passed, whatever the state; then 409 when the state has no such action,
 * 403 when the role may not do it, 422 naming the rule a guard enforces.
 */
export function applyAction(
  application: ApplicationSnapshot,
  action: Action,
  actor: Actor,
  context: LifecycleContext,
): ApplicationSnapshot {
  assertActionInTime(application, action, actor, context);
  const transition = transitionFor(application.state, action);
  if (transition === undefined) {
    throw new DomainError(
      "INVALID_TRANSITION",
      `申报当前状态为“${STATE_LABELS[application.state]}”，不能${ACTION_LABELS[action]}`,
    );
  }
  if (!transition.roles.includes(actor.role)) {
    throw new DomainError("ROLE_NOT_ALLOWED", `${ROLE_LABELS[actor.role]}不能${ACTION_LABELS[action]}`);
  }
  if (actor.role !== "applicant" && actor.id === application.applicantId) {
    throw ruleViolation("R8.2", "CONFLICT_OF_INTEREST", "不能审核或处理本人的申报，请回避并交由他人办理");
  }
  for (const guard of transition.guards) GUARDS[guard](application, actor, context);
  const next = { ...application, state: transition.to };
  return transition.effect === undefined ? next : EFFECTS[transition.effect](next, actor, context.now);
}

/** The actions a role may attempt in a state (guards not evaluated), for menus and buttons. */
export function availableActions(state: ApplicationState, role: Role): Action[] {
  return TRANSITIONS.filter(
    (transition) => transition.from.includes(state) && transition.roles.includes(role),
  ).map((transition) => transition.action);
}

/**
 * May the applicant change the form or the evidence now? Only their own application, before its
 * deadline whatever its state (a draft while applications are open, one submitted before until the
 * review cutoff, so nothing once the committee has it, R7.3), on their desk (`isEditable`), inside the
 * window.
 */
export function assertEditable(
  application: ApplicationSnapshot,
  actor: Actor,
  context: LifecycleContext,
): void {
  GUARDS.own_application(application, actor);
  assertEditInTime(application, context);
  // Only a clock before the cutoff meets a received record here (a record placed by hand, a clock set back).
  if (RECEIVED_STATES.includes(application.state)) {
    throw ruleViolation("R7.3", "MATERIALS_LOCKED", "申报材料已报送评委会，不能再修改或补充");
  }
  if (!isEditable(application.state)) {
    throw new DomainError(
      "NOT_EDITABLE",
      `申报当前状态为“${STATE_LABELS[application.state]}”，不能修改；如需修改，请联系所在单位退回`,
    );
  }
  const activity = application.state === "draft" ? "edit_draft" : "resubmission";
  assertWindowOpen(activity, context.calendar, context.openedPhases, context.now);
}
