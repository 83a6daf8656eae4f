export { type EligibilityConfig, type Requirement, type RetirementRule, requirementFor } from "./config";
export { DEFAULT_ELIGIBILITY_CONFIG } from "./default-config";
export { evaluateEligibility } from "./evaluate";
export type {
  AchievementKind,
  BlacklistEntry,
  CurrentTitle,
  EligibilityFacts,
  EligibilityRound,
  Sanction,
  SeriesChange,
} from "./facts";
export type { EligibilityCode, EligibilityFailure } from "./failure";
export { isPlainMonth, monthsServed, type PlainMonth } from "./periods";
export { REFORMED_RETIREMENT_TABLE, statutoryRetirementMonth } from "./retirement";
export {
  ELIGIBILITY_RULE_SET_IDS,
  ELIGIBILITY_RULE_SETS,
  type EligibilityRuleSetId,
  eligibilityConfigOf,
  isRuleSetInForce,
  ruleSetInForce,
} from "./rule-sets";
export { blacklistBarsRound } from "./status-rules";
export * from "./vocabulary";
