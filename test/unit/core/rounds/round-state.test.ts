import { describe, expect, it } from "vitest";
import { roundState } from "../../../../functions/core/rounds";
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
