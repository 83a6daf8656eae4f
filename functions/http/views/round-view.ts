import type { RoundRecord } from "../../adapters/dynamodb/round-repository";
import { formatShanghai, openPhaseAt, storedRoundCalendar } from "../../core/calendar";
import { ELIGIBILITY_RULE_SETS } from "../../core/eligibility";
import { ROUND_STATE_LABELS, roundState } from "../../core/rounds";

function calendarView(round: RoundRecord) {
  const calendar = storedRoundCalendar(round.calendar);
  const iso = (instant: Date) => instant.toISOString();
  const span = (interval: { from: Date; to: Date }) => ({ from: iso(interval.from), to: iso(interval.to) });
  // What people read is labelled as Beijing time; machines read the ISO instants of `calendar`.
  const text = (interval: { from: Date; to: Date }) =>
    `${formatShanghai(interval.from)} 至 ${formatShanghai(interval.to)}（不含，北京时间）`;
  const at = (instant: Date) => `${formatShanghai(instant)}（北京时间）`;
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
      notices: calendar.notices,
    },
    calendarText: {
      preparation: text(calendar.preparation),
      application: text(calendar.application),
      review: text(calendar.review),
      receiptCutoff: at(calendar.receiptCutoff),
      ...(calendar.defenseAt ? { defenseAt: at(calendar.defenseAt) } : {}),
      ...(calendar.committeeMeetingAt ? { committeeMeetingAt: at(calendar.committeeMeetingAt) } : {}),
    },
    eligibilityRuleSet: {
      id: round.eligibilityRuleSet,
      label: ELIGIBILITY_RULE_SETS[round.eligibilityRuleSet].label,
    },
    parsed: calendar,
  };
}

// Every change to a round (calendar, opened phases, generation) moves its version, so a view built
// for one version stays right until the next; only the open phase depends on the clock. Rounds are a
// handful a decade, and the cache is dropped whole if it ever grows past that.
const views = new Map<string, ReturnType<typeof calendarView>>();

/** The public face of a round: instants in UTC for machines, Beijing wall time for people (R3.1). */
export function roundView(round: RoundRecord, now: Date) {
  const key = `${round.roundId}@${round.version}`;
  let view = views.get(key);
  if (!view) {
    if (views.size >= 32) views.clear();
    view = calendarView(round);
    views.set(key, view);
  }
  const { parsed, ...shown } = view;
  const state = roundState(
    parsed,
    now,
    round.documentRecordedAt === undefined ? undefined : new Date(round.documentRecordedAt),
  );
  return {
    ...shown,
    state,
    stateText: ROUND_STATE_LABELS[state],
    openPhase: openPhaseAt(parsed, round.openedPhases, now) ?? null,
    // Until the scheduled reset, whatever is written in the round is rehearsal data (R3.5).
    testData: state === "running" && !round.progress.preparationResetDone,
  };
}
