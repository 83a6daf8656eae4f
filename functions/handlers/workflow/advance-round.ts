import { clock } from "../../adapters/clock";
import { roundProgressRepository } from "../../adapters/dynamodb/round-progress-repository";
import { roundRepository } from "../../adapters/dynamodb/round-repository";
import { logger } from "../../adapters/logger";
import { dueTransitions, nextBoundary, parseRoundCalendar, type RoundTransition } from "../../core/calendar";
import { resetRound } from "../../services/reset";

/**
 * Waits are capped so that a calendar changed by the office (an extended deadline, dates announced
 * later) is picked up without restarting the execution. Each loop costs 9 history events (task 5,
 * choice 2, wait 2); with a 6-hour cap a round lasting a whole year wakes at most 1,460 + 7 times,
 * about 13,200 events, well under Step Functions' 25,000-event limit (a 1-hour cap would need 78,900).
 * Deadlines do not depend on it: every write path checks the clock itself (DESIGN.md §4).
 */
export const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

export interface AdvanceResult {
  done: boolean;
  wakeAt: string;
  performed: RoundTransition[];
}

async function perform(roundId: string, transition: RoundTransition, now: Date): Promise<void> {
  switch (transition.kind) {
    case "open_phase":
      if (await roundProgressRepository.openPhase(roundId, transition.phase, now)) {
        logger.info("phase opened", { roundId, phase: transition.phase });
      }
      return;
    case "reset":
      await resetRound(
        roundId,
        { expectedGeneration: transition.fromGeneration, requestedBy: "system", scheduled: true },
        now,
      );
      logger.info("scheduled reset begun", { roundId, fromGeneration: transition.fromGeneration });
      return;
    case "expire_unsubmitted":
    case "receive_materials":
      // These act on applications; they arrive with the applicant API. Until then the run stops
      // loudly (recorded and alerted) rather than skipping a deadline silently.
      throw new Error(`round transition ${transition.kind} is not available in this release`);
  }
}

/** One tick of the round calendar: perform what is due now, in order, then say when to wake. */
export async function advanceRound(roundId: string): Promise<AdvanceResult> {
  const round = await roundRepository.get(roundId);
  if (!round) throw new Error(`round ${roundId} does not exist`);
  const calendar = parseRoundCalendar(round.calendar);
  const now = clock().now();
  const due = dueTransitions(
    calendar,
    { openedPhases: round.openedPhases, generation: round.generation, ...round.progress },
    now,
  );
  for (const transition of due) {
    // The reset changes the generation that later transitions read; re-read between steps.
    await perform(roundId, transition, clock().now());
  }
  const next = nextBoundary(calendar, now);
  const wakeAt = new Date(Math.min(next?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + MAX_WAIT_MS));
  return { done: next === undefined && due.length === 0, wakeAt: wakeAt.toISOString(), performed: due };
}
