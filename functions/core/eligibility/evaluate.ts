import type { PlainDate } from "../calendar/plain-date";
import { type EligibilityConfig, requirementFor } from "./config";
import { DEFAULT_ELIGIBILITY_CONFIG } from "./default-config";
import type { EligibilityFacts, EligibilityRound } from "./facts";
import { type EligibilityFailure, failure } from "./failure";
import { seriesChangeRules } from "./series-change-rules";
import { abilityRules, paperRule, seniorityRules } from "./standard-rules";
import { blacklistRule, channelRules, personalStatusRules, unitRules } from "./status-rules";
import { APPLICATION_METHOD_LABELS, TITLE_LEVEL_LABELS, VALIDITY_SCOPE_LABELS } from "./vocabulary";

/**
 * Every rule the applicant fails, grouped by rule; an empty list means eligible. `today` is the
 * day the check runs: sanctions and the blacklist are judged on it, everything else on the round's dates.
 */
export function evaluateEligibility(
  facts: EligibilityFacts,
  round: EligibilityRound,
  today: PlainDate,
  config: EligibilityConfig = DEFAULT_ELIGIBILITY_CONFIG,
): EligibilityFailure[] {
  const failures = [
    ...unitRules(facts),
    ...personalStatusRules(facts, round, today, config),
    ...blacklistRule(facts, today, config),
    ...channelRules(facts),
    ...seriesChangeRules(facts, round),
  ];
  const requirement = requirementFor(config, facts.scope, facts.level, facts.method);
  if (requirement === undefined) {
    failures.push(
      failure(
        "R1.2",
        "QUALIFICATION_NOT_OFFERED",
        `本评委会不受理“${VALIDITY_SCOPE_LABELS[facts.scope]}”${TITLE_LEVEL_LABELS[facts.level]}职称的${APPLICATION_METHOD_LABELS[facts.method]}，请核对申报资格、有效范围和申报方式。`,
      ),
    );
    return failures;
  }
  return [
    ...failures,
    ...seniorityRules(facts, round, requirement),
    ...paperRule(facts, round, requirement),
    ...abilityRules(facts, round, requirement, config.continuingEducation),
  ];
}
