import { isDeepStrictEqual } from "node:util";
import { NO_PROGRESS, type RoundRecord, roundRepository } from "../adapters/dynamodb/round-repository";
import { workflowExecutions } from "../adapters/workflow/executions";
import { DomainError } from "../core/errors";
import type { RoundDefinition } from "../core/rounds";

function sameDefinition(round: RoundRecord, definition: RoundDefinition): boolean {
  return (
    round.title === definition.title &&
    round.eligibilityRuleSet === definition.eligibilityRuleSet &&
    isDeepStrictEqual(round.calendar, definition.calendar) &&
    isDeepStrictEqual(round.reminders, definition.reminders)
  );
}

/**
 * Creates a round (R3.4) in one transaction with its audit record, then starts its calendar workflow,
 * whose execution is named after the round: however often the start is repeated, one runs. A request
 * repeated with the same definition (a retry after a lost answer) gets the round back and makes sure the
 * workflow runs; a different round under a taken id is a conflict and changes nothing.
 */
export async function openRound(
  definition: RoundDefinition,
  openedBy: string,
  now: Date,
): Promise<{ round: RoundRecord; created: boolean }> {
  const fresh: RoundRecord = {
    ...definition,
    generation: 1,
    openedPhases: [],
    progress: NO_PROGRESS,
    calendarAttempt: 0,
    version: 1,
    createdAt: now.toISOString(),
  };
  const created = await roundRepository.create(fresh, {
    actor: openedBy,
    action: "create_round",
    at: now,
    detail: {
      title: definition.title,
      calendar: definition.calendar,
      eligibilityRuleSet: definition.eligibilityRuleSet,
      ...(definition.reminders ? { reminders: definition.reminders } : {}),
    },
  });
  const round = created ? fresh : await roundRepository.get(definition.roundId);
  if (!round || (!created && !sameDefinition(round, definition))) {
    throw new DomainError(
      "ROUND_EXISTS",
      `轮次编号“${definition.roundId}”已被使用，请换一个编号；如需调整该轮次的日程，请使用日程调整功能。`,
      { fields: [{ path: "body.roundId", message: "该轮次编号已存在" }] },
    );
  }
  await workflowExecutions().startCalendar(round.roundId, round.calendarAttempt);
  return { round, created };
}
