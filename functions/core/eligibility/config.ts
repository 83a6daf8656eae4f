import type { PlainDate } from "../calendar/plain-date";
import type { Gender } from "../identity";
import type {
  ApplicationMethod,
  RetirementPostType,
  SoughtLevel,
  TitleLevel,
  ValidityScope,
} from "./vocabulary";

/**
 * The conditions of one standard (R1.2) for one scope, level and application method. A null minimum is
 * not checked by the system: reviewers judge it (e.g. the seniority of an exceptional promotion).
 */
export interface Requirement {
  scope: ValidityScope;
  level: SoughtLevel;
  method: ApplicationMethod;
  /** The title the applicant must already hold, at least. */
  currentLevel: TitleLevel;
  minYearsInCurrentTitle: number | null;
  minProfessionalYears: number | null;
  /** Papers obtained by the achievement cutoff (R6.1). */
  minPapers: number;
  /** Cumulative grassroots service (R7.6); null where the standard does not ask for it. */
  minGrassrootsServiceMonths: number | null;
}

/**
 * One row of the statutory retirement-age table. Rows are keyed by birth-date ranges so that the 2025
 * gradual reform (one step per band of birth months) is data; the first matching row wins.
 */
export interface RetirementRule {
  gender: Gender;
  postType: RetirementPostType;
  /** Inclusive; absent for "born any time before `bornBefore`". */
  bornFrom?: PlainDate;
  /** Exclusive; absent for "born on or after `bornFrom`". */
  bornBefore?: PlainDate;
  ageMonths: number;
}

export interface EligibilityConfig {
  requirements: readonly Requirement[];
  retirement: readonly RetirementRule[];
  /** R5.5 / R7.3: years a falsifier stays on the blacklist when the entry names no end. */
  blacklistYears: number;
  /** R7.6: hours each year, checked for the years before the round's year. */
  continuingEducation: { minHoursPerYear: number; years: number };
}

export function requirementFor(
  config: EligibilityConfig,
  scope: ValidityScope,
  level: SoughtLevel,
  method: ApplicationMethod,
): Requirement | undefined {
  return config.requirements.find((r) => r.scope === scope && r.level === level && r.method === method);
}
