import { APPLICATION_STATES, type ApplicationState } from "../lifecycle";

/** How many applications are in each state; a state left out has none. */
export type StateCounts = Partial<Record<ApplicationState, number>>;

/** A unit has to act on these before the review cutoff: review, publicise, recommend (R4.2). */
export const WAITING_FOR_UNIT: readonly ApplicationState[] = ["submitted", "unit_publicity"];
/** A department has to act on these before the review cutoff (R4.3). */
export const WAITING_FOR_DEPARTMENT: readonly ApplicationState[] = ["recommended"];

/** What one transition changes: one fewer in the state it leaves, one more in the state it enters. */
export function transitionDelta(from: ApplicationState | undefined, to: ApplicationState): StateCounts {
  if (from === to) return {};
  return from === undefined ? { [to]: 1 } : { [from]: -1, [to]: 1 };
}

export function addCounts(...all: StateCounts[]): StateCounts {
  const sum: StateCounts = {};
  for (const counts of all) {
    for (const state of APPLICATION_STATES) {
      const n = counts[state];
      if (n) sum[state] = (sum[state] ?? 0) + n;
    }
  }
  return sum;
}

export function countIn(counts: StateCounts, states: readonly ApplicationState[]): number {
  return states.reduce((sum, state) => sum + (counts[state] ?? 0), 0);
}

/** Counts as people read them: every state that has any, in the lifecycle's order, and the waiting figures. */
export interface ProgressFigures {
  total: number;
  byState: StateCounts;
  waitingForUnit: number;
  waitingForDepartment: number;
}

export function progressFigures(counts: StateCounts): ProgressFigures {
  const byState: StateCounts = {};
  for (const state of APPLICATION_STATES) {
    const n = counts[state] ?? 0;
    if (n !== 0) byState[state] = n;
  }
  return {
    total: countIn(counts, APPLICATION_STATES),
    byState,
    waitingForUnit: countIn(counts, WAITING_FOR_UNIT),
    waitingForDepartment: countIn(counts, WAITING_FOR_DEPARTMENT),
  };
}
