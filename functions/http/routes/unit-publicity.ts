import * as z from "zod/mini";
import { integer } from "../../core/validation/integer";
import { defineRoute } from "../route-spec";
import { publicNoticeView, staffNoticeView } from "../views/notice-view";
import { cursorQuery, dateField, expectedVersionField, orgIdField, phoneField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "单位公示与异议";

/** Objections are untrusted text from anyone: bounded, plain text only (§7). */
export const OBJECTION_MAX_CHARACTERS = 2000;
const MARKUP = /<\/?[a-z!?][^>]*>/i;

const noticeParams = z.extend(roundIdParams, { noticeId: z.uuid("公示编号格式不正确") });

export const openUnitPublicity = defineRoute({
  operationId: "openUnitPublicity",
  method: "POST",
  path: "/rounds/{roundId}/units/{unitId}/notices",
  group: "review",
  access: "authenticated",
  summary:
    "The unit's handler posts a publicity notice listing submitted applications (R4.2): at least 5 calendar " +
    "days, longer for 破格 and 基层有效 applicants as the round's notice settings say (R5.3); public at once",
  tag: TAG,
  params: z.extend(roundIdParams, { unitId: orgIdField }),
  body: strictBody({
    title: z.optional(
      z
        .string({ error: "公示标题应为文字" })
        .check(z.trim())
        .check(z.minLength(4, "公示标题至少4个字"))
        .check(z.maxLength(100, "公示标题最多100字")),
    ),
    publicityScope: z
      .string({ error: "请写明公示范围（如：本单位公告栏及内部网站）" })
      .check(z.trim())
      .check(z.minLength(2, "公示范围至少2个字"))
      .check(z.maxLength(200, "公示范围最多200字"))
      .check(
        z.describe("Where and to whom the notice is shown (公示范围); widen it for 破格 and 基层有效 (R5.3)"),
      ),
    lastDay: dateField.check(
      z.describe("The notice's last day: it ends at 24:00 Beijing time that day (R3.1)"),
    ),
    applications: z
      .array(
        z.strictObject({
          applicationId: z.uuid("申报编号格式不正确"),
          expectedVersion: expectedVersionField,
        }),
        {
          error: "请列出公示的申报",
        },
      )
      .check(z.minLength(1, "请至少列出一份申报"))
      .check(z.maxLength(20, "一次公示最多列出20份申报"))
      .check(
        z.refine(
          (items) => new Set(items.map((item) => item.applicationId)).size === items.length,
          "同一申报不能重复列出",
        ),
      ),
  }).register(z.globalRegistry, { id: "OpenUnitPublicity" }),
  successStatus: 201,
  response: staffNoticeView,
  errors: [
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEADLINE_PASSED",
    "INVALID_TRANSITION",
    "NOTICE_EXISTS",
    "PUBLICITY_AFTER_CUTOFF",
    "PUBLICITY_TOO_SHORT",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "UNIT_ACCOUNTS_INCOMPLETE",
    "WINDOW_NOT_OPEN",
  ],
});

export const listNotices = defineRoute({
  operationId: "listNotices",
  method: "GET",
  path: "/rounds/{roundId}/notices",
  group: "publicity",
  access: "public",
  summary: "The round's unit publicity notices, running and ended, newest first; optionally of one unit (§7)",
  tag: TAG,
  params: roundIdParams,
  query: z.extend(cursorQuery, { unitId: z.optional(orgIdField) }),
  response: z.object({ notices: z.array(publicNoticeView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const getNotice = defineRoute({
  operationId: "getNotice",
  method: "GET",
  path: "/rounds/{roundId}/notices/{noticeId}",
  group: "publicity",
  access: "public",
  summary: "One notice with its listed applicants, personal identifiers masked (§7)",
  tag: TAG,
  params: noticeParams,
  response: publicNoticeView,
});

export const lodgeObjection = defineRoute({
  operationId: "lodgeObjection",
  method: "POST",
  path: "/rounds/{roundId}/notices/{noticeId}/objections",
  group: "publicity",
  access: "public",
  summary:
    "Anyone lodges an objection against a listed applicant while the notice runs (§7), no login: plain text, " +
    "bounded, limited per client address; the contact is for the unit only and never shown publicly",
  tag: TAG,
  params: noticeParams,
  body: strictBody({
    entry: integer("请填写异议针对的公示序号", "公示序号应为整数")
      .check(z.gte(1, "公示序号从1开始"))
      .check(z.lte(999_999, "公示序号不正确"))
      .check(z.describe("The applicant's entry number")),
    content: z
      .string({ error: "请填写异议内容" })
      .check(z.trim())
      .check(z.refine((text) => [...text].length >= 10, "请具体写明异议的事实和依据（至少10个字）"))
      .check(
        z.refine(
          (text) => [...text].length <= OBJECTION_MAX_CHARACTERS,
          `异议内容最多${OBJECTION_MAX_CHARACTERS}字`,
        ),
      )
      .check(z.refine((text) => !MARKUP.test(text), "异议内容只能是文字，不能包含网页标记（HTML）"))
      .check(z.meta({ minLength: 10, maxLength: OBJECTION_MAX_CHARACTERS })),
    contact: z
      .optional(
        z.strictObject({
          name: z.optional(
            z
              .string({ error: "姓名应为文字" })
              .check(z.trim())
              .check(z.minLength(1, "请填写姓名"))
              .check(z.maxLength(30, "姓名最多30字")),
          ),
          phone: z.optional(phoneField),
        }),
      )
      .check(z.describe("Optional: how the unit may reach the objector; never shown publicly")),
  }).register(z.globalRegistry, { id: "LodgeObjection" }),
  successStatus: 201,
  response: z
    .object({ objectionId: z.string(), lodgedAt: z.iso.datetime(), message: z.string() })
    .register(z.globalRegistry, { id: "ObjectionReceipt" }),
  errors: ["CONCURRENT_UPDATE", "NOTICE_CLOSED", "TOO_MANY_OBJECTIONS"],
});
