import { describe, expect, it } from "vitest";
import {
  REFORMED_RETIREMENT_TABLE,
  type RetirementRule,
  statutoryRetirementMonth,
} from "../../../../functions/core/eligibility";

const month = (birthDate: string, gender: "male" | "female", postType: "cadre" | "worker") =>
  statutoryRetirementMonth(birthDate, gender, postType, REFORMED_RETIREMENT_TABLE);

describe("R1.5 statutory retirement age under the 2025 gradual reform", () => {
  it.each([
    // men: 60 before 1965, +1 month per 4 birth months, 63 from 1976-09
    ["1964-12-31", "male", "cadre", "2024-12"],
    ["1965-01-01", "male", "cadre", "2025-02"],
    ["1965-04-30", "male", "cadre", "2025-05"],
    ["1965-05-01", "male", "cadre", "2025-07"],
    ["1965-09-15", "male", "worker", "2025-12"],
    ["1976-08-31", "male", "cadre", "2039-07"],
    ["1976-09-01", "male", "cadre", "2039-09"],
    ["1990-06-01", "male", "worker", "2053-06"],
    // women in management and professional technical posts: 55 → 58 from 1970-01, +1 per 4
    ["1969-12-31", "female", "cadre", "2024-12"],
    ["1970-01-01", "female", "cadre", "2025-02"],
    ["1970-05-01", "female", "cadre", "2025-07"],
    ["1981-08-31", "female", "cadre", "2039-07"],
    ["1981-09-01", "female", "cadre", "2039-09"],
    // women in worker posts: 50 → 55 from 1975-01, +1 per 2
    ["1974-12-31", "female", "worker", "2024-12"],
    ["1975-01-01", "female", "worker", "2025-02"],
    ["1975-02-28", "female", "worker", "2025-03"],
    ["1975-03-01", "female", "worker", "2025-05"],
    ["1984-10-31", "female", "worker", "2039-09"],
    ["1984-11-01", "female", "worker", "2039-11"],
  ] as const)("born %s, %s, %s post: reaches the age in %s", (birthDate, gender, postType, expected) => {
    expect(month(birthDate, gender, postType)).toBe(expected);
  });

  it("the table covers every birth date for every gender and post type, with no gaps", () => {
    for (const gender of ["male", "female"] as const) {
      for (const postType of ["cadre", "worker"] as const) {
        for (let year = 1940; year <= 2010; year++) {
          for (const day of ["01-01", "02-28", "05-01", "08-31", "12-31"]) {
            expect(month(`${year}-${day}`, gender, postType)).toBeDefined();
          }
        }
      }
    }
  });

  it("the first matching row wins and rows are keyed by birth-date range", () => {
    const table: RetirementRule[] = [
      { gender: "male", postType: "cadre", bornFrom: "1970-01-01", bornBefore: "1970-02-01", ageMonths: 1 },
      { gender: "male", postType: "cadre", ageMonths: 12 },
      { gender: "male", postType: "cadre", ageMonths: 24 },
    ];
    expect(statutoryRetirementMonth("1969-12-31", "male", "cadre", table)).toBe("1970-12");
    expect(statutoryRetirementMonth("1970-01-01", "male", "cadre", table)).toBe("1970-02");
    expect(statutoryRetirementMonth("1970-01-31", "male", "cadre", table)).toBe("1970-02");
    expect(statutoryRetirementMonth("1970-02-01", "male", "cadre", table)).toBe("1971-02");
  });

  it("a gender or post type without a row has no retirement month", () => {
    const table: RetirementRule[] = [{ gender: "male", postType: "cadre", ageMonths: 720 }];
    expect(statutoryRetirementMonth("1980-01-01", "female", "cadre", table)).toBeUndefined();
    expect(statutoryRetirementMonth("1980-01-01", "male", "worker", table)).toBeUndefined();
  });
});
