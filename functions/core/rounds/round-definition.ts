import * as z from "zod/mini";
import {
  boundaryTextSchema,
  canonicalBoundary,
  NOTICE_DEFAULTS,
  noticeSettingsSchema,
  parseRoundCalendar,
  plainDateSchema,
  type RoundCalendar,
  type RoundCalendarSpec,
  shanghaiDateOf,
} from "../calendar";
import {
  ELIGIBILITY_RULE_SET_IDS,
  ELIGIBILITY_RULE_SETS,
  type EligibilityRuleSetId,
  isRuleSetInForce,
  ruleSetInForce,
} from "../eligibility";
import { DomainError, type FieldIssue, ruleViolation } from "../errors";
import { type ReminderSettings, reminderSettingsSchema } from "../notifications";
import { BOUNDARIES, BOUNDARY_LABELS, boundaryOf } from "./boundaries";

export const roundIdSchema = z
  .string()
  .check(z.maxLength(32))
  .check(z.regex(/^\d{4}[a-z0-9-]*$/, "轮次编号应以四位年度开头，其后只用小写字母、数字和连字符，如 2025"));

const intervalInput = z.strictObject({ from: boundaryTextSchema, to: boundaryTextSchema });

/** A round's calendar as an office writes it: wall times as in the notice, or ISO instants. */
export const calendarInputSchema = z.strictObject({
  preparation: intervalInput.check(z.describe("系统预准备（开始、结束；结束即重置）")),
  application: intervalInput.check(z.describe("个人正式申报")),
  review: intervalInput.check(z.describe("单位和审核部门审核")),
  receiptCutoff: boundaryTextSchema.check(z.describe("评委会停止接收材料")),
  defenseAt: z.optional(boundaryTextSchema).check(z.describe("答辩时间（可另行通知）")),
  committeeMeetingAt: z.optional(boundaryTextSchema).check(z.describe("评审会议时间（可另行通知）")),
  achievementCutoff: plainDateSchema.check(z.describe("业绩截止日期（R6.1）")),
  seniorityReferenceDate: plainDateSchema.check(z.describe("任职年限计算截止日期（R6.2）")),
  notices: z
    .optional(noticeSettingsSchema)
    .check(
      z.describe(
        "公示最短期限：单位公示天数、破格和基层有效的延长天数、结果公示工作日数（R4.2、R5.3、R4.5）",
      ),
    ),
});

export type CalendarInput = z.output<typeof calendarInputSchema>;

/** What the office sends to create a round (R3.4). */
export const roundDefinitionSchema = z.strictObject({
  roundId: roundIdSchema,
  title: z
    .string()
    .check(z.trim())
    .check(z.minLength(4, "请填写轮次名称（4 至 100 字）"))
    .check(z.maxLength(100, "轮次名称不超过 100 字")),
  calendar: calendarInputSchema,
  eligibilityRuleSet: z
    .optional(z.enum(ELIGIBILITY_RULE_SET_IDS))
    .check(z.describe("该年度施行的申报条件规则（退休年龄表）；不填则按年度自动选择")),
  reminders: z
    .optional(reminderSettingsSchema)
    .check(
      z.describe(
        "审核截止前提醒：单位审核截止前几天（默认3天）、审核部门审核截止前几天（默认1天），当日9时提醒",
      ),
    ),
});

export interface RoundDefinition {
  roundId: string;
  title: string;
  calendar: RoundCalendarSpec;
  eligibilityRuleSet: EligibilityRuleSetId;
  /** Only when the office set them; the defaults apply otherwise. */
  reminders?: ReminderSettings;
}

/** Every boundary in the wall-time form the round stores; everything else as written. */
export function canonicalCalendar(input: CalendarInput): RoundCalendarSpec {
  const interval = (span: { from: string; to: string }) => ({
    from: canonicalBoundary(span.from),
    to: canonicalBoundary(span.to),
  });
  return {
    preparation: interval(input.preparation),
    application: interval(input.application),
    review: interval(input.review),
    receiptCutoff: canonicalBoundary(input.receiptCutoff),
    ...(input.defenseAt === undefined ? {} : { defenseAt: canonicalBoundary(input.defenseAt) }),
    ...(input.committeeMeetingAt === undefined
      ? {}
      : { committeeMeetingAt: canonicalBoundary(input.committeeMeetingAt) }),
    achievementCutoff: input.achievementCutoff,
    seniorityReferenceDate: input.seniorityReferenceDate,
    notices: input.notices ?? NOTICE_DEFAULTS,
  };
}

/** The year a round belongs to: the year its applications open. */
export function yearOf(calendar: RoundCalendar): number {
  return Number(shanghaiDateOf(calendar.application.from).slice(0, 4));
}

function invalid(fields: FieldIssue[]): DomainError {
  return new DomainError("INVALID_ROUND_CALENDAR", "轮次日程有误，请按提示修改后重新保存", {
    rule: "R3.4",
    fields,
  });
}

/**
 * A new round as the office defines it (R3.4): the calendar in order, the round id's year the year its
 * applications open, the eligibility rule set in force that year, and no boundary already in the past
 * (a round is created ahead of its calendar; `now` itself is still allowed). Throws 400 naming every
 * wrong field, or 422 for boundaries that have passed.
 */
export function defineRound(input: z.output<typeof roundDefinitionSchema>, now: Date): RoundDefinition {
  const calendar = canonicalCalendar(input.calendar);
  const parsed = parseRoundCalendar(calendar, "body.calendar.");
  const year = yearOf(parsed);
  const fields: FieldIssue[] = [];
  if (year !== Number(input.roundId.slice(0, 4))) {
    fields.push({
      path: "body.calendar.application.from",
      message: `轮次编号为${input.roundId.slice(0, 4)}年度，个人申报开始时间应在该年度内（现为${year}年）`,
    });
  }
  const ruleSet = input.eligibilityRuleSet ?? ruleSetInForce(year);
  if (!isRuleSetInForce(ruleSet, year)) {
    fields.push({
      path: "body.eligibilityRuleSet",
      message: `“${ELIGIBILITY_RULE_SETS[ruleSet].label}”不适用于${year}年度，请选择${ruleSetInForce(year)}`,
    });
  }
  if (fields.length > 0) throw invalid(fields);
  const passed = BOUNDARIES.flatMap((boundary) => {
    const at = boundaryOf(parsed, boundary);
    return at !== undefined && at < now ? [boundary] : [];
  });
  if (passed.length > 0) {
    throw ruleViolation(
      "R3.4",
      "BOUNDARY_IN_PAST",
      `新轮次的时间节点不能早于当前时间：${passed.map((boundary) => BOUNDARY_LABELS[boundary]).join("、")}已经过去，请核对日程。`,
      passed.map((boundary) => ({ path: `body.calendar.${boundary}`, message: "该时间已经过去" })),
    );
  }
  return {
    roundId: input.roundId,
    title: input.title,
    calendar,
    eligibilityRuleSet: ruleSet,
    ...(input.reminders ? { reminders: input.reminders } : {}),
  };
}
