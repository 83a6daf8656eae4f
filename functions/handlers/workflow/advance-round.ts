import { MetricUnit } from "@aws-lambda-powertools/metrics";
import { clock } from "../../adapters/clock";
import { roundProgressRepository } from "../../adapters/dynamodb/round-progress-repository";
import { type RoundRecord, roundRepository } from "../../adapters/dynamodb/round-repository";
import { logger } from "../../adapters/logger";
import { METRIC_NAMES, metrics } from "../../adapters/metrics";
import { dueTransitions, nextBoundary, type RoundTransition, storedRoundCalendar } from "../../core/calendar";
import { expireUnsubmitted, receiveMaterials } from "../../services/deadline-sweeps";
import { resetRound } from "../../services/reset";
import { notifyWhatIsDue } from "../../services/review-reminders";
import { publishRoundFigures } from "../../services/round-figures";

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

/** Performs one transition; answers false when a deadline sweep has more to do than one step allows. */
async function perform(roundId: string, transition: RoundTransition, now: Date): Promise<boolean> {
  switch (transition.kind) {
    case "open_phase":
      if (await roundProgressRepository.openPhase(roundId, transition.phase, now)) {
        logger.info("phase opened", { roundId, phase: transition.phase });
      }
      return true;
    case "reset":
      await resetRound(
        roundId,
        { expectedGeneration: transition.fromGeneration, requestedBy: "system", scheduled: true },
        now,
      );
      logger.info("scheduled reset begun", { roundId, fromGeneration: transition.fromGeneration });
      return true;
    case "expire_unsubmitted":
    case "receive_materials": {
      // Re-read: the reset earlier in this tick may have moved the generation.
      const round = await roundRepository.get(roundId);
      if (!round) throw new Error(`round ${roundId} does not exist`);
      const context = {
        now,
        calendar: storedRoundCalendar(round.calendar),
        openedPhases: round.openedPhases,
      };
      const run = transition.kind === "expire_unsubmitted" ? expireUnsubmitted : receiveMaterials;
      const result = await run(round, context);
      logger.info("deadline sweep", { roundId, transition: transition.kind, ...result });
      if (result.remaining) return false;
      await roundProgressRepository.markDone(
        roundId,
        transition.kind === "expire_unsubmitted" ? "unsubmittedExpired" : "materialsReceived",
        now,
      );
      return true;
    }
  }
}

/**
 * Reminders before the review cutoffs and alerts of notices about to end (DESIGN.md §7a), and the round's
 * key figures for the dashboard, after the calendar's own transitions. Their failure is logged (and alarmed on) but never stops the calendar: every
 * step is idempotent, and the next tick tries again.
 */
async function notifyPeople(round: RoundRecord, now: Date): Promise<Date | undefined> {
  try {
    await publishRoundFigures({ roundId: round.roundId, generation: round.generation }, now);
    return await notifyWhatIsDue(round, now);
  } catch (error) {
    logger.error("round notifications failed", { roundId: round.roundId, error: error as Error });
    metrics.addMetric(METRIC_NAMES.roundNotificationsFailed, MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
    return undefined;
  }
}

/** One tick of the round calendar: perform what is due now, in order, then say when to wake. */
export async function advanceRound(roundId: string): Promise<AdvanceResult> {
  const round = await roundRepository.get(roundId);
  if (!round) throw new Error(`round ${roundId} does not exist`);
  const calendar = storedRoundCalendar(round.calendar);
  const now = clock().now();
  const due = dueTransitions(
    calendar,
    { openedPhases: round.openedPhases, generation: round.generation, ...round.progress },
    now,
  );
  const performed: RoundTransition[] = [];
  for (const transition of due) {
    if (!(await perform(roundId, transition, clock().now()))) {
      // A sweep ran out of its step budget: come straight back for the rest.
      return { done: false, wakeAt: now.toISOString(), performed };
    }
    performed.push(transition);
  }
  const next = nextBoundary(calendar, now);
  const nextReminder = await notifyPeople(
    due.length > 0 ? ((await roundRepository.get(roundId)) ?? round) : round,
    now,
  );
  const wakeAt = new Date(
    Math.min(
      next?.getTime() ?? Number.POSITIVE_INFINITY,
      nextReminder?.getTime() ?? Number.POSITIVE_INFINITY,
      now.getTime() + MAX_WAIT_MS,
    ),
  );
  return { done: next === undefined && due.length === 0, wakeAt: wakeAt.toISOString(), performed };
}
