import * as z from "zod/mini";
import { BLACKLIST_GROUNDS, blacklistEntryInputSchema } from "../../core/blacklist";
import { defineRoute } from "../route-spec";
import { reviewResult } from "../views/review-view";
import { applicationParams } from "./applications";
import { cursorQuery, expectedVersionField, strictBody } from "./fields";

const TAG = "诚信与黑名单";

/** One import answers within the function's time limit and Lambda's 6 MB payload; larger registers go in parts. */
const MAX_IMPORT_ROWS = 2000;

const documentNumberField = z
  .string()
  .check(z.trim())
  .check(z.minLength(2, "请填写决定文号"))
  .check(z.maxLength(100, "决定文号最多100字"))
  .check(z.describe("The document number of the office's decision, e.g. 甘职改〔2024〕9号"));

const statement = (what: string, max: number) =>
  z
    .string({ error: `请写明${what}` })
    .check(z.trim())
    .check(z.minLength(4, `请写明${what}（至少4个字）`))
    .check(z.maxLength(max, `${what}最多${max}字`));

export const blacklistEntryView = z
  .object({
    entryId: z.string(),
    realName: z.string(),
    maskedResidentId: z.string().check(z.describe("Never the full number")),
    ground: z
      .enum(BLACKLIST_GROUNDS)
      .check(
        z.describe(
          "fraud_in_application 申报弄虚作假, verified_complaint 投诉举报经核实, falsified_upload 上传虚假材料, earlier_register 往年黑名单转入",
        ),
      ),
    decisionDate: z.iso.date().check(z.describe("Beijing date of the decision; the first day barred")),
    documentNumber: z.optional(z.string()).check(z.describe("The decision's document number")),
    reason: z
      .string()
      .check(z.describe("What the person did: the finding of a cancellation, or the decision's words")),
    from: z.iso.date().check(z.describe("First day barred (Beijing date)")),
    until: z.iso.date().check(z.describe("First day the person may apply again (Beijing date)")),
    recordedBy: z.string(),
    recordedAt: z.iso.datetime(),
    importId: z.optional(z.string()).check(z.describe("The bulk import that brought the entry in")),
    cancellation: z
      .optional(
        z.object({
          roundId: z.string(),
          applicationId: z.string(),
          unitId: z.string(),
          applicantId: z.string(),
          unitAccountability: z.string(),
          handlerAccountability: z.string(),
        }),
      )
      .check(
        z.describe(
          "The application whose fraud cancellation decided the entry, and who answers for it (R5.5)",
        ),
      ),
    status: z
      .enum(["active", "lifted", "expired"])
      .check(
        z.describe(
          "active 生效中, lifted 已解除, expired 已期满 (counted from `until` even before it is recorded)",
        ),
      ),
    version: z.int(),
    lifting: z.optional(z.object({ reason: z.string(), liftedBy: z.string(), liftedAt: z.iso.datetime() })),
    expiredAt: z.optional(z.iso.datetime()),
  })
  .register(z.globalRegistry, { id: "BlacklistEntry" });

export const cancelForFraud = defineRoute({
  operationId: "cancelForFraud",
  method: "POST",
  path: "/admin/rounds/{roundId}/applications/{applicationId}/fraud-cancellation",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office cancels an application for fraud at any stage from its first submission on — submitted, " +
    "under review, received, decided or certified, and one a unit already cancelled on an upheld objection " +
    "(R5.5) — puts the person on the blacklist for 3 years from the decision (R7.3), records the accountability " +
    "of the unit and its handler and revokes an issued certificate, all in one change. A draft is the " +
    "applicant's alone and answers 404 like any record out of reach; a person found to have falsified " +
    "materials before submitting is recorded in the register by resident ID number (POST /admin/blacklist)",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    finding: statement("认定的弄虚作假事实（如提供虚假材料、剽窃等）", 2000).check(
      z.describe("The facts found; the applicant's timeline shows it as the reason"),
    ),
    unitAccountability: statement("对申报单位的责任追究", 1000).check(
      z.describe("R5.5: how the unit that covered for the fraud or lent its account is held accountable"),
    ),
    handlerAccountability: statement("对单位经办人的责任追究", 1000).check(
      z.describe("R5.5: how the unit's handler is held accountable"),
    ),
    documentNumber: z.optional(documentNumberField),
  }).register(z.globalRegistry, { id: "FraudCancellation" }),
  response: z
    .extend(reviewResult, {
      fraudCancellation: z.object({
        finding: z.string(),
        unitAccountability: z.string(),
        handlerAccountability: z.string(),
        documentNumber: z.optional(z.string()),
        blacklistEntryId: z.string(),
        decidedBy: z.string(),
        decidedAt: z.iso.datetime(),
      }),
      blacklistEntry: blacklistEntryView,
      revokedCertificate: z.optional(z.string()).check(z.describe("The certificate number revoked with it")),
    })
    .register(z.globalRegistry, { id: "FraudCancellationResult" }),
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "BLACKLIST_ENTRY_EXISTS",
    "CERTIFICATE_RECORD_MISSING",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "FRAUD_ALREADY_RECORDED",
    "INVALID_CURSOR",
    "INVALID_TRANSITION",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

export const recordBlacklistEntry = defineRoute({
  operationId: "recordBlacklistEntry",
  method: "POST",
  path: "/admin/blacklist",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office records a person on the blacklist register by resident ID number (R5.5, R7.3): the " +
    "ground, the decision date (which may lie in the past), the document number, the period (3 years from the " +
    "decision unless `years` or `until` says otherwise) and the reason, audited. The number is kept only as a " +
    "keyed hash and encrypted. The same decision sent again answers the entry already recorded " +
    "(`alreadyRecorded`); other content under the same person, decision date and document number is 409",
  tag: TAG,
  body: blacklistEntryInputSchema.clone().register(z.globalRegistry, { id: "BlacklistEntryInput" }),
  successStatus: 201,
  response: z.extend(blacklistEntryView, {
    alreadyRecorded: z.boolean().check(z.describe("true when the same decision was on the register already")),
  }),
  errors: ["BLACKLIST_ENTRY_EXISTS", "CONCURRENT_UPDATE"],
});

export const importBlacklist = defineRoute({
  operationId: "importBlacklist",
  method: "POST",
  path: "/admin/blacklist/imports",
  group: "admin",
  access: "authenticated",
  summary:
    `Bulk import of an earlier register: up to ${MAX_IMPORT_ROWS} entries (rows) in one request, each as for ` +
    "POST /admin/blacklist. Every row is checked before anything is stored; if any row is wrong nothing is " +
    "stored, and the 400 answer names every wrong row by its number (the first entry is row 1; `fields` paths " +
    "are `body.entries.<row − 1>.<field>`). Rows are then written in transactions of 50, each entry only if its " +
    "decision is not on the register yet, so repeating an import (e.g. after a timeout) stores what is missing " +
    "and reports the rest as `already_recorded`",
  tag: TAG,
  body: strictBody({
    entries: z
      .array(z.unknown(), { error: "entries 应为记录的数组" })
      .check(z.minLength(1, "请至少提交一条记录"))
      .check(
        z.maxLength(
          MAX_IMPORT_ROWS,
          `每次最多导入${MAX_IMPORT_ROWS}条记录，请分批导入（重复导入同一条记录不会重复登记）`,
        ),
      )
      .check(z.meta({ items: { $ref: "#/components/schemas/BlacklistEntryInput" } })),
  }).register(z.globalRegistry, { id: "BlacklistImport" }),
  maxBodyBytes: 4 * 1024 * 1024,
  response: z.object({
    importId: z.string(),
    rows: z.int(),
    recorded: z.int(),
    alreadyRecorded: z.int(),
    entries: z.array(
      z.object({
        row: z.int(),
        entryId: z.string(),
        outcome: z.enum(["recorded", "already_recorded"]),
        status: z.enum(["active", "lifted", "expired"]),
      }),
    ),
  }),
  errors: ["BLACKLIST_IMPORT_INVALID"],
});

export const listBlacklist = defineRoute({
  operationId: "listBlacklist",
  method: "GET",
  path: "/admin/blacklist",
  group: "admin",
  access: "authenticated",
  summary:
    "The blacklist register (R5.5), newest decision first, as each entry stands now; an entry past its end " +
    "is recorded as expired, once, when first seen",
  tag: TAG,
  query: cursorQuery,
  response: z.object({ entries: z.array(blacklistEntryView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const liftBlacklistEntry = defineRoute({
  operationId: "liftBlacklistEntry",
  method: "POST",
  path: "/admin/blacklist/{entryId}/lifting",
  group: "admin",
  access: "authenticated",
  summary: "The title office lifts an entry still in force before its end, saying why (e.g. after review)",
  tag: TAG,
  params: z.object({ entryId: z.uuid("黑名单记录编号格式不正确") }),
  body: strictBody({
    reason: statement("解除的理由", 1000),
    expectedVersion: z.optional(expectedVersionField),
  }).register(z.globalRegistry, { id: "BlacklistLifting" }),
  response: blacklistEntryView,
  errors: [
    "BLACKLIST_ALREADY_LIFTED",
    "BLACKLIST_ENTRY_NOT_FOUND",
    "BLACKLIST_EXPIRED",
    "CONCURRENT_UPDATE",
    "STALE_VERSION",
  ],
});
