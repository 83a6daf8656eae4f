import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShanghai, shanghai, shanghaiDateOf } from "../../../../functions/core/calendar";

describe("shanghai(): Beijing wall time to instant", () => {
  it.each([
    ["2024-09-01", "00:00", "2024-08-31T16:00:00.000Z"],
    ["2024-09-11", "00:00", "2024-09-10T16:00:00.000Z"],
    ["2024-10-20", "23:59", "2024-10-20T15:59:00.000Z"],
    ["2024-10-20", "08:00", "2024-10-20T00:00:00.000Z"],
    ["2024-10-20", "07:59", "2024-10-19T23:59:00.000Z"],
    ["2024-10-20", "19:30", "2024-10-20T11:30:00.000Z"],
    ["2024-10-20", "20:00", "2024-10-20T12:00:00.000Z"],
  ])("%s %s is %s", (date, time, iso) => {
    expect(shanghai(date, time).toISOString()).toBe(iso);
  });

  it.each([
    ["2024-09-10", "2024-09-10T16:00:00.000Z"],
    ["2024-10-20", "2024-10-20T16:00:00.000Z"],
    ["2024-11-04", "2024-11-04T16:00:00.000Z"],
    ["2024-02-29", "2024-02-29T16:00:00.000Z"],
    ["2024-12-31", "2024-12-31T16:00:00.000Z"],
  ])("R3.1 %s 24:00 is the exclusive end of the day, the next day's 00:00 (%s)", (date, iso) => {
    expect(shanghai(date, "24:00").toISOString()).toBe(iso);
  });

  it("R3.1 '9月10日24时' is the same instant as '9月11日0时'", () => {
    expect(shanghai("2024-09-10", "24:00").getTime()).toBe(shanghai("2024-09-11", "00:00").getTime());
  });

  it.each([
    ["2024-02-30", "00:00"],
    ["2024-9-01", "00:00"],
    ["2024-09-01", "24:01"],
    ["2024-09-01", "25:00"],
    ["2024-09-01", "23:60"],
    ["2024-09-01", "7:00"],
    ["2024-09-01", "07:00:00"],
    ["2024-09-01", " 07:00"],
  ])("refuses %s %s", (date, time) => {
    expect(() => shanghai(date, time)).toThrow(RangeError);
  });

  it("says what is wrong with the date or the time", () => {
    expect(() => shanghai("2024-02-30", "00:00")).toThrow(
      new RangeError("not a YYYY-MM-DD date: 2024-02-30"),
    );
    expect(() => shanghai("2024-02-28", "24:01")).toThrow(
      new RangeError("not an HH:mm time (00:00–24:00): 24:01"),
    );
  });
});

describe("formatShanghai(): instant to Beijing wall time", () => {
  it.each([
    ["2024-10-20T16:00:00.000Z", "2024-10-21 00:00"],
    ["2024-10-20T15:59:59.999Z", "2024-10-20 23:59"],
    ["2024-12-31T16:00:00.000Z", "2025-01-01 00:00"],
    ["2024-03-05T01:07:00.000Z", "2024-03-05 09:07"],
  ])("R3.1 %s is shown as %s (hourCycle h23)", (iso, shown) => {
    expect(formatShanghai(new Date(iso))).toBe(shown);
  });

  it("R3.1 never prints 24:00, and reading what it prints gives the instant back (to the minute)", () => {
    const instant = fc
      .integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2099, 11, 31) })
      .map((ms) => new Date(ms));
    fc.assert(
      fc.property(instant, (at) => {
        const shown = formatShanghai(at);
        expect(shown).toMatch(/^\d{4}-\d{2}-\d{2} (?:[01]\d|2[0-3]):[0-5]\d$/);
        const [date = "", time = ""] = shown.split(" ");
        expect(shanghai(date, time).getTime()).toBe(Math.floor(at.getTime() / 60_000) * 60_000);
        expect(shanghaiDateOf(at)).toBe(date);
      }),
    );
  });
});

describe("shanghaiDateOf()", () => {
  it.each([
    ["2024-09-10T15:59:59.999Z", "2024-09-10"],
    ["2024-09-10T16:00:00.000Z", "2024-09-11"],
    ["2024-09-10T00:00:00.000Z", "2024-09-10"],
  ])("%s falls on %s in Beijing", (iso, date) => {
    expect(shanghaiDateOf(new Date(iso))).toBe(date);
  });
});
