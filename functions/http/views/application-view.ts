import * as z from "zod/mini";
import type { ApplicationRecord } from "../../adapters/dynamodb/application-record";
import {
  type BaseInfo,
  baseInfoSchema,
  SECTION_IDS,
  SECTION_SCHEMAS,
  type SectionId,
} from "../../core/forms";
import { APPLICATION_STATES, availableActions, STATE_LABELS } from "../../core/lifecycle";
import { testDataFields, testDataOf } from "./test-data";

const sectionsView = z
  .object({
    basic: z.optional(SECTION_SCHEMAS.basic).check(z.describe("residentId is shown masked")),
    moral: z.optional(SECTION_SCHEMAS.moral),
    ability: z.optional(SECTION_SCHEMAS.ability),
    achievements: z.optional(SECTION_SCHEMAS.achievements),
    summary: z.optional(SECTION_SCHEMAS.summary),
  })
  .check(z.describe("The five sections as saved (R7.2); a section not yet saved is absent"));

export const statementsSchema = z.strictObject(
  {
    civilServant: z.boolean({ error: "请说明本人是否为公务员（civilServant: true/false）" }),
    civilServantManaged: z.boolean({
      error: "请说明本人是否为参照公务员法管理单位工作人员（civilServantManaged: true/false）",
    }),
    retired: z.boolean({ error: "请说明本人是否已办理离退休手续（retired: true/false）" }),
    retirementPostType: z.enum(["cadre", "worker"], {
      error: "请选择岗位类型：cadre（管理或专业技术岗位）或 worker（工勤技能岗位），用于确定法定退休年龄",
    }),
    sanctions: z
      .array(
        z.strictObject({
          kind: z.enum(["party", "government"], { error: "处分类别应为 party（党纪）或 government（政务）" }),
          from: z.iso.date("处分开始日期应为YYYY-MM-DD"),
          until: z.nullable(z.iso.date("影响期截止日期应为YYYY-MM-DD")),
        }),
        { error: "请列出受到的党纪政务处分（没有则为空列表）" },
      )
      .check(z.maxLength(10, "处分最多填写10条")),
    dispatched: z.boolean({ error: "请说明本人是否为中央单位或外省单位派驻人员（dispatched: true/false）" }),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `不允许提交的字段：${issue.keys.join("、")}`
        : "请填写个人情况声明",
  },
);

export const applicationView = z
  .object({
    applicationId: z.string(),
    roundId: z.string(),
    unitId: z.string().check(z.describe("The unit the applicant applies through (R2.2, R2.3)")),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int().check(z.describe("Send it back as expectedVersion with the next change")),
    baseInfo: z.nullable(baseInfoSchema).check(z.describe("R7.1; null until filled in")),
    sections: sectionsView,
    confirmedSections: z.array(z.enum(SECTION_IDS)),
    pledge: z
      .nullable(
        z.object({ textVersion: z.string(), signedAt: z.iso.datetime(), statements: statementsSchema }),
      )
      .check(z.describe("The signed integrity pledge (R4.1)")),
    representativePapers: z
      .array(z.string())
      .check(
        z.describe("The two paper-text uploads designated for the paper appraisal (R4.4), by evidence id"),
      ),
    submissions: z.int(),
    departmentReturns: z.int(),
    availableActions: z.array(z.string()).check(z.describe("What the applicant may do in this state")),
    firstSubmittedAt: z.optional(z.iso.datetime()),
    lastSubmittedAt: z.optional(z.iso.datetime()),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "Application" });

export const applicationSummary = z
  .object({
    applicationId: z.string(),
    roundId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int(),
    createdAt: z.iso.datetime(),
    lastSubmittedAt: z.optional(z.iso.datetime()),
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "ApplicationSummary" });

export function toApplicationSummary(application: ApplicationRecord): z.input<typeof applicationSummary> {
  return {
    applicationId: application.applicationId,
    roundId: application.scope.roundId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    createdAt: application.createdAt,
    ...(application.lastSubmittedAt ? { lastSubmittedAt: application.lastSubmittedAt } : {}),
    ...testDataOf(application),
  };
}

/** The stored sections are valid (every write is checked); the basic one shows the masked ID number. */
export function toApplicationView(
  application: ApplicationRecord,
  sections: { [Section in SectionId]?: unknown },
  maskedResidentId: string,
): z.input<typeof applicationView> {
  const shown = Object.fromEntries(
    SECTION_IDS.flatMap((section) => {
      const data = sections[section];
      if (data === undefined || data === null) return [];
      return [[section, section === "basic" ? { ...data, residentId: maskedResidentId } : data]];
    }),
  ) as z.input<typeof sectionsView>;
  return {
    applicationId: application.applicationId,
    roundId: application.scope.roundId,
    unitId: application.unitId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    baseInfo: (application.baseInfo ?? null) as BaseInfo | null,
    sections: shown,
    confirmedSections: application.confirmedSections,
    pledge: application.pledge ?? null,
    representativePapers: application.representativePapers ?? [],
    submissions: application.submissions,
    departmentReturns: application.departmentReturns,
    availableActions: availableActions(application.state, "applicant"),
    ...(application.firstSubmittedAt ? { firstSubmittedAt: application.firstSubmittedAt } : {}),
    ...(application.lastSubmittedAt ? { lastSubmittedAt: application.lastSubmittedAt } : {}),
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    ...testDataOf(application),
  };
}
