import type { PlainDate } from "../calendar/plain-date";
import type { Gender } from "../identity";
import type { RetirementRule } from "./config";
import { addMonths, monthOf, type PlainMonth } from "./periods";
import type { RetirementPostType } from "./vocabulary";

/**
 * The month in which a person reaches the statutory retirement age, or undefined when the table has no
 * row for them. The month is what matters: R1.5 refuses anyone who reaches it in the round's year.
 */
export function statutoryRetirementMonth(
  birthDate: PlainDate,
  gender: Gender,
  postType: RetirementPostType,
  table: readonly RetirementRule[],
): PlainMonth | undefined {
  const rule = table.find(
    (row) =>
      row.gender === gender &&
      row.postType === postType &&
      (row.bornFrom === undefined || birthDate >= row.bornFrom) &&
      (row.bornBefore === undefined || birthDate < row.bornBefore),
  );
  return rule && addMonths(monthOf(birthDate), rule.ageMonths);
}

interface GradualRise {
  gender: Gender;
  postType: RetirementPostType;
  originalAgeYears: number;
  /** First birth month whose retirement is delayed (by one month). */
  firstDelayedBirthMonth: PlainMonth;
  /** Birth months per one-month step. */
  birthMonthsPerStep: number;
  /** Months of delay at the end of the transition. */
  totalDelayMonths: number;
}

/**
 * The rows for one group under the NPC Standing Committee decision of 2024-09-13 (in force 2025-01-01):
 * the original age before the transition, one row per band of birth months, and the final age after it.
 */
function gradualRiseRows(rise: GradualRise): RetirementRule[] {
  const { gender, postType, originalAgeYears, firstDelayedBirthMonth, birthMonthsPerStep, totalDelayMonths } =
    rise;
  const originalMonths = originalAgeYears * 12;
  const bandStart = (step: number): PlainDate =>
    `${addMonths(firstDelayedBirthMonth, (step - 1) * birthMonthsPerStep)}-01`;
  const rows: RetirementRule[] = [{ gender, postType, bornBefore: bandStart(1), ageMonths: originalMonths }];
  for (let step = 1; step < totalDelayMonths; step++) {
    rows.push({
      gender,
      postType,
      bornFrom: bandStart(step),
      bornBefore: bandStart(step + 1),
      ageMonths: originalMonths + step,
    });
  }
  rows.push({
    gender,
    postType,
    bornFrom: bandStart(totalDelayMonths),
    ageMonths: originalMonths + totalDelayMonths,
  });
  return rows;
}

/**
 * Men 60 → 63 (born from 1965-01, one month per 4 birth months); women in management and professional
 * technical posts 55 → 58 (from 1970-01, one per 4); women in worker posts 50 → 55 (from 1975-01, one per 2).
 */
export const REFORMED_RETIREMENT_TABLE: readonly RetirementRule[] = [
  ...gradualRiseRows({
    gender: "male",
    postType: "cadre",
    originalAgeYears: 60,
    firstDelayedBirthMonth: "1965-01",
    birthMonthsPerStep: 4,
    totalDelayMonths: 36,
  }),
  ...gradualRiseRows({
    gender: "male",
    postType: "worker",
    originalAgeYears: 60,
    firstDelayedBirthMonth: "1965-01",
    birthMonthsPerStep: 4,
    totalDelayMonths: 36,
  }),
  ...gradualRiseRows({
    gender: "female",
    postType: "cadre",
    originalAgeYears: 55,
    firstDelayedBirthMonth: "1970-01",
    birthMonthsPerStep: 4,
    totalDelayMonths: 36,
  }),
  ...gradualRiseRows({
    gender: "female",
    postType: "worker",
    originalAgeYears: 50,
    firstDelayedBirthMonth: "1975-01",
    birthMonthsPerStep: 2,
    totalDelayMonths: 60,
  }),
];
