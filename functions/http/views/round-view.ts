import type { RoundRecord } from "../../adapters/dynamodb/round-repository";
import { formatShanghai, openPhaseAt, parseRoundCalendar } from "../../core/calendar";

/** The public face of a round: instants in UTC for machines, Beijing wall time for people (R3.1). */
export function roundView(round: RoundRecord, now: Date) {
  const calendar = parseRoundCalendar(round.calendar);
  const iso = (instant: Date) => instant.toISOString();
  const span = (interval: { from: Date; to: Date }) => ({ from: iso(interval.from), to: iso(interval.to) });
  const text = (interval: { from: Date; to: Date }) =>
    `${formatShanghai(interval.from)} 至 ${formatShanghai(interval.to)}（不含）`;
  return {
    roundId: round.roundId,
    title: round.title,
    calendar: {
      preparation: span(calendar.preparation),
      application: span(calendar.application),
      review: span(calendar.review),
      receiptCutoff: iso(calendar.receiptCutoff),
      ...(calendar.defenseAt ? { defenseAt: iso(calendar.defenseAt) } : {}),
      ...(calendar.committeeMeetingAt ? { committeeMeetingAt: iso(calendar.committeeMeetingAt) } : {}),
      achievementCutoff: calendar.achievementCutoff,
      seniorityReferenceDate: calendar.seniorityReferenceDate,
    },
    calendarText: {
      preparation: text(calendar.preparation),
      application: text(calendar.application),
      review: text(calendar.review),
      receiptCutoff: formatShanghai(calendar.receiptCutoff),
      ...(calendar.defenseAt ? { defenseAt: formatShanghai(calendar.defenseAt) } : {}),
      ...(calendar.committeeMeetingAt
        ? { committeeMeetingAt: formatShanghai(calendar.committeeMeetingAt) }
        : {}),
    },
    openPhase: openPhaseAt(calendar, round.openedPhases, now) ?? null,
  };
}
