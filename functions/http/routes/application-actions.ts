import * as z from "zod/mini";
import { defineRoute } from "../route-spec";
import { statusView } from "../views/status-view";
import { testDataFields } from "../views/test-data";
import { applicationParams } from "./applications";
import { expectedVersionField, strictBody } from "./fields";

const TAG = "个人申报";

const idempotencyHeaders = z.object({
  "idempotency-key": z
    .string({ error: "请在请求头 Idempotency-Key 中提供本次提交的唯一标识（如 UUID），重试时使用同一标识" })
    .check(z.regex(/^[A-Za-z0-9_-]{8,128}$/, "Idempotency-Key 应为8至128位字母、数字、下划线或连字符"))
    .check(z.meta({ minLength: 8, maxLength: 128 }))
    .check(
      z.describe("One value per intended submission: a retry with the same value gets the first answer"),
    ),
});

const submitted = z
  .object({
    applicationId: z.string(),
    state: z.string(),
    stateLabel: z.string(),
    version: z.int(),
    submission: z.int().check(z.describe("1 for the first submission, then one more per resubmission")),
    submittedAt: z.iso.datetime(),
    pinnedEvidence: z.int().check(z.describe("Evidence pinned by version id and SHA-256 (DESIGN.md §6)")),
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "Submitted" });

export const submitApplication = defineRoute({
  operationId: "submitApplication",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/submit",
  group: "submission",
  access: "authenticated",
  summary:
    "Submit to the employing unit (R4.1): needs the signed pledge, an empty checklist, eligibility (R1, R2) " +
    "and the application window open by the clock (R3); idempotent with the Idempotency-Key header",
  tag: TAG,
  params: applicationParams,
  headers: idempotencyHeaders,
  body: strictBody({ expectedVersion: expectedVersionField }).register(z.globalRegistry, { id: "Submit" }),
  response: submitted,
  errors: [
    "APPLICATION_NOT_FOUND",
    "APPLICATION_NOT_READY",
    "BLACKLISTED",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "EVIDENCE_TYPE_NOT_ACCEPTED",
    "IDEMPOTENCY_KEY_REUSED",
    "INVALID_TRANSITION",
    "NOT_ELIGIBLE",
    "REQUEST_IN_PROGRESS",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const resubmitApplication = defineRoute({
  operationId: "resubmitApplication",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/resubmit",
  group: "submission",
  access: "authenticated",
  summary:
    "Resubmit after a return, once fixed, until the review cutoff (R7.9); the same checks as the first " +
    "submission; idempotent with the Idempotency-Key header",
  tag: TAG,
  params: applicationParams,
  headers: idempotencyHeaders,
  body: strictBody({ expectedVersion: expectedVersionField }).register(z.globalRegistry, { id: "Resubmit" }),
  response: submitted,
  errors: [
    "APPLICATION_NOT_FOUND",
    "APPLICATION_NOT_READY",
    "BLACKLISTED",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "EVIDENCE_TYPE_NOT_ACCEPTED",
    "IDEMPOTENCY_KEY_REUSED",
    "INVALID_TRANSITION",
    "NOT_ELIGIBLE",
    "REQUEST_IN_PROGRESS",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const withdrawApplication = defineRoute({
  operationId: "withdrawApplication",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/withdraw",
  group: "submission",
  access: "authenticated",
  summary: "Withdraw the application before the committee has received it; the person may then start anew",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    reason: z.optional(
      z.string({ error: "撤回原因应为文字" }).check(z.trim()).check(z.maxLength(200, "撤回原因最多200字")),
    ),
  }).register(z.globalRegistry, { id: "Withdraw" }),
  response: statusView,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "INVALID_TRANSITION",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

export const getApplicationStatus = defineRoute({
  operationId: "getApplicationStatus",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}/status",
  group: "submission",
  access: "authenticated",
  summary:
    "The state, what the applicant must do now, and the timeline of every transition with its time, role " +
    "and reason (R7.9)",
  tag: TAG,
  params: applicationParams,
  response: statusView,
});
