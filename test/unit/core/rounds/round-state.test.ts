import { describe, expect, it } from "vitest";
import { parseRoundCalendar } from "../../../../functions/core/calendar";
import { roundInForeground, roundState } from "../../../../functions/core/rounds";
import { ROUND_2024_CALENDAR } from "../../../support/round-2024";

describe("R3.4 where a round stands", () => {
  const opening = ROUND_2024_CALENDAR.preparation.from;
  it.each([
    ["before its pre-preparation opens", new Date(opening.getTime() - 1), undefined, "upcoming"],
    ["at the opening of the pre-preparation", opening, undefined, "running"],
    [
      "after the receipt cutoff, on the committee's path",
      new Date("2025-03-01T00:00:00Z"),
      undefined,
      "running",
    ],
    [
      "once the qualification document is recorded",
      new Date("2025-03-01T00:00:00Z"),
      new Date("2025-02-01T00:00:00Z"),
      "finished",
    ],
  ] as const)("%s: %s", (_name, now, recorded, expected) => {
    expect(roundState(ROUND_2024_CALENDAR, now, recorded)).toBe(expected);
  });
});

describe("R3.4 R3.2 the round in the foreground, whose generation holds new role assignments", () => {
  const calendar2025 = parseRoundCalendar({
    preparation: { from: "2025-09-01 00:00", to: "2025-09-10 24:00" },
    application: { from: "2025-09-11 00:00", to: "2025-10-20 24:00" },
    review: { from: "2025-10-21 00:00", to: "2025-11-04 24:00" },
    receiptCutoff: "2025-11-04 24:00",
    achievementCutoff: "2025-09-30",
    seniorityReferenceDate: "2025-12-31",
  });
  const rounds = [
    { roundId: "2024", calendar: ROUND_2024_CALENDAR },
    { roundId: "2025", calendar: calendar2025 },
  ];
  it.each([
    ["before any round begins: the next to begin", "2024-08-01T00:00:00Z", rounds, "2024"],
    ["2025 created ahead while 2024's committee path runs: 2024", "2025-06-01T00:00:00Z", rounds, "2024"],
    [
      "once 2025's rehearsal has begun: 2025, though 2024 runs on",
      "2025-09-01T00:00:00+08:00",
      rounds,
      "2025",
    ],
    [
      "2024 finished, 2025 not begun: 2025, the next to begin",
      "2025-06-01T00:00:00Z",
      [{ ...rounds[0], documentRecordedAt: new Date("2025-01-10T00:00:00Z") }, rounds[1]],
      "2025",
    ],
    [
      "every round finished: the newest",
      "2026-06-01T00:00:00Z",
      rounds.map((round) => ({ ...round, documentRecordedAt: new Date("2026-01-10T00:00:00Z") })),
      "2025",
    ],
  ] as const)("%s", (_name, now, standing, expected) => {
    expect(roundInForeground(standing as Parameters<typeof roundInForeground>[0], new Date(now))).toBe(
      expected,
    );
  });
  it("no round at all: none", () => {
    expect(roundInForeground([], new Date())).toBeUndefined();
  });
});
