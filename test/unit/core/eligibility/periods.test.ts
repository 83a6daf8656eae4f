import { describe, expect, it } from "vitest";
import {
  addMonths,
  addYears,
  isPlainMonth,
  monthsServed,
} from "../../../../functions/core/eligibility/periods";

describe("R6.2 months served, counted from the start month to the reference month, both included", () => {
  it.each([
    ["2020-01", "2024-12", 60],
    ["2019-12", "2024-12", 61],
    ["2020-02", "2024-12", 59],
    ["2024-12", "2024-12", 1],
    ["2025-01", "2024-12", 0],
    ["2026-06", "2024-12", 0],
  ])("from %s through %s is %i months", (from, through, months) => {
    expect(monthsServed(from, through)).toBe(months);
  });

  it("refuses a malformed month", () => {
    expect(() => monthsServed("2024-13", "2024-12")).toThrow(new RangeError("not a YYYY-MM month: 2024-13"));
    expect(() => monthsServed("2024-1", "2024-12")).toThrow(RangeError);
  });
});

describe("month and year arithmetic", () => {
  it.each([
    ["2024-12", 1, "2025-01"],
    ["2024-01", -1, "2023-12"],
    ["1965-01", 721, "2025-02"],
    ["2024-06", 0, "2024-06"],
  ])("%s + %i months is %s", (month, months, expected) => {
    expect(addMonths(month, months)).toBe(expected);
  });

  it.each([
    ["2022-03-01", 3, "2025-03-01"],
    ["2024-02-29", 3, "2027-03-01"],
    ["2024-02-29", 4, "2028-02-29"],
    ["2023-12-31", 1, "2024-12-31"],
  ])("%s + %i years is %s", (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ["2024-01", true],
    ["2024-12", true],
    ["2024-00", false],
    ["2024-13", false],
    ["2024-1", false],
    ["2024-01-01", false],
    ["x2024-01", false],
  ])("isPlainMonth(%s) is %s", (text, expected) => {
    expect(isPlainMonth(text)).toBe(expected);
  });
});
