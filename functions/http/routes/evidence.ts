import * as z from "zod/mini";
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_SLOTS } from "../../core/forms";
import { integer } from "../../core/validation/integer";
import { defineRoute } from "../route-spec";
import { evidenceView } from "../views/evidence-view";
import { applicationParams } from "./applications";
import { strictBody } from "./fields";

const TAG = "申报材料";
const SLOT_IDS = EVIDENCE_SLOTS.map((slot) => slot.id) as [string, ...string[]];
const evidenceParams = z.extend(applicationParams, { evidenceId: z.uuid("材料编号格式不正确") });

export const requestEvidenceUpload = defineRoute({
  operationId: "requestEvidenceUpload",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence",
  group: "submission",
  access: "authenticated",
  summary:
    "Ask to upload one file to an evidence slot: answers a presigned POST whose policy pins an incoming " +
    "(quarantine) key, the content type and the size range, and `expiresAt`, the instant the POST stops " +
    "working (DESIGN.md §6); PDF, JPG or PNG only (R7.3). Refused or expired uploads at the same place are " +
    "cleared by the new one",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    slotId: z.enum(SLOT_IDS, { error: "材料栏目不存在，请从申报表中的材料栏目选择" }),
    index: z
      .optional(
        integer("条目序号应为数字", "条目序号应为整数")
          .check(z.gte(0, "条目序号从0开始"))
          .check(z.lte(99, "条目序号过大")),
      )
      .check(z.describe("For slots per item: the item's position in its list (0-based)")),
    year: z
      .optional(
        integer("年度应为数字", "年度应为整数")
          .check(z.gte(1950, "年度不正确"))
          .check(z.lte(2100, "年度不正确")),
      )
      .check(z.describe("For slots per year (annual assessments)")),
    contentType: z.enum(EVIDENCE_CONTENT_TYPES, {
      error: "只能上传PDF文件（application/pdf）或JPG、PNG图片（image/jpeg、image/png）",
    }),
    size: integer("请提供文件大小（字节）", "文件大小应为整数（字节）")
      .check(z.gte(1, "不能上传空文件"))
      .check(z.describe("Bytes; the server checks the real size again after the upload")),
    fileName: z
      .string({ error: "请提供文件名" })
      .check(z.trim())
      .check(z.minLength(1, "请提供文件名"))
      .check(z.maxLength(200, "文件名最多200个字符")),
  }).register(z.globalRegistry, { id: "RequestEvidenceUpload" }),
  successStatus: 201,
  response: z
    .object({
      evidence: evidenceView,
      upload: z
        .object({
          method: z.literal("POST"),
          url: z.string(),
          fields: z
            .record(z.string(), z.string())
            .check(z.describe("Form fields to send before the file field")),
          fileField: z.literal("file"),
          maxBytes: z.int(),
          expiresAt: z.iso.datetime(),
        })
        .check(z.describe("Send the file as multipart/form-data to url, with every field, the file last")),
    })
    .register(z.globalRegistry, { id: "EvidenceUpload" }),
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EVIDENCE_CHANGED",
    "EVIDENCE_PLACE_INVALID",
    "EVIDENCE_SLOT_FULL",
    "EVIDENCE_TOO_LARGE",
    "EVIDENCE_TYPE_NOT_ACCEPTED",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const completeEvidenceUpload = defineRoute({
  operationId: "completeEvidenceUpload",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence/{evidenceId}/complete",
  group: "submission",
  access: "authenticated",
  summary:
    "After the upload: the server checks the file by its bytes (real format, size, a PDF must open), copies " +
    "exactly those bytes to a key only the service writes, records size, SHA-256, version and pages, and " +
    "deletes the incoming object. A bad file is deleted and recorded as refused; the answer says why and a " +
    "repeated completion gets the same answer (DESIGN.md §6)",
  tag: TAG,
  params: evidenceParams,
  response: evidenceView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EVIDENCE_CHANGED",
    "EVIDENCE_EMPTY",
    "EVIDENCE_NOT_FOUND",
    "EVIDENCE_NOT_UPLOADED",
    "EVIDENCE_PDF_ENCRYPTED",
    "EVIDENCE_PDF_UNREADABLE",
    "EVIDENCE_TOO_LARGE",
    "EVIDENCE_TYPE_MISMATCH",
    "EVIDENCE_TYPE_NOT_ALLOWED",
    "EVIDENCE_UPLOAD_CHANGED",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "UPLOAD_EXPIRED",
    "WINDOW_NOT_OPEN",
  ],
});

export const listEvidence = defineRoute({
  operationId: "listEvidence",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence",
  group: "submission",
  access: "authenticated",
  summary:
    "The application's uploads, pending, verified and refused (with why), in the order they were requested",
  tag: TAG,
  params: applicationParams,
  response: z.object({ evidence: z.array(evidenceView) }),
});

export const getEvidenceDownload = defineRoute({
  operationId: "getEvidenceDownload",
  method: "GET",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence/{evidenceId}/download",
  group: "submission",
  access: "authenticated",
  summary: "A short-lived presigned GET of exactly the verified version of one upload",
  tag: TAG,
  params: evidenceParams,
  response: z
    .object({ url: z.string(), expiresAt: z.iso.datetime(), sha256: z.string() })
    .register(z.globalRegistry, { id: "EvidenceDownload" }),
  errors: ["EVIDENCE_NOT_FOUND", "EVIDENCE_NOT_VERIFIED"],
});

export const deleteEvidence = defineRoute({
  operationId: "deleteEvidence",
  method: "DELETE",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence/{evidenceId}",
  group: "submission",
  access: "authenticated",
  summary:
    "Delete an upload while the application is on the applicant's desk (before submission or after a return)",
  tag: TAG,
  params: evidenceParams,
  successStatus: 204,
  response: z.undefined(),
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EVIDENCE_CHANGED",
    "EVIDENCE_NOT_FOUND",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});

export const mergeEvidenceImages = defineRoute({
  operationId: "mergeEvidenceImages",
  method: "POST",
  path: "/rounds/{roundId}/applications/{applicationId}/evidence/merge",
  group: "submission",
  access: "authenticated",
  summary:
    "Merge ordered verified images of one slot (same item or year) into one PDF made by the server, which " +
    "replaces them (R7.3)",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    evidenceIds: z
      .array(z.uuid("材料编号格式不正确"), { error: "请按页码顺序列出要合并的图片" })
      .check(z.minLength(2, "至少选择2张图片才能合并"))
      .check(z.maxLength(20, "一次最多合并20张图片"))
      .check(z.refine((ids) => new Set(ids).size === ids.length, "同一张图片不能重复选择")),
  }).register(z.globalRegistry, { id: "MergeEvidenceImages" }),
  successStatus: 201,
  response: evidenceView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "DEADLINE_PASSED",
    "EVIDENCE_CHANGED",
    "EVIDENCE_EMPTY",
    "EVIDENCE_MERGE_FAILED",
    "EVIDENCE_MERGE_REFUSED",
    "EVIDENCE_NOT_FOUND",
    "EVIDENCE_PDF_ENCRYPTED",
    "EVIDENCE_PDF_UNREADABLE",
    "EVIDENCE_TOO_LARGE",
    "EVIDENCE_TYPE_MISMATCH",
    "EVIDENCE_TYPE_NOT_ALLOWED",
    "MATERIALS_LOCKED",
    "NOT_EDITABLE",
    "STALE_VERSION",
    "WINDOW_NOT_OPEN",
  ],
});
