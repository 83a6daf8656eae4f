import type { EligibilityConfig, RetirementRule } from "./config";
import { DEFAULT_ELIGIBILITY_CONFIG } from "./default-config";
import { REFORMED_RETIREMENT_TABLE } from "./retirement";

/**
 * The original statutory ages (国发〔1978〕104号): men 60, women in management and professional technical
 * posts 55, women in worker posts 50, whatever the birth date.
 */
const ORIGINAL_RETIREMENT_TABLE: readonly RetirementRule[] = [
  { gender: "male", postType: "cadre", ageMonths: 60 * 12 },
  { gender: "male", postType: "worker", ageMonths: 60 * 12 },
  { gender: "female", postType: "cadre", ageMonths: 55 * 12 },
  { gender: "female", postType: "worker", ageMonths: 50 * 12 },
];

export const ELIGIBILITY_RULE_SET_IDS = ["retirement-1978", "retirement-2025"] as const;
export type EligibilityRuleSetId = (typeof ELIGIBILITY_RULE_SET_IDS)[number];

interface EligibilityRuleSet {
  label: string;
  /** Round years (the year applications open) in which the set is the law in force (R1.5). */
  firstYear?: number;
  lastYear?: number;
  config: EligibilityConfig;
}

/**
 * The rule sets a round may be assessed under (R1.2, R1.5, R3.4): the office picks the one in force in
 * the round's year. They differ in the retirement table; the standards' conditions are shared until
 * the office loads the rule sets of standards 307 and 308.
 */
export const ELIGIBILITY_RULE_SETS: Readonly<Record<EligibilityRuleSetId, EligibilityRuleSet>> = {
  "retirement-1978": {
    label: "原法定退休年龄（2024年及以前的轮次）",
    lastYear: 2024,
    config: { ...DEFAULT_ELIGIBILITY_CONFIG, retirement: ORIGINAL_RETIREMENT_TABLE },
  },
  "retirement-2025": {
    label: "渐进式延迟法定退休年龄（2025年1月1日起施行）",
    firstYear: 2025,
    config: { ...DEFAULT_ELIGIBILITY_CONFIG, retirement: REFORMED_RETIREMENT_TABLE },
  },
};

export function isRuleSetInForce(id: EligibilityRuleSetId, year: number): boolean {
  const { firstYear, lastYear } = ELIGIBILITY_RULE_SETS[id];
  return (firstYear === undefined || year >= firstYear) && (lastYear === undefined || year <= lastYear);
}

/** The set in force in a round's year: what a round gets when its creator names none. */
export function ruleSetInForce(year: number): EligibilityRuleSetId {
  const found = ELIGIBILITY_RULE_SET_IDS.find((id) => isRuleSetInForce(id, year));
  if (!found) throw new RangeError(`no eligibility rule set covers ${year}`);
  return found;
}

export function eligibilityConfigOf(id: EligibilityRuleSetId): EligibilityConfig {
  return ELIGIBILITY_RULE_SETS[id].config;
}
