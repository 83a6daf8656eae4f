import type { ActorRef, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import type { UnitRecord } from "../../adapters/dynamodb/org-record";
import { assertWindowOpen } from "../../core/calendar";
import { type Action, availableActions, type LifecycleContext } from "../../core/lifecycle";
import type { Role } from "../../core/roles";
import type { Actor } from "../../http/actor";
import { lifecycleContext, type RoundInScope } from "../../http/round-in-scope";
import { requireStaffedUnit } from "./unit-staffing";

/** The actions this API offers reviewers; the rest of the lifecycle belongs to other desks. */
const REVIEW_ACTIONS: readonly Action[] = [
  "return_by_unit",
  "open_publicity",
  "recommend",
  "cancel_by_unit",
  "return_by_department",
  "approve_by_department",
];

/** The caller acting in one role for one organisation: what the audit record names (DESIGN.md §10). */
export function staffRef(actor: Actor, role: Role, orgId: string): ActorRef {
  return { id: actor.account.accountId, role, orgId };
}

/** The lifecycle facts of a unit action: the clock and calendar, and the staffing it needs (R3.2). */
export async function unitActionContext(
  inScope: RoundInScope,
  unit: UnitRecord,
  now: Date,
  reason?: string,
): Promise<LifecycleContext> {
  const context = lifecycleContext(inScope, now, reason);
  // The window before the staffing, in the order of the lifecycle's guards: after the cutoff, the deadline answers.
  assertWindowOpen("unit_review", context.calendar, context.openedPhases, now);
  await requireStaffedUnit(unit.orgId, inScope.scope);
  return { ...context, unitAccountsComplete: true };
}

/** What the caller's roles at this unit, its department or the office may attempt now (guards not run). */
export function reviewActionsFor(actor: Actor, application: ApplicationRecord, unit: UnitRecord): Action[] {
  const roles = actor.roles
    .filter((held) => held.orgId === unit.orgId || held.orgId === unit.departmentId)
    .map((held) => held.role);
  const actions = new Set(roles.flatMap((role) => availableActions(application.state, role)));
  return REVIEW_ACTIONS.filter((action) => actions.has(action));
}
