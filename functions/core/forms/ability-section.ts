import * as z from "zod/mini";
import { choice, decimal, group, list, month, text, wholeNumber } from "./fields";

export const ASSESSMENT_RESULTS = ["excellent", "competent", "basically_competent", "incompetent"] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];
export const ASSESSMENT_RESULT_LABELS: Record<AssessmentResult, string> = {
  excellent: "优秀",
  competent: "合格（称职）",
  basically_competent: "基本合格（基本称职）",
  incompetent: "不合格（不称职）",
};

/** R7.6: the five most recent completed years; the round's own year is not assessed until December. */
export const ANNUAL_ASSESSMENT_YEARS = 5;

export function annualAssessmentYears(roundYear: number): number[] {
  return Array.from(
    { length: ANNUAL_ASSESSMENT_YEARS },
    (_, offset) => roundYear - ANNUAL_ASSESSMENT_YEARS + offset,
  );
}

const year = (label: string) => wholeNumber(label, 1950, 2100);

function uniqueYears(records: readonly { year: number }[]): boolean {
  return new Set(records.map((record) => record.year)).size === records.length;
}

/** R7.6: the ability section. */
export const abilitySectionSchema = z.object(
  {
    workExperience: list(
      "专业技术工作经历",
      z
        .object({
          category: text("工作经历类别", 50),
          from: month("起始年月"),
          to: z.nullable(month("截止年月")),
          content: text("工作内容", 500),
        })
        .check(
          z.refine((entry) => entry.to === null || entry.to >= entry.from, {
            message: "截止年月不能早于起始年月",
            path: ["to"],
          }),
        ),
      1,
      30,
    ),
    annualAssessments: list(
      "年度考核情况",
      group("年度考核", {
        year: year("考核年度"),
        result: choice("考核结果", ASSESSMENT_RESULTS, ASSESSMENT_RESULT_LABELS),
      }),
      0,
      10,
    ).check(z.refine(uniqueYears, "同一年度的考核结果只能填写一次")),
    continuingEducation: list(
      "继续教育学时",
      group("继续教育", { year: year("继续教育年度"), hours: decimal("学时", 0, 1000) }),
      0,
      20,
    ).check(z.refine(uniqueYears, "同一年度的继续教育学时只能填写一次，请合计后填写")),
    grassrootsService: z.nullable(
      group("帮扶基层经历", {
        months: wholeNumber("在基层专业技术岗位累计服务月数", 0, 600),
        description: text("帮扶基层经历", 500),
      }),
    ),
  },
  { error: "请填写能力相关信息" },
);
export type AbilitySection = z.output<typeof abilitySectionSchema>;
