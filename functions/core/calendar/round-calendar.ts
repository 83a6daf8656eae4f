import * as z from "zod/mini";
import { DomainError } from "../errors";
import { NOTICE_DEFAULTS, type NoticeSettings, noticeSettingsSchema } from "./notices";
import { type PlainDate, plainDateSchema } from "./plain-date";
import { wallTimeSchema } from "./shanghai-time";

/** The phases the round workflow opens (R3). Each closes by the clock at its `to`, never by an event. */
export const PHASES = ["preparation", "application", "review"] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  preparation: "系统预准备",
  application: "个人正式申报",
  review: "审核",
};

/** `from` inclusive, `to` exclusive (R3.1: "D日24时" is D+1 00:00, already outside). */
export interface Interval {
  from: Date;
  to: Date;
}

/**
 * One round's calendar (R3.4: data on the round, not code). The reset happens at `preparation.to`
 * (R3.2, R3.3).
 */
export interface RoundCalendar {
  preparation: Interval;
  application: Interval;
  review: Interval;
  /** The committee stops receiving materials (R3, R7.3). */
  receiptCutoff: Date;
  /** 另行通知: unset until an admin announces them. */
  defenseAt?: Date | undefined;
  committeeMeetingAt?: Date | undefined;
  /** R6.1: achievements obtained on or before this date count. */
  achievementCutoff: PlainDate;
  /** R6.2: seniority is counted up to and including this date. */
  seniorityReferenceDate: PlainDate;
  notices: NoticeSettings;
}

const intervalSchema = z
  .object({ from: wallTimeSchema, to: wallTimeSchema })
  .check(
    z.refine((interval) => interval.from < interval.to, { message: "结束时间须晚于开始时间", path: ["to"] }),
  );

/** Wall times in Beijing time, as the notice writes them: `{ from: "2024-09-11 00:00", to: "2024-10-20 24:00" }`. */
export const roundCalendarSchema = z
  .object({
    preparation: intervalSchema,
    application: intervalSchema,
    review: intervalSchema,
    receiptCutoff: wallTimeSchema,
    defenseAt: z.optional(wallTimeSchema),
    committeeMeetingAt: z.optional(wallTimeSchema),
    achievementCutoff: plainDateSchema,
    seniorityReferenceDate: plainDateSchema,
    notices: z._default(noticeSettingsSchema, NOTICE_DEFAULTS),
  })
  .check(
    z.superRefine((calendar, ctx) => {
      const notBefore = (path: string, earlier: Date, later: Date | undefined, message: string): void => {
        if (later !== undefined && later < earlier) {
          ctx.addIssue({ code: "custom", path: path.split("."), message });
        }
      };
      notBefore(
        "application.from",
        calendar.preparation.to,
        calendar.application.from,
        "个人申报不能早于预准备结束",
      );
      notBefore("review.from", calendar.application.to, calendar.review.from, "审核阶段不能早于个人申报结束");
      notBefore("receiptCutoff", calendar.review.to, calendar.receiptCutoff, "接收材料截止不能早于审核结束");
      notBefore("defenseAt", calendar.receiptCutoff, calendar.defenseAt, "答辩不能早于接收材料截止");
      notBefore(
        "committeeMeetingAt",
        calendar.receiptCutoff,
        calendar.committeeMeetingAt,
        "评审会议不能早于接收材料截止",
      );
      if (calendar.defenseAt !== undefined) {
        notBefore(
          "committeeMeetingAt",
          calendar.defenseAt,
          calendar.committeeMeetingAt,
          "评审会议不能早于答辩",
        );
      }
    }),
  );

export type RoundCalendarSpec = z.input<typeof roundCalendarSchema>;

/**
 * A calendar as the table holds it, validated when it was written: one that no longer parses is a
 * fault of the stored data (an internal error), never the caller's input.
 */
export function storedRoundCalendar(spec: unknown): RoundCalendar {
  const result = roundCalendarSchema.safeParse(spec);
  if (!result.success) throw new Error(`stored round calendar does not parse: ${result.error.message}`);
  return result.data;
}

/**
 * Validates a calendar written in Beijing wall time and returns it with UTC instants. `at` prefixes the
 * field paths of a refusal with where the calendar sits in the request (e.g. `body.calendar.`).
 */
export function parseRoundCalendar(spec: unknown, at = ""): RoundCalendar {
  const result = roundCalendarSchema.safeParse(spec);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: `${at}${issue.path.join(".")}`,
    message: issue.message,
  }));
  throw new DomainError("INVALID_ROUND_CALENDAR", "轮次日程有误，请按提示修改后重新保存", {
    rule: "R3.4",
    fields,
  });
}
