import * as z from "zod/mini";
import { REPRESENTATIVE_PAPER_COUNT } from "../../core/forms";
import { defineRoute } from "../route-spec";
import {
  appraisalAssignmentView,
  appraisalPaperDownload,
  expertAppraisalSummary,
  expertAppraisalView,
  representativePapersView,
  reviewerProfileView,
  verdictResult,
} from "../views/appraisal-view";
import { applicationParams } from "./applications";
import { accountIdField, cursorQuery, expectedVersionField, orgIdField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "论文鉴定";

const evidenceIdField = z.uuid("材料编号格式不正确");

export const saveRepresentativePapers = defineRoute({
  operationId: "saveRepresentativePapers",
  method: "PUT",
  path: "/rounds/{roundId}/applications/{applicationId}/representative-papers",
  group: "submission",
  access: "authenticated",
  summary:
    "Designate the 2 representative papers for the paper appraisal (R4.4): two verified uploads of the " +
    "paper text (论文正文), each the single file of a different paper listed in the achievements; while the " +
    "application is on the applicant's desk (R7.3). Deleting a designated upload clears it from the designation",
  tag: "个人申报",
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    evidenceIds: z
      .array(evidenceIdField, { error: `请列出${REPRESENTATIVE_PAPER_COUNT}篇代表作的材料编号` })
      .check(
        z.length(
          REPRESENTATIVE_PAPER_COUNT,
          `须指定${REPRESENTATIVE_PAPER_COUNT}篇代表作（论文正文的材料编号）`,
        ),
      )
      .check(z.refine((ids) => new Set(ids).size === ids.length, "两篇代表作不能是同一个文件"))
      .check(z.describe("The evidence ids of the two paper texts, in the order the applicant ranks them")),
  }).register(z.globalRegistry, { id: "RepresentativePapers" }),
  response: representativePapersView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EVIDENCE_CHANGED",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "PAPERS_NOT_FILLED",
    "REPRESENTATIVE_PAPERS_INVALID",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

const reviewerParams = z.extend(roundIdParams, { accountId: accountIdField });

export const setReviewerProfile = defineRoute({
  operationId: "setReviewerProfile",
  method: "PUT",
  path: "/rounds/{roundId}/reviewers/{accountId}",
  group: "review",
  access: "authenticated",
  summary:
    "The title office records, for the round, a reviewer's title, whether it is full senior (R4.4), the " +
    "work unit and the applicants the reviewer declared a conflict with (R8.2); for accounts appointed " +
    "expert, panel member or committee member this round. Without expectedVersion it creates the profile",
  tag: TAG,
  params: reviewerParams,
  body: strictBody({
    expectedVersion: z
      .optional(expectedVersionField)
      .check(z.describe("The version read before editing; absent to create the round's profile")),
    title: z
      .string({ error: "请填写专业技术职称" })
      .check(z.trim())
      .check(z.minLength(2, "请填写专业技术职称（如教授、研究员）"))
      .check(z.maxLength(50, "职称最多50字")),
    fullSenior: z
      .boolean({ error: "请说明是否具有正高级职称（fullSenior: true 或 false）" })
      .check(z.describe("正高级职称: required of paper appraisal experts (R4.4)")),
    workUnitId: z
      .optional(orgIdField)
      .check(
        z.describe("When the reviewer works in a unit of this system: its id (the name is taken from it)"),
      ),
    workUnitName: z
      .optional(
        z
          .string({ error: "工作单位名称应为文字" })
          .check(z.trim())
          .check(z.minLength(2, "请填写工作单位名称"))
          .check(z.maxLength(100, "工作单位名称最多100字")),
      )
      .check(z.describe("The work unit's name, when it is not a unit of this system")),
    declaredConflicts: z
      ._default(
        z
          .array(accountIdField, { error: "利害关系人应为申报人账号编号的列表" })
          .check(z.maxLength(50, "利害关系人最多50名")),
        [],
      )
      .check(z.describe("Applicant account ids the reviewer declared a conflict of interest with (R8.2)")),
  })
    .check(
      z.refine((body) => body.workUnitId !== undefined || body.workUnitName !== undefined, {
        message: "请填写工作单位：本系统中的单位填写单位编号 workUnitId，其他单位填写单位名称 workUnitName",
        path: ["workUnitName"],
      }),
    )
    .register(z.globalRegistry, { id: "ReviewerProfileChange" }),
  response: reviewerProfileView,
  errors: [
    "CONCURRENT_UPDATE",
    "NOT_A_REVIEWER",
    "REVIEWER_PROFILE_EXISTS",
    "REVIEWER_PROFILE_MISSING",
    "STALE_VERSION",
  ],
});

export const listReviewers = defineRoute({
  operationId: "listReviewers",
  method: "GET",
  path: "/rounds/{roundId}/reviewers",
  group: "review",
  access: "authenticated",
  summary:
    "The round's reviewer profiles, by account id, a page at a time, with each expert's appraisal load",
  tag: TAG,
  params: roundIdParams,
  query: cursorQuery,
  response: z.object({ reviewers: z.array(reviewerProfileView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const assignAppraisalExperts = defineRoute({
  operationId: "assignAppraisalExperts",
  method: "POST",
  path: "/rounds/{roundId}/committee/applications/{applicationId}/appraisal",
  group: "review",
  access: "authenticated",
  summary:
    "The party-school organiser starts the paper appraisal of a senior application that passed the " +
    "qualification review (R4.4): the experts named, or else the least-loaded eligible ones, full senior and " +
    "without a conflict of interest (R8.2); the count and the pass rule are the round's (default 3, a majority)",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    experts: z
      .optional(
        z
          .array(accountIdField, { error: "鉴定专家应为专家账号编号的列表" })
          .check(z.minLength(1, "请至少选择一名鉴定专家"))
          .check(z.maxLength(15, "鉴定专家最多15名")),
      )
      .check(z.describe("The organiser's choice of experts; absent, the system assigns them")),
    anonymised: z
      ._default(z.boolean({ error: "请说明是否匿名鉴定（anonymised: true 或 false）" }), true)
      .check(z.describe("Experts see neither the applicant's name nor their unit (default true)")),
  }).register(z.globalRegistry, { id: "AssignAppraisalExperts" }),
  response: appraisalAssignmentView,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "APPRAISAL_SENIOR_ONLY",
    "APPRAISAL_SETTINGS_INVALID",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "EXPERT_NOT_ELIGIBLE",
    "INVALID_CURSOR",
    "INVALID_TRANSITION",
    "NOT_ENOUGH_ELIGIBLE_EXPERTS",
    "REVIEWER_PROFILE_MISSING",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "WRONG_EXPERT_COUNT",
  ],
});

export const listMyAppraisals = defineRoute({
  operationId: "listMyAppraisals",
  method: "GET",
  path: "/rounds/{roundId}/appraisals",
  group: "review",
  access: "authenticated",
  summary: "The applications assigned to the signed-in expert for paper appraisal, oldest first (R4.4)",
  tag: TAG,
  params: roundIdParams,
  query: cursorQuery,
  response: z.object({ appraisals: z.array(expertAppraisalSummary), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const getAppraisal = defineRoute({
  operationId: "getAppraisal",
  method: "GET",
  path: "/rounds/{roundId}/appraisals/{applicationId}",
  group: "review",
  access: "authenticated",
  summary:
    "One application assigned to the expert: qualification, specialty and the two representative papers " +
    "with their downloads; when anonymised, nothing that names the applicant or their unit (R4.4)",
  tag: TAG,
  params: applicationParams,
  response: expertAppraisalView,
});

export const getAppraisalPaper = defineRoute({
  operationId: "getAppraisalPaper",
  method: "GET",
  path: "/rounds/{roundId}/appraisals/{applicationId}/papers/{evidenceId}",
  group: "review",
  access: "authenticated",
  summary:
    "A short-lived presigned GET of one of the two representative papers as submitted; any other evidence " +
    "answers 404 (R4.4)",
  tag: TAG,
  params: z.extend(applicationParams, { evidenceId: evidenceIdField }),
  response: appraisalPaperDownload,
  errors: ["PAPER_NOT_FOUND"],
});

export const recordAppraisalVerdict = defineRoute({
  operationId: "recordAppraisalVerdict",
  method: "PUT",
  path: "/rounds/{roundId}/appraisals/{applicationId}/verdict",
  group: "review",
  access: "authenticated",
  summary:
    "The expert's verdict and comments, once, while the appraisal is open; the verdict that decides the " +
    "outcome under the pass rule moves the application to appraisal_passed or appraisal_failed (R4.4)",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    verdict: z.enum(["pass", "fail"], { error: "鉴定结论应为 pass（通过）或 fail（不通过）" }),
    comments: z
      .string({ error: "请填写鉴定意见" })
      .check(z.trim())
      .check(z.minLength(10, "鉴定意见至少10个字，请写明对代表作学术水平和实践价值的评价"))
      .check(z.maxLength(2000, "鉴定意见最多2000字")),
  }).register(z.globalRegistry, { id: "AppraisalVerdictRecord" }),
  response: verdictResult,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "APPRAISAL_CLOSED",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "INVALID_TRANSITION",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "VERDICT_ALREADY_RECORDED",
  ],
});
