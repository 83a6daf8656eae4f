/** One rule the applicant does not meet; `message` tells them, in Chinese, what stands in the way. */
export interface EligibilityFailure {
  rule: string;
  code: EligibilityCode;
  message: string;
}

export type EligibilityCode =
  | "UNIT_NOT_IN_GANSU"
  | "UNIT_NOT_IN_SCOPE"
  | "CIVIL_SERVANT"
  | "CIVIL_SERVANT_MANAGED_STAFF"
  | "RETIRED"
  | "RETIREMENT_AGE_REACHED"
  | "RETIREMENT_AGE_UNKNOWN"
  | "DISCIPLINARY_SANCTION_ACTIVE"
  | "BLACKLISTED"
  | "CENTRAL_UNIT_NOT_ENTRUSTED"
  | "DISPATCHED_WITHOUT_APPROVAL"
  | "QUALIFICATION_NOT_OFFERED"
  | "CURRENT_TITLE_MISSING"
  | "CURRENT_TITLE_TOO_LOW"
  | "APPOINTMENT_MONTH_MISSING"
  | "TITLE_YEARS_INSUFFICIENT"
  | "PROFESSIONAL_YEARS_INSUFFICIENT"
  | "SERIES_CHANGE_NOT_ASSESSED"
  | "SERIES_CHANGE_SAME_YEAR"
  | "SERIES_CHANGE_TOO_RECENT"
  | "CROSS_SERIES_WITHOUT_CHANGE"
  | "PAPERS_INSUFFICIENT"
  | "CONTINUING_EDUCATION_INSUFFICIENT"
  | "GRASSROOTS_SERVICE_INSUFFICIENT";

export function failure(rule: string, code: EligibilityCode, message: string): EligibilityFailure {
  return { rule, code, message };
}

/** `2024-12` → `2024年12月`, the way the notice writes months. */
export function chineseMonth(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** `2024-09-30` → `2024年9月30日`. */
export function chineseDate(date: string): string {
  return `${chineseMonth(date)}${Number(date.slice(8, 10))}日`;
}

/** 61 months → `5年1个月`. */
export function yearsAndMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return `${rest}个月`;
  return rest === 0 ? `${years}年` : `${years}年${rest}个月`;
}
