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

export interface RoundStanding {
  roundId: string;
  calendar: RoundCalendar;
  documentRecordedAt?: Date | undefined;
}

/**
 * The round whose current generation new role assignments belong to when a request names none: the
 * newest round under way (2025's rehearsal once it has begun, though 2024's committee path runs on);
 * before any has begun, the next to begin; once all have finished, the newest.
 */
export function roundInForeground(rounds: readonly RoundStanding[], now: Date): string | undefined {
  const newestFirst = [...rounds].sort((a, b) => (a.roundId < b.roundId ? 1 : -1));
  const state = (round: RoundStanding) => roundState(round.calendar, now, round.documentRecordedAt);
  const running = newestFirst.find((round) => state(round) === "running");
  if (running) return running.roundId;
  const upcoming = newestFirst
    .filter((round) => state(round) === "upcoming")
    .sort((a, b) => a.calendar.preparation.from.getTime() - b.calendar.preparation.from.getTime());
  return (upcoming[0] ?? newestFirst[0])?.roundId;
}
