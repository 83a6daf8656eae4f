import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { reviewResult, reviewSummary } from "../views/review-view";
import { applicationParams } from "./applications";
import { expectedVersionField, orgIdField, strictBody } from "./fields";
import { feedbackFields, opinionBody, stateQuery } from "./review-fields";
import { roundIdParams } from "./rounds";

const TAG = "审核部门审核";

export const listDepartmentApplications = defineRoute({
  operationId: "listDepartmentApplications",
  method: "GET",
  path: "/rounds/{roundId}/departments/{departmentId}/applications",
  group: "review",
  access: "authenticated",
  summary:
    "What the department's units recommended to it, newest first, as each stands now; optionally in one " +
    "state (R4.3)",
  tag: TAG,
  params: z.extend(roundIdParams, { departmentId: orgIdField }),
  query: stateQuery,
  response: z.object({ applications: z.array(reviewSummary), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const returnApplicationByDepartment = defineRoute({
  operationId: "returnApplicationByDepartment",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/department-return",
  group: "review",
  access: "authenticated",
  summary:
    "The department returns the application with ONE consolidated feedback naming every point (一次性反馈); " +
    "at most 3 returns (R4.3); the applicant fixes it and it comes back through the unit",
  tag: TAG,
  params: applicationParams,
  body: strictBody(feedbackFields).register(z.globalRegistry, { id: "DepartmentReturn" }),
  response: reviewResult,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "DEPARTMENT_RETURN_LIMIT",
    "INVALID_TRANSITION",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const approveApplicationByDepartment = defineRoute({
  operationId: "approveApplicationByDepartment",
  method: "POST",
  path: "/rounds/{roundId}/review/applications/{applicationId}/department-approval",
  group: "review",
  access: "authenticated",
  summary: "The department approves the recommended application (R4.3), until the review cutoff (R3)",
  tag: TAG,
  params: applicationParams,
  body: opinionBody.clone().register(z.globalRegistry, { id: "DepartmentApproval" }),
  response: reviewResult,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "INVALID_TRANSITION",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const requireOriginals = defineRoute({
  operationId: "requireOriginals",
  method: "PUT",
  path: "/rounds/{roundId}/review/applications/{applicationId}/originals-required",
  group: "review",
  access: "authenticated",
  summary: "The department requires originals to be shown (R4.3), naming each document to bring",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    items: z
      .array(
        z
          .string({ error: "原件名称应为文字" })
          .check(z.trim())
          .check(z.minLength(2, "请写明需要查验的原件"))
          .check(z.maxLength(100, "每项最多100字")),
        {
          error: "请列出需要查验的原件",
        },
      )
      .check(z.minLength(1, "请至少列出一项原件"))
      .check(z.maxLength(20, "最多列出20项原件")),
    note: z
      .optional(z.string({ error: "说明应为文字" }).check(z.trim()).check(z.maxLength(500, "说明最多500字")))
      .check(z.describe("When and where to bring them")),
  }).register(z.globalRegistry, { id: "OriginalsRequired" }),
  response: z.extend(reviewResult, {
    originalsRequired: z.object({
      items: z.array(z.string()),
      note: z.optional(z.string()),
      requiredBy: z.string(),
      requiredAt: z.iso.datetime(),
    }),
  }),
  errors: [
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "NOT_UNDER_DEPARTMENT_REVIEW",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});
