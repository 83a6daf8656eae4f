import { PHASES, type Phase, type RoundCalendar } from "./round-calendar";

/**
 * A phase is open when the workflow has opened it (an event: the application must wait for the reset,
 * DESIGN §8) and the clock is inside its interval. Closing is the clock's alone, so a late or stuck
 * workflow can never keep a deadline open; nor can an early one open a phase before its time.
 */
export function isPhaseOpen(
  calendar: RoundCalendar,
  opened: readonly Phase[],
  phase: Phase,
  now: Date,
): boolean {
  const { from, to } = calendar[phase];
  return opened.includes(phase) && from <= now && now < to;
}

/** The open phase at `now`, if any (phases never overlap: the calendar schema orders them). */
export function openPhaseAt(calendar: RoundCalendar, opened: readonly Phase[], now: Date): Phase | undefined {
  return PHASES.find((phase) => isPhaseOpen(calendar, opened, phase, now));
}
