import type { RoundCalendar } from "../calendar";

/** Where a round stands (R3.4: several rounds live side by side). */
export type RoundState = "upcoming" | "running" | "finished";

export const ROUND_STATES = ["upcoming", "running", "finished"] as const;

export const ROUND_STATE_LABELS: Readonly<Record<RoundState, string>> = {
  upcoming: "未开始",
  running: "进行中",
  finished: "已结束",
};

/**
 * Upcoming before its pre-preparation opens; running from then on, through the committee's path after
 * the receipt cutoff; finished once the title office has recorded the round's qualification document
 * (R4.6), the last decision of a round.
 */
export function roundState(calendar: RoundCalendar, now: Date, documentRecordedAt?: Date): RoundState {
  if (now < calendar.preparation.from) return "upcoming";
  return documentRecordedAt !== undefined && documentRecordedAt <= now ? "finished" : "running";
}
