import * as z from "zod/mini";
import { APPLICATION_STATES } from "../../core/lifecycle";
import { defineRoute } from "../route-spec";
import { issuanceView } from "../views/certificate-view";
import { officeObjectionView, publishedResultsView } from "../views/result-notice-view";
import { reviewResult } from "../views/review-view";
import { applicationParams } from "./applications";
import { dateField, expectedVersionField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "评审结果公示与证书";

export const publishResultNotice = defineRoute({
  operationId: "publishResultNotice",
  method: "POST",
  path: "/admin/rounds/{roundId}/result-notices",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office publishes the round's results: every approved application on ONE public notice of at " +
    "least 5 working days from the next day (R4.5, §7). Calling again publishes what is left onto the same " +
    "notice, or answers it as it stands",
  tag: TAG,
  params: roundIdParams,
  body: strictBody({
    title: z.optional(
      z
        .string({ error: "公示标题应为文字" })
        .check(z.trim())
        .check(z.minLength(4, "公示标题至少4个字"))
        .check(z.maxLength(100, "公示标题最多100字")),
    ),
    publicityScope: z
      .string({ error: "请写明公示范围（如：甘肃省人力资源和社会保障厅门户网站）" })
      .check(z.trim())
      .check(z.minLength(2, "公示范围至少2个字"))
      .check(z.maxLength(200, "公示范围最多200字"))
      .check(z.describe("Where the notice is published (公示范围)")),
  }).register(z.globalRegistry, { id: "PublishResultNotice" }),
  response: publishedResultsView,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "HOLIDAY_CALENDAR_MISSING",
    "INVALID_CURSOR",
    "INVALID_TRANSITION",
    "NOTHING_TO_PUBLISH",
    "RESULT_NOTICE_CLOSED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

const resultObjectionParams = z.extend(applicationParams, {
  objectionId: z
    .string()
    .check(z.regex(/^o[0-9a-z]{8,40}$/, "异议编号格式不正确"))
    .check(z.meta({ minLength: 9, maxLength: 41 })),
});

export const listApplicationObjections = defineRoute({
  operationId: "listApplicationObjections",
  method: "GET",
  path: "/admin/rounds/{roundId}/applications/{applicationId}/objections",
  group: "admin",
  access: "authenticated",
  summary:
    "The objections lodged against one application, newest first, with the objector's contact: the office " +
    "resolves those against the result notice (§7)",
  tag: TAG,
  params: applicationParams,
  response: z.object({
    applicationId: z.string(),
    state: z.enum(APPLICATION_STATES),
    version: z.int().check(z.describe("Send it back as expectedVersion when upholding with cancellation")),
    unresolvedObjections: z.int(),
    objections: z.array(officeObjectionView),
  }),
});

export const resolveResultObjection = defineRoute({
  operationId: "resolveResultObjection",
  method: "POST",
  path: "/admin/rounds/{roundId}/applications/{applicationId}/objections/{objectionId}/resolution",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office resolves an objection against the result notice (§7): dismissed with the reason, or " +
    "upheld — with followUp cancel the application is cancelled (R5.5) in the same transaction",
  tag: TAG,
  params: resultObjectionParams,
  body: strictBody({
    outcome: z.enum(["upheld", "dismissed"], { error: "处理结果应为 upheld（属实）或 dismissed（不属实）" }),
    followUp: z
      .optional(z.enum(["cancel"], { error: "属实且须取消申报资格时选择 cancel" }))
      .check(z.describe("Upheld only: cancel the application (R5.5); without it the result stands")),
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
      z.refine((body) => body.outcome === "upheld" || body.followUp === undefined, {
        message: "异议不属实时不能选择后续处理",
        path: ["followUp"],
      }),
    )
    .register(z.globalRegistry, { id: "ResultObjectionResolution" }),
  response: z.object({
    objectionId: z.string(),
    status: z.enum(["upheld", "dismissed"]),
    application: reviewResult,
  }),
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "INVALID_TRANSITION",
    "OBJECTION_NOT_FOUND",
    "OBJECTION_RESOLVED",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

export const issueQualificationDocument = defineRoute({
  operationId: "issueQualificationDocument",
  method: "POST",
  path: "/admin/rounds/{roundId}/qualification-document",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office records the round's qualification document once (文号, 发文日期; another one is 409), " +
    "after the result notice has ended, then issues a certificate to every application on the notice with no " +
    "objection unresolved (R4.5, R4.6). The answer lists the certified and those held back with the rule; " +
    "calling again continues",
  tag: TAG,
  params: roundIdParams,
  body: strictBody({
    documentNumber: z
      .string({ error: "请填写资格文件文号（如：甘职改办〔2025〕1号）" })
      .check(z.trim())
      .check(z.minLength(4, "文号至少4个字"))
      .check(z.maxLength(60, "文号最多60字"))
      .check(z.describe("The document number (文号), e.g. 甘职改办〔2025〕1号")),
    issuedOn: dateField.check(z.describe("The document's date (发文日期), printed on the certificates")),
  }).register(z.globalRegistry, { id: "QualificationDocument" }),
  response: issuanceView,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CERTIFICATE_NUMBER_TAKEN",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "HOLIDAY_CALENDAR_MISSING",
    "INVALID_CURSOR",
    "INVALID_TRANSITION",
    "ISSUE_DATE_INVALID",
    "OBJECTION_UNRESOLVED",
    "QUALIFICATION_DOCUMENT_CONFLICT",
    "RESULT_NOTICE_NOT_FINISHED",
    "RESULT_NOT_PUBLISHED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});
