import type { Phase, RoundCalendar } from "./round-calendar";

/** What the round workflow has already done; the workflow records each transition once performed. */
export interface RoundProgress {
  openedPhases: readonly Phase[];
  /** DESIGN §8: preparation writes generation 1; the reset moves to the next one. */
  generation: number;
  /** The scheduled reset at the end of the preparation (admin-triggered resets do not count). */
  preparationResetDone: boolean;
  /** Drafts never submitted were expired when the application window closed. */
  unsubmittedExpired: boolean;
  /** The receipt cutoff was processed: approved applications received, the rest expired. */
  materialsReceived: boolean;
}

export type RoundTransition =
  | { kind: "open_phase"; phase: Phase }
  /** A conditional move from `fromGeneration`: a retried reset finds the generation moved and stops. */
  | { kind: "reset"; fromGeneration: number; toGeneration: number }
  | { kind: "expire_unsubmitted" }
  | { kind: "receive_materials" };

/**
 * How long after a deadline its sweep waits: API Gateway's integration timeout, the longest a request
 * that arrived in time can still be running (every HTTP function's timeout is below it). Nothing depends
 * on the sweep to be refused after the deadline — every write path checks the clock itself (DESIGN §4) —
 * but a sweep at the deadline's instant would expire a draft under a submission that came in time and
 * is still being written, and that person would be told someone changed their record.
 */
export const IN_FLIGHT_GRACE_MS = 30_000;

const afterGrace = (deadline: Date): Date => new Date(deadline.getTime() + IN_FLIGHT_GRACE_MS);

/**
 * What the workflow must do now, in the order it must do it (the reset before the application opens).
 * The answer depends only on the calendar, the recorded progress and the clock, so a retried or late
 * workflow run gets the same list minus what it has recorded. A phase whose end has passed is not
 * opened any more: its deadline is the clock's (R3.1). The sweeps come `IN_FLIGHT_GRACE_MS` after their
 * deadlines.
 */
export function dueTransitions(
  calendar: RoundCalendar,
  progress: RoundProgress,
  now: Date,
): RoundTransition[] {
  const due: RoundTransition[] = [];
  const openIfDue = (phase: Phase): void => {
    const { from, to } = calendar[phase];
    if (from <= now && now < to && !progress.openedPhases.includes(phase)) {
      due.push({ kind: "open_phase", phase });
    }
  };
  openIfDue("preparation");
  if (now >= calendar.preparation.to && !progress.preparationResetDone) {
    due.push({ kind: "reset", fromGeneration: progress.generation, toGeneration: progress.generation + 1 });
  }
  openIfDue("application");
  openIfDue("review");
  if (now >= afterGrace(calendar.application.to) && !progress.unsubmittedExpired) {
    due.push({ kind: "expire_unsubmitted" });
  }
  if (now >= afterGrace(calendar.receiptCutoff) && !progress.materialsReceived) {
    due.push({ kind: "receive_materials" });
  }
  return due;
}

/** The next instant after `now` at which `dueTransitions` may change, for the workflow to wait until. */
export function nextBoundary(calendar: RoundCalendar, now: Date): Date | undefined {
  const boundaries = [
    calendar.preparation.from,
    calendar.preparation.to,
    calendar.application.from,
    calendar.application.to,
    calendar.review.from,
    calendar.review.to,
    calendar.receiptCutoff,
    afterGrace(calendar.application.to),
    afterGrace(calendar.receiptCutoff),
  ];
  const upcoming = boundaries.filter((at) => at > now).map((at) => at.getTime());
  return upcoming.length === 0 ? undefined : new Date(Math.min(...upcoming));
}
