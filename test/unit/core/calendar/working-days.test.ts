import chineseDays from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, isWorkingDay } from "../../../../functions/core/calendar";
import { DomainError } from "../../../../functions/core/errors";

describe("R4.5 working days follow the PRC holiday calendar with its make-up days", () => {
  it.each([
    ["2024-09-13", true, "Friday before Mid-Autumn"],
    ["2024-09-14", true, "Saturday worked for Mid-Autumn (调休)"],
    ["2024-09-15", false, "Mid-Autumn holiday (Sunday)"],
    ["2024-09-16", false, "Mid-Autumn holiday (Monday)"],
    ["2024-09-17", false, "Mid-Autumn Festival (Tuesday)"],
    ["2024-09-18", true, "ordinary Wednesday"],
    ["2024-09-28", false, "ordinary Saturday"],
    ["2024-09-29", true, "Sunday worked for National Day (调休)"],
    ["2024-09-30", true, "ordinary Monday"],
    ["2024-10-01", false, "National Day"],
    ["2024-10-04", false, "National Day week (Friday)"],
    ["2024-10-07", false, "National Day week (Monday)"],
    ["2024-10-08", true, "first day back"],
    ["2024-10-12", true, "Saturday worked for National Day (调休)"],
    ["2024-10-13", false, "ordinary Sunday"],
    ["2025-01-01", false, "New Year's Day 2025"],
    ["2025-01-26", true, "Sunday worked for the Spring Festival 2025"],
    ["2025-02-04", false, "Spring Festival 2025 (Tuesday)"],
  ])("%s working: %s (%s)", (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it("agrees with chinese-days on every day of 2024 and 2025", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), (offset) => {
        const date = addDays("2024-01-01", offset);
        expect(isWorkingDay(date)).toBe(chineseDays.isWorkday(date));
      }),
      { numRuns: 300 },
    );
  });

  // 2033 starts on a Saturday: a weekend 01-01 must not pass for a published New Year's Day.
  it.each(["2099-06-01", "2033-06-01", "2003-06-02"])(
    "refuses to guess for a year whose holidays are not published (%s)",
    (date) => {
      let thrown: unknown;
      try {
        isWorkingDay(date);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).kind).toBe("conflict");
      expect((thrown as DomainError).code).toBe("HOLIDAY_CALENDAR_MISSING");
      expect((thrown as DomainError).details.rule).toBe("R4.5");
      expect((thrown as DomainError).message).toContain(`${date.slice(0, 4)}年的法定节假日安排尚未收录`);
    },
  );

  it("refuses a text that is not a date", () => {
    expect(() => isWorkingDay("2024-02-30")).toThrow(new RangeError("not a YYYY-MM-DD date: 2024-02-30"));
  });

  it("refuses to run west of UTC, where chinese-days shifts its holidays by a day", (context) => {
    const saved = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      // Worker threads (Stryker's runner) cannot change the zone of a running process: nothing to test there.
      if (new Date(2024, 9, 8, 12).getTimezoneOffset() <= 0) context.skip();
      expect(() => isWorkingDay("2024-10-08")).toThrow(/time zone/);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(isWorkingDay("2024-10-08")).toBe(true);
  });
});
