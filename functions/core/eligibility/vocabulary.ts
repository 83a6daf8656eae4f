/** Words shared by the eligibility rules and the form (R1, R7.1), with the Chinese an applicant reads. */

/** The only series this committee reviews (R7.1: 申报系列). */
export const HR_TRAINING_SERIES = "人力资源培训";

/** R1.2: 全省有效 (standard 甘人社通〔2023〕308号) or 全省基层有效 (standard 甘人社通〔2023〕307号). */
export const VALIDITY_SCOPES = ["province", "grassroots"] as const;
export type ValidityScope = (typeof VALIDITY_SCOPES)[number];
export const VALIDITY_SCOPE_LABELS: Record<ValidityScope, string> = {
  province: "全省有效",
  grassroots: "全省基层有效",
};

/** Title levels in ascending order; the order is what "a higher title" (R6.4) compares. */
export const TITLE_LEVELS = ["junior", "intermediate", "associate_senior", "senior"] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];
export const TITLE_LEVEL_LABELS: Record<TitleLevel, string> = {
  junior: "初级",
  intermediate: "中级",
  associate_senior: "副高级",
  senior: "正高级",
};

/** This committee reviews senior titles only (the notice is a 高级职称 round). */
export const SOUGHT_LEVELS = ["associate_senior", "senior"] as const;
export type SoughtLevel = (typeof SOUGHT_LEVELS)[number];

export function isHigherLevel(level: TitleLevel, than: TitleLevel): boolean {
  return TITLE_LEVELS.indexOf(level) > TITLE_LEVELS.indexOf(than);
}

/** R7.1: 申报方式. 考核认定 is deliberately absent: the notice forbids choosing it. */
export const APPLICATION_METHODS = ["regular", "exceptional"] as const;
export type ApplicationMethod = (typeof APPLICATION_METHODS)[number];
export const APPLICATION_METHOD_LABELS: Record<ApplicationMethod, string> = {
  regular: "正常申报",
  exceptional: "破格申报",
};

/** R1.3: the institutions whose staff this series evaluates, plus the two kinds it excludes. */
export const UNIT_KINDS = [
  "party_school",
  "socialist_institute",
  "lecturer_group",
  "government_staff_training",
  "enterprise_staff_training",
  "degree_school",
  "other",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  party_school: "党校（行政学院）",
  socialist_institute: "社会主义学院",
  lecturer_group: "讲师团",
  government_staff_training: "党政群机关职工培训教育机构",
  enterprise_staff_training: "企事业单位所属职工培训教育机构",
  degree_school: "开展学历教育的学校",
  other: "其他单位",
};
export const UNIT_KINDS_IN_SCOPE: readonly UnitKind[] = [
  "party_school",
  "socialist_institute",
  "lecturer_group",
  "government_staff_training",
  "enterprise_staff_training",
];

/**
 * How the applicant is employed: establishment staff of a public institution, contract staff outside the
 * establishment (编外聘用, R1.4), enterprise staff, or flexibly employed (R2.3).
 */
export const EMPLOYMENT_KINDS = ["establishment", "contract", "enterprise", "flexible"] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];
export const EMPLOYMENT_KIND_LABELS: Record<EmploymentKind, string> = {
  establishment: "事业单位在编人员",
  contract: "编外聘用人员",
  enterprise: "企业人员",
  flexible: "灵活就业人员",
};

/**
 * The post type that sets the statutory retirement age: "cadre" for management and professional
 * technical posts (women originally 55), "worker" for worker posts (women originally 50).
 */
export const RETIREMENT_POST_TYPES = ["cadre", "worker"] as const;
export type RetirementPostType = (typeof RETIREMENT_POST_TYPES)[number];
