import * as z from "zod/mini";
import { addDays, type PlainDate } from "./plain-date";
import { shanghai, shanghaiDateOf } from "./shanghai-time";
import { isWorkingDay } from "./working-days";

/** How long a notice must stay up: unit publicity in calendar days (R4.2, R5.3), results in working days (R4.5). */
export interface NoticeLength {
  days: number;
  unit: "calendar_days" | "working_days";
}

/** Minimum notice lengths of a round. */
export interface NoticeSettings {
  /** R4.2 公示期不少于5天. */
  unitPublicityDays: number;
  /** R5.3 破格晋升 and 基层有效: "适当延长公示期", so strictly longer than the ordinary publicity. */
  extendedPublicityDays: number;
  /** R4.5 评审结果公示不少于5个工作日. */
  resultNoticeWorkingDays: number;
}

export const NOTICE_DEFAULTS: Readonly<NoticeSettings> = {
  unitPublicityDays: 5,
  extendedPublicityDays: 7,
  resultNoticeWorkingDays: 5,
};

// A round may lengthen the notice's minimums, never shorten them.
export const noticeSettingsSchema = z
  .object({
    unitPublicityDays: z.int().check(z.gte(NOTICE_DEFAULTS.unitPublicityDays)),
    extendedPublicityDays: z.int(),
    resultNoticeWorkingDays: z.int().check(z.gte(NOTICE_DEFAULTS.resultNoticeWorkingDays)),
  })
  .check(
    z.refine((settings) => settings.extendedPublicityDays > settings.unitPublicityDays, {
      path: ["extendedPublicityDays"],
      message: "破格晋升、基层有效人员的公示期须长于一般公示期",
    }),
  );

export function unitPublicityLength(settings: NoticeSettings, extended: boolean): NoticeLength {
  return {
    days: extended ? settings.extendedPublicityDays : settings.unitPublicityDays,
    unit: "calendar_days",
  };
}

export function resultNoticeLength(settings: NoticeSettings): NoticeLength {
  return { days: settings.resultNoticeWorkingDays, unit: "working_days" };
}

/**
 * Notices are counted in whole Beijing days, as an office counts them: the start day counts only when
 * the notice is up from its 00:00; a notice posted at 10:00 counts from the next day (the Civil Code's
 * rule that the starting day is not counted, art. 201). A notice of N days ends at 24:00 of its N-th
 * counted day, i.e. the exclusive next-day 00:00. A last day that falls on a holiday is not extended:
 * the rule sets a minimum length, and the working-day notice (R4.5) already skips holidays.
 */
function firstCountedDay(start: Date): PlainDate {
  const startDate = shanghaiDateOf(start);
  return shanghai(startDate, "00:00").getTime() === start.getTime() ? startDate : addDays(startDate, 1);
}

function requirePositiveDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`a notice lasts a whole number of days ≥ 1: ${days}`);
  }
}

export function calendarDaysNoticeEnd(start: Date, days: number): Date {
  requirePositiveDays(days);
  return shanghai(addDays(firstCountedDay(start), days - 1), "24:00");
}

/** Counts days the PRC works (make-up weekend days included, holidays skipped). */
export function workingDaysNoticeEnd(start: Date, days: number): Date {
  requirePositiveDays(days);
  let day = addDays(firstCountedDay(start), -1);
  let counted = 0;
  while (counted < days) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return shanghai(day, "24:00");
}

export function noticeEnd(start: Date, length: NoticeLength): Date {
  return length.unit === "working_days"
    ? workingDaysNoticeEnd(start, length.days)
    : calendarDaysNoticeEnd(start, length.days);
}

/** True from the instant the minimum length has elapsed (the end itself is already satisfied). */
export function isNoticeSatisfied(start: Date, length: NoticeLength, now: Date): boolean {
  return now >= noticeEnd(start, length);
}
