import * as z from "zod/mini";
import { wallTimeSchema } from "../../core/calendar";
import { APPLICATION_STATES, RECEIVED_STATES } from "../../core/lifecycle";
import { integer } from "../../core/validation/integer";
import { defineRoute } from "../route-spec";
import { committeeApplicationView, committeeSummary, panelView } from "../views/committee-view";
import { reviewResult } from "../views/review-view";
import { applicationParams } from "./applications";
import { accountIdField, cursorQuery, expectedVersionField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "评委会评审";

/** The states the committee's desk works through, and the fraud exit it may see them leave by. */
const COMMITTEE_STATES: readonly string[] = [...RECEIVED_STATES, "cancelled"];

const committeeApplicationParams = applicationParams;

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .check(z.trim())
    .check(z.minLength(min, `${what}至少${min}个字`))
    .check(z.maxLength(max, `${what}最多${max}字`));

export const listCommitteeApplications = defineRoute({
  operationId: "listCommitteeApplications",
  method: "GET",
  path: "/rounds/{roundId}/committee/applications",
  group: "review",
  access: "authenticated",
  summary:
    "The applications the committee holds in one state (default: received, awaiting qualification review)",
  tag: TAG,
  params: roundIdParams,
  query: z.extend(cursorQuery, {
    state: z
      ._default(
        z
          .enum(APPLICATION_STATES, { error: "状态不存在" })
          .check(z.refine((state) => COMMITTEE_STATES.includes(state), "只能查询评委会接收材料之后的状态")),
        "received",
      )
      .check(z.describe("One of the states from received to certified, or cancelled")),
  }),
  response: z.object({ applications: z.array(committeeSummary), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const getCommitteeApplication = defineRoute({
  operationId: "getCommitteeApplication",
  method: "GET",
  path: "/rounds/{roundId}/committee/applications/{applicationId}",
  group: "review",
  access: "authenticated",
  summary:
    "One application on the committee's path: qualification review, appraisal, defense and decision. " +
    "Panel and committee members see only those assigned to them",
  tag: TAG,
  params: committeeApplicationParams,
  response: committeeApplicationView,
});

const qualificationReason = z.strictObject({
  rule: z
    .string({ error: "请注明不符合的条款编号" })
    .check(z.regex(/^R\d(\.\d{1,2})?$/, "条款编号格式应如 R1.1、R2.3"))
    .check(z.meta({ minLength: 2, maxLength: 5 }))
    .check(z.describe("The rule of DESIGN.md §2 the applicant does not meet")),
  message: text("不符合的具体情况", 4, 500),
});

export const decideQualification = defineRoute({
  operationId: "decideQualification",
  method: "POST",
  path: "/rounds/{roundId}/committee/applications/{applicationId}/qualification",
  group: "review",
  access: "authenticated",
  summary:
    "The title office's qualification review (资格初审, R4.4): passed, or failed naming each rule not met (R5.1); " +
    "with the office's 中国知网 duplicate ratio of every CNKI-indexed paper (R7.7)",
  tag: TAG,
  params: committeeApplicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    outcome: z.enum(["passed", "failed"], { error: "审查结论应为 passed（通过）或 failed（不通过）" }),
    reasons: z._default(
      z
        .array(qualificationReason, { error: "请逐条列出不符合的条款" })
        .check(z.maxLength(20, "最多列出20条")),
      [],
    ),
    duplicateChecks: z
      ._default(
        z
          .array(
            z.strictObject({
              paperIndex: integer("请指明第几篇论文（paperIndex，从0开始）", "论文序号应为整数")
                .check(z.gte(0, "论文序号从0开始"))
                .check(z.lte(49, "论文序号过大")),
              duplicateRatio: z
                .number({ error: "请填写去除引用文献复制比（%）" })
                .check(z.gte(0, "复制比不能小于0"))
                .check(z.lte(100, "复制比不能大于100")),
            }),
            { error: "请逐篇列出中国知网查重结果" },
          )
          .check(z.maxLength(50, "最多列出50篇论文")),
        [],
      )
      .check(
        z.describe(
          "R7.7: the office's 中国知网 check of each CNKI-indexed paper (去除引用文献复制比, %); required for every " +
            "indexed paper when passing",
        ),
      ),
  })
    .check(
      z.refine((body) => body.outcome === "passed" || body.reasons.length > 0, {
        message: "资格初审不通过时须逐条写明不符合的条款和具体情况，结果将告知申报人",
        path: ["reasons"],
      }),
    )
    .check(
      z.refine((body) => body.outcome === "failed" || body.reasons.length === 0, {
        message: "资格初审通过时不应填写不符合的条款",
        path: ["reasons"],
      }),
    )
    .register(z.globalRegistry, { id: "QualificationDecision" }),
  response: reviewResult,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DUPLICATE_CHECKS_INVALID",
    "INVALID_TRANSITION",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

const memberList = (what: string, max: number) =>
  z
    .array(accountIdField, { error: `请列出${what}的账号编号` })
    .check(z.minLength(1, `请至少列出一名${what}`))
    .check(z.maxLength(max, `${what}最多${max}名`))
    .check(z.refine((ids) => new Set(ids).size === ids.length, `${what}不能重复`));

export const createPanel = defineRoute({
  operationId: "createPanel",
  method: "POST",
  path: "/rounds/{roundId}/panels",
  group: "review",
  access: "authenticated",
  summary: "The organiser forms a defense panel (学科组, R4.5) from accounts holding the panel-member role",
  tag: TAG,
  params: roundIdParams,
  body: strictBody({
    name: text("学科组名称", 2, 50),
    subjects: text("评议的专业方向", 2, 200),
    members: memberList("学科组成员", 15),
  }).register(z.globalRegistry, { id: "NewPanel" }),
  response: panelView,
  successStatus: 201,
  errors: ["CONCURRENT_UPDATE", "NOT_A_ROLE_HOLDER", "PANEL_EXISTS"],
});

export const listPanels = defineRoute({
  operationId: "listPanels",
  method: "GET",
  path: "/rounds/{roundId}/panels",
  group: "review",
  access: "authenticated",
  summary: "The round's defense panels",
  tag: TAG,
  params: roundIdParams,
  query: cursorQuery,
  response: z.object({ panels: z.array(panelView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const scheduleDefense = defineRoute({
  operationId: "scheduleDefense",
  method: "POST",
  path: "/rounds/{roundId}/committee/applications/{applicationId}/defense",
  group: "review",
  access: "authenticated",
  summary:
    "The organiser schedules the applicant's open defense before a panel (R4.5): time and place as " +
    "announced; panel members with a conflict are recused for it (R8.2)",
  tag: TAG,
  params: committeeApplicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    panelId: z.uuid("学科组编号格式不正确"),
    at: wallTimeSchema.check(z.describe("Beijing wall time, YYYY-MM-DD HH:mm")),
    place: text("答辩地点", 2, 100),
  }).register(z.globalRegistry, { id: "DefenseSchedule" }),
  response: z.extend(reviewResult, {
    defense: z.object({
      panelId: z.string(),
      panelName: z.string(),
      at: z.iso.datetime(),
      place: z.string(),
      recused: z.array(z.object({ accountId: z.string(), conflict: z.string() })),
    }),
  }),
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "APPRAISAL_REQUIRED",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEFENSE_BEFORE_ANNOUNCED",
    "DEFENSE_NOT_SCHEDULED",
    "INVALID_TRANSITION",
    "MEETING_NOT_SCHEDULED",
    "PANEL_ALL_RECUSED",
    "PANEL_NOT_FOUND",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});

export const recordDefenseResult = defineRoute({
  operationId: "recordDefenseResult",
  method: "POST",
  path: "/rounds/{roundId}/committee/applications/{applicationId}/defense/result",
  group: "review",
  access: "authenticated",
  summary:
    "A member of the panel records the defense result after it was held (R4.5); the application goes " +
    "to the committee, which decides",
  tag: TAG,
  params: committeeApplicationParams,
  body: strictBody({
    expectedVersion: expectedVersionField,
    outcome: z.enum(["pass", "fail"], { error: "答辩结果应为 pass（通过）或 fail（不通过）" }),
    comments: text("答辩评议意见", 4, 1000),
  }).register(z.globalRegistry, { id: "DefenseResult" }),
  response: reviewResult,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEFENSE_NOT_HELD",
    "DEFENSE_NOT_PENDING",
    "DEFENSE_NOT_SCHEDULED",
    "INVALID_TRANSITION",
    "MEETING_NOT_SCHEDULED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
  ],
});
