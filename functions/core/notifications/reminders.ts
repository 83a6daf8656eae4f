import * as z from "zod/mini";
import { addDays, type PlainDate, type RoundCalendar, shanghai, shanghaiDateOf } from "../calendar";

/** The two review cutoffs reminders precede (R3): a unit's recommendation and a department's review. */
export const REVIEW_CUTOFFS = ["unit_review", "department_review"] as const;
export type ReviewCutoff = (typeof REVIEW_CUTOFFS)[number];

/** Days before each cutoff on which the waiting units and departments are reminded; per round. */
export interface ReminderSettings {
  unitReviewDaysBefore: number;
  departmentReviewDaysBefore: number;
}

export const REMINDER_DEFAULTS: Readonly<ReminderSettings> = {
  unitReviewDaysBefore: 3,
  departmentReviewDaysBefore: 1,
};

const daysBefore = (label: string) =>
  z
    .int({ error: `${label}须为整数天数` })
    .check(z.gte(1, `${label}至少为1天`))
    .check(z.lte(15, `${label}不超过15天`));

export const reminderSettingsSchema = z.strictObject({
  unitReviewDaysBefore: z._default(
    daysBefore("单位审核截止前提醒天数"),
    REMINDER_DEFAULTS.unitReviewDaysBefore,
  ),
  departmentReviewDaysBefore: z._default(
    daysBefore("审核部门审核截止前提醒天数"),
    REMINDER_DEFAULTS.departmentReviewDaysBefore,
  ),
});

/** Reminders go out in office hours, never at the midnight a cutoff falls on. */
const SEND_TIME = "09:00";
const DAY_MS = 24 * 60 * 60 * 1000;

/** One reminder round: a cutoff, and the instant the reminders of its waiting organisations go out. */
export interface ReminderPoint {
  cutoffKind: ReviewCutoff;
  cutoff: Date;
  daysBefore: number;
  sendAt: Date;
  /** The same cutoff is reminded of once: an extended cutoff is a new point. */
  key: string;
  /** No organisation is reminded twice on the same Beijing day for the same cutoff kind. */
  dayKey: string;
}

/** Both end with the review window (DESIGN.md §4: each activity closes by the clock at its deadline). */
export function reviewCutoffOf(_kind: ReviewCutoff, calendar: RoundCalendar): Date {
  return calendar.review.to;
}

function pointOf(kind: ReviewCutoff, calendar: RoundCalendar, settings: ReminderSettings, today: PlainDate) {
  const cutoff = reviewCutoffOf(kind, calendar);
  const days = kind === "unit_review" ? settings.unitReviewDaysBefore : settings.departmentReviewDaysBefore;
  // N days before the cutoff instant, on that Beijing day at 09:00.
  const sendAt = shanghai(shanghaiDateOf(new Date(cutoff.getTime() - days * DAY_MS)), SEND_TIME);
  return {
    cutoffKind: kind,
    cutoff,
    daysBefore: days,
    sendAt,
    key: `${kind}@${cutoff.toISOString()}`,
    dayKey: `${kind}@day@${today}`,
  };
}

/**
 * The reminders due now: each cutoff's point once its send time has come and while the cutoff has not
 * passed, unless that point, or another of the same kind today, is among those recorded as sent.
 */
export function dueReminders(
  calendar: RoundCalendar,
  settings: ReminderSettings,
  sent: readonly string[],
  now: Date,
): ReminderPoint[] {
  const today = shanghaiDateOf(now);
  return REVIEW_CUTOFFS.map((kind) => pointOf(kind, calendar, settings, today)).filter(
    (point) =>
      point.sendAt <= now && now < point.cutoff && !sent.includes(point.key) && !sent.includes(point.dayKey),
  );
}

/** The next instant a reminder falls due, for the round's workflow to wake at. */
export function nextReminderAt(
  calendar: RoundCalendar,
  settings: ReminderSettings,
  now: Date,
): Date | undefined {
  const today = shanghaiDateOf(now);
  const upcoming = REVIEW_CUTOFFS.map((kind) => pointOf(kind, calendar, settings, today).sendAt).filter(
    (at) => at > now,
  );
  return upcoming.length === 0 ? undefined : new Date(Math.min(...upcoming.map((at) => at.getTime())));
}

/**
 * A notice about to end with an objection still open is brought to the unit's handler from 09:00 of the
 * day before its last day (§7: an unresolved objection blocks the recommendation).
 */
export function noticeAlertFrom(lastDay: PlainDate): Date {
  return shanghai(addDays(lastDay, -1), SEND_TIME);
}
