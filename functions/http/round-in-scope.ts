import type { GenerationScope } from "../adapters/dynamodb/keys";
import type { RoundRecord } from "../adapters/dynamodb/round-repository";
import { type RoundCalendar, storedRoundCalendar } from "../core/calendar";
import type { LifecycleContext } from "../core/lifecycle";
import { requireRound } from "./current-round";

/** The round a request acts in, read now: its current generation is the only one visible (DESIGN.md §8). */
export interface RoundInScope {
  round: RoundRecord;
  scope: GenerationScope;
  calendar: RoundCalendar;
}

export async function roundInScope(roundId: string): Promise<RoundInScope> {
  const round = await requireRound(roundId);
  return {
    round,
    scope: { roundId: round.roundId, generation: round.generation },
    calendar: storedRoundCalendar(round.calendar),
  };
}

export function lifecycleContext(inScope: RoundInScope, now: Date, reason?: string): LifecycleContext {
  return {
    now,
    calendar: inScope.calendar,
    openedPhases: inScope.round.openedPhases,
    ...(reason ? { reason } : {}),
  };
}

/**
 * Until the scheduled reset at the end of the pre-preparation, whatever is written in the round is a
 * rehearsal (R3.5), admin resets in between included: it is stamped as test data when written.
 */
export function isRehearsal(inScope: RoundInScope): boolean {
  return !inScope.round.progress.preparationResetDone;
}
