import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { reviewApplicationView, reviewResult, reviewSummary } from "../views/review-view";
import { applicationParams } from "./applications";
import { expectedVersionField, orgIdField, strictBody } from "./fields";
import { feedbackFields, opinionBody, stateQuery } from "./review-fields";
import { roundIdParams } from "./rounds";

const TAG = "单位审核推荐";

export const listUnitApplications = defineRoute({
  operationId: "listUnitApplications",
  method: "GET",
  path: "/rounds/{roundId}/units/{unitId}/applications",
  group: "review",
  access: "authenticated",
  summary:
    "The applications submitted to the unit, newest first, optionally in one state (R4.2 随报随审); " +
    "a page of a query on the unit's index, never a scan",
  tag: TAG,
  params: z.extend(roundIdParams, { unitId: orgIdField }),
  query: stateQuery,
  response: z.object({ applications: z.array(reviewSummary), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const getApplicationForReview = defineRoute({
  operationId: "getApplicationForReview",
  method: "GET",
  path: "/rounds/{roundId}/review/applications/{applicationId}",
  group: "review",
  access: "authenticated",
  summary:
    "Open one application with its sections, the evidence its latest submission pinned (5-minute download " +
    "links), its notice, objections and timeline (R5.4)",
  tag: TAG,
  params: applicationParams,
  response: reviewApplicationView,
  errors: ["REASON_REQUIRED"],
});

export const returnApplicationByUnit = defineRoute({
  operationId: "returnApplicationByUnit",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/unit-return",
  group: "review",
  access: "authenticated",
  summary:
    "The unit's handler returns the application to the applicant with the reasons per section and evidence " +
    "slot (R7.9); a staffed unit only (R3.2), until the review cutoff (R3)",
  tag: TAG,
  params: applicationParams,
  body: strictBody(feedbackFields).register(z.globalRegistry, { id: "UnitReturn" }),
  response: reviewResult,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "INVALID_TRANSITION",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "UNIT_ACCOUNTS_INCOMPLETE",
    "WINDOW_NOT_OPEN",
  ],
});

export const recommendApplication = defineRoute({
  operationId: "recommendApplication",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/recommendation",
  group: "review",
  access: "authenticated",
  summary:
    "The reviewing leader recommends: never the person who opened the publicity (R3.2), after the notice has " +
    "ended with no unresolved objection (R4.2, R5.3), within the unit's quota (R5.2, R6.3), in one transaction",
  tag: TAG,
  params: applicationParams,
  body: opinionBody.clone().register(z.globalRegistry, { id: "Recommendation" }),
  response: z.extend(reviewResult, {
    quota: z
      .optional(
        z.object({
          pool: z.enum(["post_structure", "grassroots"]),
          rule: z.string(),
          posts: z.int(),
          holders: z.int(),
        }),
      )
      .check(z.describe("The unit cap the recommendation counts against; absent when none binds it (R6.3)")),
  }),
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "GRASSROOTS_SENIOR_QUOTA_FULL",
    "HOLIDAY_CALENDAR_MISSING",
    "INVALID_TRANSITION",
    "MAKER_CHECKER",
    "OBJECTION_UNRESOLVED",
    "POST_RATIO_FULL",
    "POST_STRUCTURE_UNKNOWN",
    "PUBLICITY_NOT_FINISHED",
    "PUBLICITY_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "UNIT_ACCOUNTS_INCOMPLETE",
    "WINDOW_NOT_OPEN",
  ],
});

export const resolveObjection = defineRoute({
  operationId: "resolveObjection",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/objections/{objectionId}/resolution",
  group: "review",
  access: "authenticated",
  summary:
    "The unit's handler records how an objection was resolved (§7): upheld, and the application returned " +
    "or cancelled (R5.5), or dismissed with the reason",
  tag: TAG,
  params: z.extend(applicationParams, {
    objectionId: z
      .string()
      .check(z.regex(/^o[0-9a-z]{8,40}$/, "异议编号格式不正确"))
      .check(z.meta({ minLength: 9, maxLength: 41 })),
  }),
  body: strictBody({
    outcome: z.enum(["upheld", "dismissed"], { error: "处理结果应为 upheld（属实）或 dismissed（不属实）" }),
    followUp: z
      .optional(
        z.enum(["return", "cancel"], { error: "属实时应选择 return（退回修改）或 cancel（取消申报）" }),
      )
      .check(z.describe("Upheld only: return the application to the applicant, or cancel it (R5.5)")),
    reason: z
      .string({ error: "请写明核查情况和处理理由" })
      .check(z.trim())
      .check(z.minLength(2, "处理理由至少2个字"))
      .check(z.maxLength(1000, "处理理由最多1000字")),
    expectedVersion: expectedVersionField.check(
      z.describe("The application's version read before answering"),
    ),
  })
    .check(
      z.refine((body) => body.outcome === "dismissed" || body.followUp !== undefined, {
        message: "异议属实时须选择后续处理：退回修改或取消申报",
        path: ["followUp"],
      }),
    )
    .check(
      z.refine((body) => body.outcome === "upheld" || body.followUp === undefined, {
        message: "异议不属实时不能选择后续处理",
        path: ["followUp"],
      }),
    )
    .register(z.globalRegistry, { id: "ObjectionResolution" }),
  response: z.object({
    objectionId: z.string(),
    status: z.enum(["upheld", "dismissed"]),
    application: reviewResult,
  }),
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "INVALID_TRANSITION",
    "OBJECTION_NOT_FOUND",
    "OBJECTION_RESOLVED",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "UNIT_ACCOUNTS_INCOMPLETE",
    "WINDOW_NOT_OPEN",
  ],
});
