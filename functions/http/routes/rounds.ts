import { z } from "zod";
import { PHASES } from "../../core/calendar";
import { defineRoute } from "../route-spec";

export const roundIdParams = z.object({
  roundId: z.string().regex(/^\d{4}[a-z0-9-]*$/, "轮次编号格式不正确"),
});

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
    }),
    calendarText: z.record(z.string(), z.string()).describe("北京时间的可读日程"),
    openPhase: z.enum(PHASES).nullable().describe("此刻开放的阶段"),
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

export const getRoundAdmin = defineRoute({
  operationId: "getRoundAdmin",
  method: "GET",
  path: "/admin/rounds/{roundId}",
  group: "admin",
  access: "authenticated",
  summary: "A round's full state for the title office: generation and the phases the workflow opened",
  tag: "省职改办",
  params: roundIdParams,
  response: publicRound.extend({
    generation: z.number().int(),
    openedPhases: z.array(z.enum(PHASES)),
    version: z.number().int(),
  }),
});

const wallTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为“YYYY-MM-DD HH:mm”（北京时间）");

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
      expectedVersion: z
        .number()
        .int()
        .positive()
        .describe("The round version read before editing (optimistic locking)"),
      defenseAt: wallTime.optional(),
      committeeMeetingAt: wallTime.optional(),
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
