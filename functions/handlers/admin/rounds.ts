import {
  type RoundRecord,
  staleVersion,
  updateRoundCalendar,
} from "../../adapters/dynamodb/round-repository";
import { parseBoundary } from "../../core/calendar";
import { REMINDER_DEFAULTS } from "../../core/notifications";
import { amendCalendar, type CalendarChanges, defineRound } from "../../core/rounds";
import type { Actor } from "../../http/actor";
import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  amendRoundCalendar,
  createRound,
  getRoundAdmin,
  resumeRoundCalendar,
  scheduleMeetings,
} from "../../http/routes/rounds";
import { roundView } from "../../http/views/round-view";
import { calendarWorkflowOf, resumeCalendar } from "../../services/calendar-resumption";
import { openRound } from "../../services/round-opening";

function adminView(round: RoundRecord, now: Date) {
  return {
    ...roundView(round, now),
    generation: round.generation,
    openedPhases: round.openedPhases,
    version: round.version,
    reminders: round.reminders ?? REMINDER_DEFAULTS,
  };
}

/**
 * One path for every calendar change (R3.4): the amendment decides what may move, then one transaction
 * writes the calendar and its audit record (before, after, reason) under the version the editor read.
 */
async function amendRound(
  roundId: string,
  input: {
    expectedVersion: number;
    changes: CalendarChanges;
    reason?: string;
    action: string;
    /** Where the changes sit in the request body, for the field paths of a refusal. */
    at: string;
  },
  actor: Actor,
  now: Date,
) {
  const round = await requireRound(roundId);
  // What is wrong with the request is said before that someone else changed the round.
  const amendment = amendCalendar(round.calendar, input.changes, now, input.at);
  if (input.expectedVersion !== round.version) throw staleVersion();
  const version = await updateRoundCalendar(round.roundId, amendment.calendar, input.expectedVersion, {
    actor: actor.account.accountId,
    action: input.action,
    at: now,
    detail: {
      before: round.calendar,
      after: amendment.calendar,
      moved: amendment.moved,
      terms: amendment.terms,
      ...(input.reason ? { reason: input.reason } : {}),
    },
  });
  return { round: { ...round, calendar: amendment.calendar, version }, moved: amendment.moved };
}

export const roundAdminRoutes: BoundRoute[] = [
  route(getRoundAdmin, async ({ params, now }) => {
    const round = await requireRound(params.roundId);
    return { ...adminView(round, now), calendarWorkflow: await calendarWorkflowOf(round) };
  }),

  route(resumeRoundCalendar, async ({ params, body, actor, now }) =>
    resumeCalendar(await requireRound(params.roundId), body.failedExecution, actor.account.accountId, now),
  ),

  route(createRound, async ({ body, actor, now }) => {
    const { round } = await openRound(defineRound(body, now), actor.account.accountId, now);
    return adminView(round, now);
  }),

  route(amendRoundCalendar, async ({ params, body, actor, now }) => {
    const { round, moved } = await amendRound(
      params.roundId,
      {
        expectedVersion: body.expectedVersion,
        changes: body.calendar,
        reason: body.reason,
        action: "amend_calendar",
        at: "body.calendar.",
      },
      actor,
      now,
    );
    // The office's wall time as stored, and the instant it names for machines (one way for time).
    const instant = (text: string) => parseBoundary(text)?.toISOString() ?? null;
    return {
      ...adminView(round, now),
      moved: moved.map((entry) => ({
        ...entry,
        beforeAt: entry.before === null ? null : instant(entry.before),
        afterAt: instant(entry.after) ?? "",
      })),
    };
  }),

  route(scheduleMeetings, async ({ params, body, actor, now }) => {
    const { round } = await amendRound(
      params.roundId,
      {
        expectedVersion: body.expectedVersion,
        changes: {
          ...(body.defenseAt ? { defenseAt: body.defenseAt } : {}),
          ...(body.committeeMeetingAt ? { committeeMeetingAt: body.committeeMeetingAt } : {}),
        },
        action: "schedule_meetings",
        at: "body.",
      },
      actor,
      now,
    );
    return {
      roundId: round.roundId,
      version: round.version,
      calendarText: roundView(round, now).calendarText,
    };
  }),
];
