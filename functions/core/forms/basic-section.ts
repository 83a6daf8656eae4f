import * as z from "zod/mini";
import {
  EMPLOYMENT_KIND_LABELS,
  EMPLOYMENT_KINDS,
  type EmploymentKind,
  TITLE_LEVEL_LABELS,
  TITLE_LEVELS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
} from "../eligibility";
import { residentIdSchema } from "../identity";
import { choice, date, group, list, month, text, yesNo } from "./fields";

export const EDUCATION_ORIGINS = [
  "higher_education",
  "foreign",
  "hk_macau_taiwan",
  "party_school",
  "secondary_school",
  "technical_school",
] as const;
export type EducationOrigin = (typeof EDUCATION_ORIGINS)[number];
export const EDUCATION_ORIGIN_LABELS: Record<EducationOrigin, string> = {
  higher_education: "国内高等教育",
  foreign: "国外学历学位",
  hk_macau_taiwan: "港澳台地区学历学位",
  party_school: "党校学历",
  secondary_school: "中专学历",
  technical_school: "技工院校",
};

/** R7.4: how contract and enterprise staff prove they work for the unit. */
export const SOCIAL_INSURANCE_PROOFS = ["payments", "headquarters_payments", "alternative"] as const;
export type SocialInsuranceProof = (typeof SOCIAL_INSURANCE_PROOFS)[number];
export const SOCIAL_INSURANCE_PROOF_LABELS: Record<SocialInsuranceProof, string> = {
  payments: "6个月社保参保缴费证明",
  headquarters_payments: "企业总部所在地社保经办机构出具的6个月缴费证明",
  alternative: "身份情况说明、劳动合同、银行工资流水及签字盖章的花名册",
};

export const EMPLOYMENT_KINDS_PROVING_SOCIAL_INSURANCE: readonly EmploymentKind[] = [
  "contract",
  "enterprise",
];

const educationSchema = z.object({
  origin: choice("学历类别", EDUCATION_ORIGINS, EDUCATION_ORIGIN_LABELS),
  school: text("毕业院校", 100),
  major: text("所学专业", 50),
  graduatedOn: date("毕业时间"),
  certificateNumber: text("学历证书编号", 50),
  degreeCertificateNumber: z.nullable(text("学位证书编号", 50)),
  // Whether the record matches the 学信网 registry is never the applicant's to say: a reviewer records
  // it (application-record.ts, RegistryCheck), and until then the evidence is required (R7.4).
});

const workHistorySchema = z
  .object({
    from: month("起始年月"),
    to: z.nullable(month("截止年月")),
    unit: text("工作单位", 100),
    post: text("岗位（职务）", 50),
  })
  .check(
    z.refine((entry) => entry.to === null || entry.to >= entry.from, {
      message: "截止年月不能早于起始年月",
      path: ["to"],
    }),
  );

const currentTitleSchema = group("现专业技术资格", {
  name: text("现职称名称", 50),
  level: choice("现职称级别", TITLE_LEVELS, TITLE_LEVEL_LABELS),
  inHrTrainingSeries: yesNo("现职称是否属于人力资源培训专业"),
  obtainedIn: month("取得现职称资格年月"),
  appointedIn: z.nullable(month("现职称聘用年月")),
});

const seriesChangeSchema = group("转系列信息", {
  previousSeries: text("原系列（专业）", 50),
  changedOn: date("转系列日期"),
  unitAssessmentPassed: yesNo("单位考核是否合格"),
  newSeriesSince: month("新系列聘任（用）起始年月"),
});

/** R7.4: the basic-information section. */
export const basicSectionSchema = z
  .object(
    {
      residentId: residentIdSchema,
      phone: z
        .string({ error: "请填写手机号码" })
        .check(z.trim())
        .check(z.regex(/^1[3-9]\d{9}$/, "手机号码应为11位数字，以1开头"))
        .check(z.meta({ minLength: 11, maxLength: 11 })),
      unitKind: choice("单位类别", UNIT_KINDS, UNIT_KIND_LABELS),
      employmentKind: choice("人员类别", EMPLOYMENT_KINDS, EMPLOYMENT_KIND_LABELS),
      underPostManagement: yesNo("是否纳入事业单位岗位管理"),
      outOfProvinceBranch: yesNo("单位是否为经委托核准的外省民营企业在甘分支机构"),
      socialInsurance: z.nullable(
        choice("社会保险证明方式", SOCIAL_INSURANCE_PROOFS, SOCIAL_INSURANCE_PROOF_LABELS),
      ),
      professionalWorkSince: month("从事专业技术工作起始年月"),
      education: list("学习经历", educationSchema, 1, 10),
      workHistory: list("工作履历", workHistorySchema, 1, 30),
      currentTitle: z.nullable(currentTitleSchema),
      seriesChange: z.nullable(seriesChangeSchema),
    },
    { error: "请填写基本信息" },
  )
  .check(
    z.superRefine((section, context) => {
      const provesInsurance = EMPLOYMENT_KINDS_PROVING_SOCIAL_INSURANCE.includes(section.employmentKind);
      if (provesInsurance && section.socialInsurance === null) {
        context.addIssue({
          code: "custom",
          path: ["socialInsurance"],
          message: "编外聘用人员和企业人员须选择社会保险证明方式",
        });
      }
      if (section.socialInsurance === "headquarters_payments" && !section.outOfProvinceBranch) {
        context.addIssue({
          code: "custom",
          path: ["socialInsurance"],
          message: "只有经委托核准的外省民营企业在甘分支机构人员，才可提交企业总部所在地的社保缴费证明",
        });
      }
      if (
        section.underPostManagement &&
        section.currentTitle !== null &&
        section.currentTitle.appointedIn === null
      ) {
        context.addIssue({
          code: "custom",
          path: ["currentTitle", "appointedIn"],
          message: "纳入事业单位岗位管理的人员，任职年限从聘用当月起计算，请填写现职称聘用年月",
        });
      }
    }),
  );
export type BasicSection = z.output<typeof basicSectionSchema>;
export type EducationRecord = BasicSection["education"][number];
