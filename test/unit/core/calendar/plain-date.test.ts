import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isPlainDate, plainDateSchema } from "../../../../functions/core/calendar";

describe("plain dates (birth dates, appointment months, R6.1/R6.2 dates)", () => {
  it.each(["2024-02-29", "2024-12-31", "2024-01-01", "1965-07-15", "2000-02-29"])("%s is a date", (text) => {
    expect(isPlainDate(text)).toBe(true);
    expect(plainDateSchema.safeParse(text).success).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2024-02-30",
    "2024-04-31",
    "2024-13-01",
    "2024-00-10",
    "2024-01-00",
    "2024-01-32",
    "2024-1-01",
    "2024-01-1",
    " 2024-01-01",
    "abcd-ef-gh",
    "2024-01-0a",
    "2024-01-01 ",
    "2024-01-01T00:00",
    "0050-01-01",
    "",
  ])("%j is not a date", (text) => {
    expect(isPlainDate(text)).toBe(false);
    const parsed = plainDateSchema.safeParse(text);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain("YYYY-MM-DD");
  });

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2024-03-01", -1, "2024-02-29"],
    ["1969-12-31", 1, "1970-01-01"],
    ["1970-01-01", -1, "1969-12-31"],
    ["2024-09-30", 0, "2024-09-30"],
    ["2024-09-30", 366, "2025-10-01"],
  ])("addDays(%s, %i) is %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it("addDays refuses a text that is not a date", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(new RangeError("not a YYYY-MM-DD date: 2024-02-30"));
  });

  it("addDays agrees with UTC calendar arithmetic and can be undone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -800, max: 800 }),
        (ms, days) => {
          const date = new Date(ms).toISOString().slice(0, 10);
          const expected = new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(addDays(date, days)).toBe(expected);
          expect(addDays(addDays(date, days), -days)).toBe(date);
        },
      ),
    );
  });
});
