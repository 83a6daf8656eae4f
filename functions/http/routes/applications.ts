import * as z from "zod/mini";
import { baseInfoSchema, SECTION_SCHEMAS, SECTION_TITLES, type SectionId } from "../../core/forms";
import { INTEGRITY_PLEDGE } from "../../services/integrity-pledge";
import { defineRoute } from "../route-spec";
import { applicationSummary, applicationView, statementsSchema } from "../views/application-view";
import { expectedVersionField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";
import { refusingUnknownKeys } from "./strict-form";

export const applicationParams = z.extend(roundIdParams, {
  applicationId: z.uuid("申报编号格式不正确"),
});

const TAG = "个人申报";

export const getIntegrityPledge = defineRoute({
  operationId: "getIntegrityPledge",
  method: "GET",
  path: "/integrity-pledge",
  group: "submission",
  access: "public",
  summary:
    "The integrity pledge (诚信承诺书) an applicant signs before submitting, and its text version (R4.1)",
  tag: TAG,
  response: z
    .object({ version: z.string(), title: z.string(), paragraphs: z.array(z.string()) })
    .register(z.globalRegistry, { id: "IntegrityPledge" }),
});

export const createApplication = defineRoute({
  operationId: "createApplication",
  method: "POST",
  path: "/rounds/{roundId}/applications",
  group: "submission",
  access: "authenticated",
  summary:
    "Start an application in the round, through the unit the applicant registered with: one active " +
    "application per person and round; drafts may be written from the pre-preparation on (R3.3)",
  tag: TAG,
  params: roundIdParams,
  body: strictBody({ baseInfo: z.optional(refusingUnknownKeys(baseInfoSchema)) }).register(z.globalRegistry, {
    id: "CreateApplication",
  }),
  successStatus: 201,
  response: applicationView,
  errors: [
    "APPLICATION_CANCELLED",
    "APPLICATION_EXISTS",
    "BLACKLISTED",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "NAME_NOT_REGISTERED",
    "WINDOW_NOT_OPEN",
  ],
});

export const listMyApplications = defineRoute({
  operationId: "listMyApplications",
  method: "GET",
  path: "/rounds/{roundId}/applications",
  group: "submission",
  access: "authenticated",
  summary: "The signed-in applicant's applications in the round, newest first",
  tag: TAG,
  params: roundIdParams,
  response: z.object({ applications: z.array(applicationSummary) }),
});

export const getApplication = defineRoute({
  operationId: "getApplication",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}",
  group: "submission",
  access: "authenticated",
  summary: "One of the applicant's own applications: base information, the five sections, pledge and state",
  tag: TAG,
  params: applicationParams,
  response: applicationView,
});

export const saveBaseInfo = defineRoute({
  operationId: "saveBaseInfo",
  method: "PUT",
  path: "/rounds/{roundId}/applications/{applicationId}/base-info",
  group: "submission",
  access: "authenticated",
  summary:
    "Save the base information (R7.1): name as registered, concrete employer, application method (never " +
    "考核认定), series, qualification, specialty and validity scope",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    baseInfo: refusingUnknownKeys(baseInfoSchema),
  }).register(z.globalRegistry, {
    id: "SaveBaseInfo",
  }),
  response: applicationView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "MATERIALS_LOCKED",
    "NAME_NOT_REGISTERED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

const confirmedField = z
  .boolean({ error: "请说明是否确认该部分信息（confirmed: true 确认，false 暂存）" })
  .check(
    z.describe("true: the applicant confirms the section (R7.2); false: saved as a draft, not confirmed"),
  );

const SECTION_PATHS: Record<SectionId, string> = {
  basic: "basic",
  moral: "moral",
  ability: "ability",
  achievements: "achievements",
  summary: "summary",
};

const SECTION_RULES: Record<SectionId, string> = {
  basic: "R7.4",
  moral: "R7.5",
  ability: "R7.6",
  achievements: "R6.1, R7.7",
  summary: "R7.8: at most 800 characters",
};

function sectionRoute<const S extends SectionId, const Id extends string>(section: S, operationId: Id) {
  return defineRoute({
    operationId,
    method: "PUT",
    path: `/rounds/{roundId}/applications/{applicationId}/sections/${SECTION_PATHS[section]}`,
    group: "submission",
    access: "authenticated",
    summary: `Save the section “${SECTION_TITLES[section]}” and whether it is confirmed (${SECTION_RULES[section]})`,
    tag: TAG,
    params: applicationParams,
    body: strictBody({
      expectedVersion: expectedVersionField,
      confirmed: confirmedField,
      data: refusingUnknownKeys(SECTION_SCHEMAS[section]) as (typeof SECTION_SCHEMAS)[S],
    }),
    response: applicationView,
    errors: [
      "APPLICATION_NOT_FOUND",
      "CONCURRENT_UPDATE",
      "DEADLINE_PASSED",
      "MATERIALS_LOCKED",
      "NOT_EDITABLE",
      "RESIDENT_ID_NOT_REGISTERED",
      "STALE_VERSION",
      "WINDOW_NOT_OPEN",
    ],
  });
}

export const saveBasicSection = sectionRoute("basic", "saveBasicSection");
export const saveMoralSection = sectionRoute("moral", "saveMoralSection");
export const saveAbilitySection = sectionRoute("ability", "saveAbilitySection");
export const saveAchievementsSection = sectionRoute("achievements", "saveAchievementsSection");
export const saveSummarySection = sectionRoute("summary", "saveSummarySection");

export const signIntegrityPledge = defineRoute({
  operationId: "signIntegrityPledge",
  method: "PUT",
  path: "/rounds/{roundId}/applications/{applicationId}/pledge",
  group: "submission",
  access: "authenticated",
  summary:
    "Sign the integrity pledge (R4.1) with the personal statements it affirms: civil servant, 参公, retired, " +
    "sanctions, dispatch (R1.5, R2.5); the signature records its time and the pledge's text version",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    textVersion: z
      .literal(INTEGRITY_PLEDGE.version, {
        error: `诚信承诺书已更新为版本 ${INTEGRITY_PLEDGE.version}，请阅读最新内容后重新签署`,
      })
      .check(z.describe("The version of GET /integrity-pledge the applicant read")),
    agreed: z.literal(true, { error: "须勾选“本人已阅读并承诺”（agreed: true）后方可签署" }),
    statements: statementsSchema,
  }).register(z.globalRegistry, { id: "SignIntegrityPledge" }),
  response: applicationView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

const checklistItem = z.object({
  rule: z.string(),
  code: z.string(),
  message: z.string(),
  field: z.optional(z.string()),
  index: z.optional(z.int()),
  year: z.optional(z.int()),
});

export const getApplicationChecklist = defineRoute({
  operationId: "getApplicationChecklist",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}/checklist",
  group: "submission",
  access: "authenticated",
  summary:
    "What is missing or wrong before the application can be submitted, by section and evidence slot (R7.3), " +
    "and an advisory pre-check of eligibility by the rules the submit applies (R1, R2, R5.5, R6)",
  tag: TAG,
  params: applicationParams,
  response: z
    .object({
      ready: z
        .boolean()
        .check(z.describe("Nothing left on the checklist and the eligibility pre-check finds no refusal")),
      eligibility: z
        .object({
          advisory: z.literal(true).check(z.describe("The submit decides, on the data of that moment")),
          status: z.enum(["eligible", "not_eligible", "not_checked"]),
          message: z.string(),
          failures: z.array(z.object({ rule: z.string(), code: z.string(), message: z.string() })),
        })
        .check(
          z.describe("The submit's eligibility rules applied ahead; not_checked until the form can be read"),
        ),
      sections: z.array(
        z.object({
          section: z.string(),
          title: z.string(),
          items: z.array(checklistItem),
          slots: z.array(z.object({ slotId: z.string(), title: z.string(), items: z.array(checklistItem) })),
        }),
      ),
    })
    .register(z.globalRegistry, { id: "Checklist" }),
  errors: ["EVIDENCE_TYPE_NOT_ACCEPTED"],
});
