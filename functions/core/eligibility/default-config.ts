import type { EligibilityConfig, Requirement } from "./config";
import { REFORMED_RETIREMENT_TABLE } from "./retirement";
import { SOUGHT_LEVELS, type SoughtLevel, VALIDITY_SCOPES } from "./vocabulary";

const LEVEL_BELOW: Record<SoughtLevel, Requirement["currentLevel"]> = {
  associate_senior: "intermediate",
  senior: "associate_senior",
};

/**
 * Defaults until the office loads the rule sets of standards 307 and 308: the common national pattern of
 * five years in the title below, and the two representative papers every senior applicant must hand in
 * for appraisal (R4.4). Exceptional promotion waives the seniority check: reviewers judge it.
 */
function defaultRequirements(): Requirement[] {
  return VALIDITY_SCOPES.flatMap((scope) =>
    SOUGHT_LEVELS.flatMap((level): Requirement[] => [
      {
        scope,
        level,
        method: "regular",
        currentLevel: LEVEL_BELOW[level],
        minYearsInCurrentTitle: 5,
        minProfessionalYears: null,
        minPapers: 2,
        minGrassrootsServiceMonths: null,
      },
      {
        scope,
        level,
        method: "exceptional",
        currentLevel: LEVEL_BELOW[level],
        minYearsInCurrentTitle: null,
        minProfessionalYears: null,
        minPapers: 2,
        minGrassrootsServiceMonths: null,
      },
    ]),
  );
}

export const DEFAULT_ELIGIBILITY_CONFIG: EligibilityConfig = {
  requirements: defaultRequirements(),
  retirement: REFORMED_RETIREMENT_TABLE,
  blacklistYears: 3,
  // 人社部《专业技术人员继续教育规定》: at least 90 hours a year; the five completed years before the round.
  continuingEducation: { minHoursPerYear: 90, years: 5 },
};
