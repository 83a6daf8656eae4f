import { z } from "zod";
import { boundaryTextSchema, PHASES } from "../../core/calendar";
import { ELIGIBILITY_RULE_SET_IDS } from "../../core/eligibility";
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
      preparation: interval.describe("系统预准备"),
      application: interval.describe("个人正式申报"),
      review: interval.describe("审核"),
      receiptCutoff: z.iso.datetime().describe("评委会接收材料截止（此刻起不再接收）"),
      defenseAt: z.iso.datetime().optional().describe("答辩时间（另行通知）"),
      committeeMeetingAt: z.iso.datetime().optional().describe("评审会议时间（另行通知）"),
      achievementCutoff: z.string().describe("业绩截止日期 R6.1"),
      seniorityReferenceDate: z.string().describe("任职年限计算截止日期 R6.2"),
      notices: z
        .object({
          unitPublicityDays: z.number().int(),
          extendedPublicityDays: z.number().int(),
          resultNoticeWorkingDays: z.number().int(),
        })
        .describe("公示最短期限（R4.2、R5.3、R4.5）"),
    }),
    calendarText: z.record(z.string(), z.string()).describe("北京时间的可读日程"),
    eligibilityRuleSet: z
      .object({ id: z.enum(ELIGIBILITY_RULE_SET_IDS), label: z.string() })
      .describe("该年度施行的申报条件规则（R1.5 退休年龄表）"),
    state: z
      .enum(ROUND_STATES)
      .describe("upcoming 未开始（预准备前）; running 进行中; finished 已结束（资格文件已登记）"),
    stateText: z.string(),
    openPhase: z.enum(PHASES).nullable().describe("此刻开放的阶段"),
    testData: z.boolean().describe("预准备期间（重置前）写入的一切都是测试数据，重置时清除（R3.3、R3.5）"),
  })
  .meta({ id: "PublicRound" });

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

const adminRound = publicRound
  .extend({
    generation: z.number().int(),
    openedPhases: z.array(z.enum(PHASES)),
    version: z.number().int(),
    reminders: z
      .object({ unitReviewDaysBefore: z.number().int(), departmentReviewDaysBefore: z.number().int() })
      .describe("Days before the review cutoffs the waiting units and departments are reminded, at 09:00"),
  })
  .meta({ id: "AdminRound" });

export const getRoundAdmin = defineRoute({
  operationId: "getRoundAdmin",
  method: "GET",
  path: "/admin/rounds/{roundId}",
  group: "admin",
  access: "authenticated",
  summary: "A round's full state for the title office: generation and the phases the workflow opened",
  tag: "省职改办",
  params: roundIdParams,
  response: adminRound,
});

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
  body: roundDefinitionSchema.meta({ id: "CreateRound" }),
  successStatus: 201,
  response: adminRound,
});

const movedBoundary = z.object({
  boundary: z.enum(BOUNDARIES),
  before: z.string().nullable().describe("北京时间"),
  after: z.string().describe("北京时间"),
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
    .object({
      expectedVersion: expectedVersionField,
      reason: z
        .string()
        .trim()
        .min(4, "请写明调整理由（如依据的通知文号），4 至 500 字")
        .max(500, "调整理由不超过 500 字"),
      calendar: calendarChangesSchema.describe("只写要调整的时间节点，未写的保持不变"),
    })
    .strict()
    .meta({ id: "AmendRoundCalendar" }),
  response: adminRound.extend({ moved: z.array(movedBoundary) }),
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
    .object({
      expectedVersion: expectedVersionField,
      defenseAt: boundaryTextSchema.optional(),
      committeeMeetingAt: boundaryTextSchema.optional(),
    })
    .strict()
    .refine((body) => body.defenseAt !== undefined || body.committeeMeetingAt !== undefined, {
      message: "请至少给出答辩时间或评审会议时间之一",
    })
    .meta({ id: "ScheduleMeetings" }),
  response: z.object({
    roundId: z.string(),
    version: z.number().int(),
    calendarText: z.record(z.string(), z.string()),
  }),
});
