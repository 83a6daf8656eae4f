import { z } from "zod";
import { defineRoute } from "../route-spec";
import { reviewResult } from "../views/review-view";
import { applicationParams } from "./applications";
import { cursorQuery, expectedVersionField, strictBody } from "./fields";

const TAG = "诚信与黑名单";

const statement = (what: string, max: number) =>
  z
    .string({ error: `请写明${what}` })
    .trim()
    .min(4, `请写明${what}（至少4个字）`)
    .max(max, `${what}最多${max}字`);

export const blacklistEntryView = z
  .object({
    entryId: z.string(),
    realName: z.string(),
    maskedResidentId: z.string().describe("Never the full number"),
    applicantId: z.string(),
    finding: z.string(),
    roundId: z.string(),
    applicationId: z.string(),
    unitId: z.string(),
    unitAccountability: z.string(),
    handlerAccountability: z.string(),
    decidedBy: z.string(),
    decidedAt: z.iso.datetime(),
    from: z.string().describe("First day barred (Beijing date)"),
    until: z.string().describe("First day the person may apply again (Beijing date)"),
    status: z
      .enum(["active", "lifted", "expired"])
      .describe(
        "active 生效中, lifted 已解除, expired 已期满 (counted from `until` even before it is recorded)",
      ),
    version: z.number().int(),
    lifting: z.object({ reason: z.string(), liftedBy: z.string(), liftedAt: z.iso.datetime() }).optional(),
    expiredAt: z.iso.datetime().optional(),
  })
  .meta({ id: "BlacklistEntry" });

export const cancelForFraud = defineRoute({
  operationId: "cancelForFraud",
  method: "POST",
  path: "/admin/rounds/{roundId}/applications/{applicationId}/fraud-cancellation",
  group: "admin",
  access: "authenticated",
  summary:
    "The title office cancels the application for fraud at any stage (R5.5), puts the person on the blacklist " +
    "for 3 years from the decision (R7.3), records the accountability of the unit and its handler and revokes " +
    "an issued certificate, all in one change",
  tag: TAG,
  params: applicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    finding: statement("认定的弄虚作假事实（如提供虚假材料、剽窃等）", 2000).describe(
      "The facts found; the applicant's timeline shows it as the reason",
    ),
    unitAccountability: statement("对申报单位的责任追究", 1000).describe(
      "R5.5: how the unit that covered for the fraud or lent its account is held accountable",
    ),
    handlerAccountability: statement("对单位经办人的责任追究", 1000).describe(
      "R5.5: how the unit's handler is held accountable",
    ),
  }).meta({ id: "FraudCancellation" }),
  response: reviewResult
    .extend({
      fraudCancellation: z.object({
        finding: z.string(),
        unitAccountability: z.string(),
        handlerAccountability: z.string(),
        blacklistEntryId: z.string(),
        decidedBy: z.string(),
        decidedAt: z.iso.datetime(),
      }),
      blacklistEntry: blacklistEntryView,
      revokedCertificate: z.string().optional().describe("The certificate number revoked with it"),
    })
    .meta({ id: "FraudCancellationResult" }),
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
  response: z.object({ entries: z.array(blacklistEntryView), nextCursor: z.string().optional() }),
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
    expectedVersion: expectedVersionField.optional(),
  }).meta({ id: "BlacklistLifting" }),
  response: blacklistEntryView,
});
