import { z } from "zod";
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
  params: roundIdParams.extend({ departmentId: orgIdField }),
  query: stateQuery,
  response: z.object({ applications: z.array(reviewSummary), nextCursor: z.string().optional() }),
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
  body: strictBody(feedbackFields).meta({ id: "DepartmentReturn" }),
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
  body: opinionBody.meta({ id: "DepartmentApproval" }),
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
          .trim()
          .min(2, "请写明需要查验的原件")
          .max(100, "每项最多100字"),
        {
          error: "请列出需要查验的原件",
        },
      )
      .min(1, "请至少列出一项原件")
      .max(20, "最多列出20项原件"),
    note: z
      .string({ error: "说明应为文字" })
      .trim()
      .max(500, "说明最多500字")
      .optional()
      .describe("When and where to bring them"),
  }).meta({ id: "OriginalsRequired" }),
  response: reviewResult.extend({
    originalsRequired: z.object({
      items: z.array(z.string()),
      note: z.string().optional(),
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
