import chineseDays from "chinese-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  calendarDaysNoticeEnd,
  isNoticeSatisfied,
  NOTICE_DEFAULTS,
  noticeEnd,
  resultNoticeLength,
  shanghai,
  shanghaiDateOf,
  unitPublicityLength,
  workingDaysNoticeEnd,
} from "../../../../functions/core/calendar";

const ms = (at: Date, delta: number): Date => new Date(at.getTime() + delta);
const DAY = 86_400_000;

describe("R4.5 a notice of N working days", () => {
  it.each([
    // From 00:00 the start day counts: 09-30, 10-08, 10-09, 10-10, 10-11.
    ["2024-09-30", "00:00", "2024-10-11"],
    // Posted mid-day: counting starts 10-01; the week off is skipped and Saturday 10-12 (调休) is the fifth.
    ["2024-09-30", "10:00", "2024-10-12"],
    // Sunday 09-29 is a make-up working day: 09-29, 09-30, 10-08, 10-09, 10-10.
    ["2024-09-29", "00:00", "2024-10-10"],
    // An ordinary Saturday does not count: from 09-28 the first working day is the make-up Sunday.
    ["2024-09-28", "00:00", "2024-10-10"],
    ["2024-10-03", "15:00", "2024-10-12"],
    // Mid-Autumn: posted Friday 09-13 morning, counting from Saturday 09-14 (调休): 14, 18, 19, 20, 23.
    ["2024-09-13", "09:00", "2024-09-23"],
    // An ordinary week: Monday 00:00 to Friday 24:00.
    ["2024-11-11", "00:00", "2024-11-15"],
    ["2024-11-11", "00:01", "2024-11-18"],
  ])("5 working days from %s %s end at %s 24:00", (date, time, lastDay) => {
    expect(workingDaysNoticeEnd(shanghai(date, time), 5)).toEqual(shanghai(lastDay, "24:00"));
  });

  it("the start day does not count if the notice is posted even 1 ms after midnight", () => {
    const midnight = shanghai("2024-09-30", "00:00");
    expect(workingDaysNoticeEnd(ms(midnight, 1), 5)).toEqual(shanghai("2024-10-12", "24:00"));
    expect(workingDaysNoticeEnd(ms(midnight, -1), 5)).toEqual(shanghai("2024-10-11", "24:00"));
  });

  it.each([
    ["2024-10-01", "00:00", 1, "2024-10-08"],
    ["2024-10-08", "00:00", 1, "2024-10-08"],
    ["2024-10-11", "00:00", 2, "2024-10-12"],
  ])("%s %s + %i working day(s) ends at %s 24:00", (date, time, days, lastDay) => {
    expect(workingDaysNoticeEnd(shanghai(date, time), days)).toEqual(shanghai(lastDay, "24:00"));
  });

  it("counts exactly N chinese-days working days, the last of them a working day, ending at Beijing midnight", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 10, 1) }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        (time, days, atMidnight) => {
          const start = atMidnight ? shanghai(shanghaiDateOf(new Date(time)), "00:00") : new Date(time);
          const firstDay = atMidnight ? shanghaiDateOf(start) : addDays(shanghaiDateOf(start), 1);
          const end = workingDaysNoticeEnd(start, days);
          const lastDay = shanghaiDateOf(ms(end, -1));
          expect(end).toEqual(shanghai(lastDay, "24:00"));
          expect(chineseDays.isWorkday(lastDay)).toBe(true);
          expect(chineseDays.getWorkdaysInRange(firstDay, lastDay)).toHaveLength(days);
        },
      ),
    );
  });
});

describe("R4.2 a notice of N calendar days", () => {
  it.each([
    ["2024-10-08", "00:00", 5, "2024-10-12"],
    ["2024-10-08", "00:01", 5, "2024-10-13"],
    ["2024-10-08", "23:59", 5, "2024-10-13"],
    // Holidays count as calendar days and the end is not moved off them.
    ["2024-09-28", "00:00", 5, "2024-10-02"],
    ["2024-10-08", "00:00", 1, "2024-10-08"],
    ["2024-10-08", "12:00", 7, "2024-10-15"],
    ["2024-12-30", "09:00", 5, "2025-01-04"],
  ])("%s %s + %i days ends at %s 24:00", (date, time, days, lastDay) => {
    expect(calendarDaysNoticeEnd(shanghai(date, time), days)).toEqual(shanghai(lastDay, "24:00"));
  });

  it("ends at a Beijing midnight, N whole days after the first counted day, which starts within a day", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: 1, max: 60 }),
        (time, days) => {
          const start = new Date(time);
          const end = calendarDaysNoticeEnd(start, days);
          const firstCounted = end.getTime() - days * DAY;
          expect(shanghai(shanghaiDateOf(end), "00:00")).toEqual(end);
          expect(firstCounted).toBeGreaterThanOrEqual(start.getTime());
          expect(firstCounted).toBeLessThan(start.getTime() + DAY);
        },
      ),
    );
  });
});

describe("notice lengths and satisfaction", () => {
  it.each([0, -1, 2.5, Number.NaN])("refuses a notice of %d days", (days) => {
    const start = shanghai("2024-10-08", "00:00");
    const refusal = new RangeError(`a notice lasts a whole number of days ≥ 1: ${days}`);
    expect(() => calendarDaysNoticeEnd(start, days)).toThrow(refusal);
    expect(() => workingDaysNoticeEnd(start, days)).toThrow(refusal);
  });

  it("noticeEnd counts in the notice's own unit", () => {
    const start = shanghai("2024-09-30", "00:00");
    expect(noticeEnd(start, { days: 5, unit: "working_days" })).toEqual(shanghai("2024-10-11", "24:00"));
    expect(noticeEnd(start, { days: 5, unit: "calendar_days" })).toEqual(shanghai("2024-10-04", "24:00"));
  });

  it("R3.1 a notice is satisfied from its end instant on, not one millisecond earlier", () => {
    const start = shanghai("2024-09-30", "10:00");
    const length = { days: 5, unit: "working_days" } as const;
    const end = shanghai("2024-10-12", "24:00");
    expect(isNoticeSatisfied(start, length, ms(end, -1))).toBe(false);
    expect(isNoticeSatisfied(start, length, end)).toBe(true);
    expect(isNoticeSatisfied(start, length, ms(end, DAY))).toBe(true);
  });

  it("R4.2 R5.3 R4.5 default lengths: 5 days, 7 days when extended, 5 working days for results", () => {
    expect(NOTICE_DEFAULTS).toEqual({
      unitPublicityDays: 5,
      extendedPublicityDays: 7,
      resultNoticeWorkingDays: 5,
    });
    expect(unitPublicityLength(NOTICE_DEFAULTS, false)).toEqual({ days: 5, unit: "calendar_days" });
    expect(unitPublicityLength(NOTICE_DEFAULTS, true)).toEqual({ days: 7, unit: "calendar_days" });
    expect(resultNoticeLength(NOTICE_DEFAULTS)).toEqual({ days: 5, unit: "working_days" });
    const configured = { unitPublicityDays: 6, extendedPublicityDays: 10, resultNoticeWorkingDays: 8 };
    expect(unitPublicityLength(configured, true).days).toBe(10);
    expect(unitPublicityLength(configured, false).days).toBe(6);
    expect(resultNoticeLength(configured).days).toBe(8);
  });
});
