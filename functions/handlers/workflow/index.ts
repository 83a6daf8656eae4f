import { z } from "zod";
import { clock } from "../../adapters/clock";
import { auditRepository } from "../../adapters/dynamodb/audit-repository";
import { roundProgressRepository } from "../../adapters/dynamodb/round-progress-repository";
import { roundRepository } from "../../adapters/dynamodb/round-repository";
import { logger } from "../../adapters/logger";
import { dueTransitions, nextBoundary, parseRoundCalendar, type RoundTransition } from "../../core/calendar";

/** Waits are capped so that a calendar changed by the office is picked up within the hour. */
const MAX_WAIT_MS = 60 * 60 * 1000;

const taskInput = z.discriminatedUnion("task", [
  z.object({ task: z.literal("advanceRound"), roundId: z.string() }),
  z.object({
    task: z.literal("recordFailure"),
    workflow: z.string(),
    roundId: z.string(),
    error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough(),
  }),
]);

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
    default:
      // Reset, expiry of unsubmitted drafts and receipt at the cutoff act on applications and
      // evidence; until the workflow issue lands they stop the run loudly rather than pass silently.
      throw new Error(`round transition ${transition.kind} is not available in this release`);
  }
}

async function advanceRound(roundId: string): Promise<AdvanceResult> {
  const now = clock().now();
  const round = await roundRepository.get(roundId);
  if (!round) throw new Error(`round ${roundId} does not exist`);
  const calendar = parseRoundCalendar(round.calendar);
  const due = dueTransitions(
    calendar,
    {
      openedPhases: round.openedPhases,
      generation: round.generation,
      preparationResetDone: round.generation > 1,
      unsubmittedExpired: false,
      materialsReceived: false,
    },
    now,
  );
  for (const transition of due) await perform(roundId, transition, now);
  const next = nextBoundary(calendar, now);
  const wakeAt = new Date(Math.min(next?.getTime() ?? Number.POSITIVE_INFINITY, now.getTime() + MAX_WAIT_MS));
  return { done: next === undefined && due.length === 0, wakeAt: wakeAt.toISOString(), performed: due };
}

/** The tasks of the round calendar and reset state machines (statemachines/*.asl.json). */
export async function handler(event: unknown): Promise<unknown> {
  const input = taskInput.parse(event);
  switch (input.task) {
    case "advanceRound":
      return advanceRound(input.roundId);
    case "recordFailure":
      logger.error("workflow failed", {
        workflow: input.workflow,
        roundId: input.roundId,
        error: input.error,
      });
      await auditRepository.record({
        entity: `ROUND#${input.roundId}`,
        action: "workflow_failed",
        actor: "system",
        at: clock().now(),
        detail: { workflow: input.workflow, error: input.error.Error ?? "", cause: input.error.Cause ?? "" },
      });
      return { recorded: true };
  }
}
