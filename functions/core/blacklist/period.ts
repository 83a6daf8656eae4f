import type { PlainDate } from "../calendar/plain-date";
import { DEFAULT_ELIGIBILITY_CONFIG } from "../eligibility/default-config";
import { addYears } from "../eligibility/periods";

/** What a decision says about its period: nothing (the standard years), a number of years, or an end. */
export interface DecidedPeriod {
  years?: number | undefined;
  until?: PlainDate | undefined;
}

/**
 * R5.5, R7.3: the bar runs from the decision date for 3 years (the configured standard) unless the
 * decision says otherwise. `until` is the first day the person may apply again (half-open), the way
 * the eligibility rules read every period.
 */
export function blacklistPeriod(
  decisionDate: PlainDate,
  decided: DecidedPeriod = {},
  standardYears: number = DEFAULT_ELIGIBILITY_CONFIG.blacklistYears,
): { from: PlainDate; until: PlainDate } {
  return {
    from: decisionDate,
    until: decided.until ?? addYears(decisionDate, decided.years ?? standardYears),
  };
}
