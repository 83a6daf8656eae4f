import { updateRoundCalendar } from "../../adapters/dynamodb/round-repository";
import { parseRoundCalendar } from "../../core/calendar";
import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import { getRoundAdmin, scheduleMeetings } from "../../http/routes/rounds";
import { roundView } from "../../http/views/round-view";

export const roundAdminRoutes: BoundRoute[] = [
  route(getRoundAdmin, async ({ params, now }) => {
    const round = await requireRound(params.roundId);
    return {
      ...roundView(round, now),
      generation: round.generation,
      openedPhases: round.openedPhases,
      version: round.version,
    };
  }),
  route(scheduleMeetings, async ({ params, body, actor, now }) => {
    const round = await requireRound(params.roundId);
    const calendar = {
      ...round.calendar,
      ...(body.defenseAt ? { defenseAt: body.defenseAt } : {}),
      ...(body.committeeMeetingAt ? { committeeMeetingAt: body.committeeMeetingAt } : {}),
    };
    // Validates the order of dates (no meeting before the receipt cutoff) before anything is written.
    parseRoundCalendar(calendar);
    const version = await updateRoundCalendar(round.roundId, calendar, body.expectedVersion, {
      actor: actor.account.accountId,
      action: "schedule_meetings",
      at: now,
      detail: { before: round.calendar, after: calendar },
    });
    const view = roundView({ ...round, calendar, version }, now);
    return { roundId: round.roundId, version, calendarText: view.calendarText };
  }),
];
