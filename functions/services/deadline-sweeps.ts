import { applicationRepository } from "../adapters/dynamodb/application-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { DomainError } from "../core/errors";
import type { Action, ApplicationState, LifecycleContext } from "../core/lifecycle";

/** Transitions per workflow step; the calendar comes straight back for the rest (no Lambda timeout). */
const STEP_BUDGET = 1000;

const SYSTEM = { id: "system", role: "system" as const };

/** Still under review when the committee stops receiving (DESIGN.md §5): not approved in time. */
const UNAPPROVED_AT_CUTOFF: readonly ApplicationState[] = [
  "submitted",
  "returned_by_unit",
  "unit_publicity",
  "recommended",
  "returned_by_department",
];

export interface SweepResult {
  moved: number;
  /** True when the budget ran out before a pass found nothing left. */
  remaining: boolean;
}

/**
 * Applies one system action to every application of the generation in the given states, through the
 * lifecycle table (so its guards check the deadline) and with optimistic locking. An application
 * that changed meanwhile (the index is eventually consistent, or its owner acted at the last
 * instant) is skipped and looked at again on the next pass.
 */
async function sweep(
  scope: GenerationScope,
  states: readonly ApplicationState[],
  action: Action,
  context: LifecycleContext,
): Promise<SweepResult> {
  let moved = 0;
  for (const state of states) {
    for (;;) {
      const page = await applicationRepository.listByState(scope, state);
      if (page.items.length === 0) break;
      let progressed = false;
      for (const application of page.items) {
        if (moved >= STEP_BUDGET) return { moved, remaining: true };
        try {
          await applicationRepository.transition({ application, action, actor: SYSTEM, context });
          moved += 1;
          progressed = true;
        } catch (error) {
          if (!(error instanceof DomainError && error.kind === "conflict")) throw error;
        }
      }
      // Only stale index entries left: they vanish as the index catches up; try again next step.
      if (!progressed) return { moved, remaining: true };
    }
  }
  return { moved, remaining: false };
}

/** At the application deadline (R3): drafts never submitted become `expired`, read-only. */
export function expireUnsubmitted(scope: GenerationScope, context: LifecycleContext): Promise<SweepResult> {
  return sweep(scope, ["draft"], "expire", context);
}

/**
 * At the committee's receipt cutoff (R3, R7.3): department-approved applications are `received`, from
 * then on locked; everything still under review is `expired`. Receipt first, so that nothing approved
 * in time can be expired.
 */
export async function receiveMaterials(
  scope: GenerationScope,
  context: LifecycleContext,
): Promise<SweepResult> {
  const received = await sweep(scope, ["department_approved"], "receive", context);
  if (received.remaining) return received;
  const expired = await sweep(scope, UNAPPROVED_AT_CUTOFF, "expire", context);
  return { moved: received.moved + expired.moved, remaining: expired.remaining };
}
