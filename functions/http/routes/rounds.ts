import * as z from "zod/mini";
import { boundaryTextSchema, PHASES } from "../../core/calendar";
import { ELIGIBILITY_RULE_SET_IDS } from "../../core/eligibility";
import type { ErrorCode } from "../../core/error-catalogue";
import {
  BOUNDARIES,
  calendarChangesSchema,
  ROUND_STATES,
  roundDefinitionSchema,
  roundIdSchema,
} from "../../core/rounds";
import { defineRoute } from "../route-spec";
import { expectedVersionField } from "./fields";

export const roundIdParams = z.object({ roundId: roundIdSchema });

const interval = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

export const publicRound = z
  .object({
    roundId: z.string(),
    title: z.string(),
    calendar: z.object({
      preparation: interval.check(z.describe("系统预准备")),
      application: interval.check(z.describe("个人正式申报")),
      review: interval.check(z.describe("审核")),
      receiptCutoff: z.iso.datetime().check(z.describe("评委会接收材料截止（此刻起不再接收）")),
      defenseAt: z.optional(z.iso.datetime()).check(z.describe("答辩时间（另行通知）")),
      committeeMeetingAt: z.optional(z.iso.datetime()).check(z.describe("评审会议时间（另行通知）")),
      achievementCutoff: z.iso.date().check(z.describe("业绩截止日期 R6.1")),
      seniorityReferenceDate: z.iso.date().check(z.describe("任职年限计算截止日期 R6.2")),
      notices: z
        .object({
          unitPublicityDays: z.int(),
          extendedPublicityDays: z.int(),
          resultNoticeWorkingDays: z.int(),
        })
        .check(z.describe("公示最短期限（R4.2、R5.3、R4.5）")),
    }),
    calendarText: z
      .record(z.string(), z.string())
      .check(
        z.describe(
          "The calendar as people read it, each entry labelled 北京时间; `calendar` holds the ISO instants",
        ),
      ),
    eligibilityRuleSet: z
      .object({ id: z.enum(ELIGIBILITY_RULE_SET_IDS), label: z.string() })
      .check(z.describe("该年度施行的申报条件规则（R1.5 退休年龄表）")),
    state: z
      .enum(ROUND_STATES)
      .check(z.describe("upcoming 未开始（预准备前）; running 进行中; finished 已结束（资格文件已登记）")),
    stateText: z.string(),
    openPhase: z.nullable(z.enum(PHASES)).check(z.describe("此刻开放的阶段")),
    testData: z
      .boolean()
      .check(z.describe("预准备期间（重置前）写入的一切都是测试数据，重置时清除（R3.3、R3.5）")),
  })
  .register(z.globalRegistry, { id: "PublicRound" });

export const listRounds = defineRoute({
  operationId: "listRounds",
  method: "GET",
  path: "/rounds",
  group: "publicity",
  access: "public",
  summary: "Rounds and their calendars, public under 四公开 (R5.1)",
  tag: "公开信息",
  response: z.object({ rounds: z.array(publicRound) }),
});

export const getRound = defineRoute({
  operationId: "getRound",
  method: "GET",
  path: "/rounds/{roundId}",
  group: "publicity",
  access: "public",
  summary: "One round's calendar and the phase open now (R3, R5.1)",
  tag: "公开信息",
  params: roundIdParams,
  response: publicRound,
});

const adminRound = z
  .extend(publicRound, {
    generation: z.int(),
    openedPhases: z.array(z.enum(PHASES)),
    version: z.int(),
    reminders: z
      .object({ unitReviewDaysBefore: z.int(), departmentReviewDaysBefore: z.int() })
      .check(
        z.describe("Days before the review cutoffs the waiting units and departments are reminded, at 09:00"),
      ),
  })
  .register(z.globalRegistry, { id: "AdminRound" });

const calendarExecutionNameSchema = z
  .string()
  .check(z.maxLength(80, "执行名称过长"))
  .check(z.regex(/^calendar-[A-Za-z0-9_-]{1,70}$/, "请填写轮次信息中显示的日程流程执行名称（calendar-…）"));

const calendarWorkflow = z
  .object({
    execution: z
      .string()
      .check(
        z.describe(
          "The calendar workflow's current execution (calendar-<round>, then -r1, -r2 … after resumptions)",
        ),
      ),
    status: z.enum(["running", "succeeded", "failed", "absent"]),
    failure: z.optional(
      z.object({
        at: z
          .optional(z.iso.datetime())
          .check(z.describe("When the failure path recorded it (absent when it could not: see the alert)")),
        error: z.string().check(z.describe("The error as Step Functions caught it, for the operators")),
        reason: z.string(),
      }),
    ),
    resume: z
      .optional(
        z.object({
          method: z.literal("POST"),
          path: z.string(),
          body: z.object({ failedExecution: z.string() }),
          note: z.string(),
        }),
      )
      .check(z.describe("Present when the calendar has failed: the request that resumes it")),
  })
  .register(z.globalRegistry, { id: "CalendarWorkflow" });

export const getRoundAdmin = defineRoute({
  operationId: "getRoundAdmin",
  method: "GET",
  path: "/admin/rounds/{roundId}",
  group: "admin",
  access: "authenticated",
  summary:
    "A round's full state for the title office: generation, the phases the workflow opened, and the calendar " +
    "workflow itself — running, or failed with why and how to resume it",
  tag: "省职改办",
  params: roundIdParams,
  response: z.extend(adminRound, { calendarWorkflow }).register(z.globalRegistry, { id: "AdminRoundState" }),
});

export const resumeRoundCalendar = defineRoute({
  operationId: "resumeRoundCalendar",
  method: "POST",
  path: "/admin/rounds/{roundId}/calendar-resumptions",
  group: "admin",
  access: "authenticated",
  summary:
    "Resume the round's calendar workflow after it failed past its retries: a new execution performs what is " +
    "due now, once (what was done is recorded and not done again). Naming the failed execution makes a second " +
    "click join the first resumption; a calendar that has not failed is 409 CALENDAR_NOT_FAILED",
  tag: "省职改办",
  params: roundIdParams,
  body: z
    .strictObject({
      failedExecution: calendarExecutionNameSchema.check(
        z.describe("calendarWorkflow.execution as the round showed it"),
      ),
    })
    .register(z.globalRegistry, { id: "ResumeRoundCalendar" }),
  successStatus: 202,
  errors: ["CONCURRENT_UPDATE", "CALENDAR_NOT_FAILED"],
  response: z
    .object({
      roundId: z.string(),
      execution: z.string().check(z.describe("The execution now running the calendar")),
      resumed: z
        .boolean()
        .check(z.describe("false: another request had resumed it already; this one joined that execution")),
    })
    .register(z.globalRegistry, { id: "RoundCalendarResumed" }),
});

/** Scheduling the defense and the meeting is an amendment of the calendar like any other. */
const CALENDAR_AMENDMENT_ERRORS = [
  "BOUNDARY_PASSED",
  "CALENDAR_UNCHANGED",
  "CONCURRENT_UPDATE",
  "INVALID_ROUND_CALENDAR",
  "STALE_VERSION",
] as const satisfies readonly ErrorCode[];

export const createRound = defineRoute({
  operationId: "createRound",
  method: "POST",
  path: "/admin/rounds",
  group: "admin",
  access: "authenticated",
  summary:
    "Create a year's round with its calendar as the notice writes it (Beijing wall time, “D日24时” as " +
    "“YYYY-MM-DD 24:00”, or ISO 8601 with an offset) and start its calendar workflow (R3.4). Repeating " +
    "the same request answers the same round; another round under a taken id is 409 ROUND_EXISTS",
  tag: "省职改办",
  body: roundDefinitionSchema.clone().register(z.globalRegistry, { id: "CreateRound" }),
  successStatus: 201,
  response: adminRound,
  errors: ["BOUNDARY_IN_PAST", "CONCURRENT_UPDATE", "INVALID_ROUND_CALENDAR", "ROUND_EXISTS"],
});

const movedBoundary = z.object({
  boundary: z.enum(BOUNDARIES),
  before: z.nullable(z.string()).check(z.describe("As the office wrote it, in Beijing wall time (北京时间)")),
  after: z.string().check(z.describe("As the office wrote it, in Beijing wall time (北京时间)")),
  beforeAt: z.nullable(z.iso.datetime()).check(z.describe("The instant `before` names, ISO UTC")),
  afterAt: z.iso.datetime().check(z.describe("The instant `after` names, ISO UTC")),
});

export const amendRoundCalendar = defineRoute({
  operationId: "amendRoundCalendar",
  method: "PUT",
  path: "/admin/rounds/{roundId}/calendar",
  group: "admin",
  access: "authenticated",
  summary:
    "Move calendar boundaries that have not passed — an extension or an earlier close — with the reason, " +
    "audited with before and after; a passed boundary never moves (422 BOUNDARY_PASSED, R3.4). Write paths " +
    "use the new calendar at once; the calendar workflow at its next wake (within 6 hours)",
  tag: "省职改办",
  params: roundIdParams,
  body: z
    .strictObject({
      expectedVersion: expectedVersionField,
      reason: z
        .string()
        .check(z.trim())
        .check(z.minLength(4, "请写明调整理由（如依据的通知文号），4 至 500 字"))
        .check(z.maxLength(500, "调整理由不超过 500 字")),
      calendar: calendarChangesSchema.check(z.describe("只写要调整的时间节点，未写的保持不变")),
    })
    .register(z.globalRegistry, { id: "AmendRoundCalendar" }),
  response: z.extend(adminRound, { moved: z.array(movedBoundary) }),
  errors: CALENDAR_AMENDMENT_ERRORS,
});

export const scheduleMeetings = defineRoute({
  operationId: "scheduleMeetings",
  method: "PUT",
  path: "/admin/rounds/{roundId}/schedule",
  group: "admin",
  access: "authenticated",
  summary: "Announce the defense and committee meeting dates the notice leaves to 另行通知 (R3)",
  tag: "省职改办",
  params: roundIdParams,
  body: z
    .strictObject({
      expectedVersion: expectedVersionField,
      defenseAt: z.optional(boundaryTextSchema),
      committeeMeetingAt: z.optional(boundaryTextSchema),
    })
    .check(
      z.refine((body) => body.defenseAt !== undefined || body.committeeMeetingAt !== undefined, {
        message: "请至少给出答辩时间或评审会议时间之一",
      }),
    )
    .register(z.globalRegistry, { id: "ScheduleMeetings" }),
  response: z.object({
    roundId: z.string(),
    version: z.int(),
    calendarText: z.record(z.string(), z.string()),
  }),
  errors: CALENDAR_AMENDMENT_ERRORS,
});
