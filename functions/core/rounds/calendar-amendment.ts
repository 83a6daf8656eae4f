import * as z from "zod/mini";
import {
  boundaryTextSchema,
  canonicalBoundary,
  formatShanghai,
  NOTICE_DEFAULTS,
  type NoticeSettings,
  noticeSettingsSchema,
  parseBoundary,
  parseRoundCalendar,
  plainDateSchema,
  type RoundCalendarSpec,
} from "../calendar";
import { DomainError, ruleViolation } from "../errors";
import { BOUNDARIES, BOUNDARY_LABELS, type Boundary, boundaryTextOf, withBoundary } from "./boundaries";

const intervalChange = z.strictObject({
  from: z.optional(boundaryTextSchema),
  to: z.optional(boundaryTextSchema),
});

/** The parts of a calendar the office changes; what is left out stays as it is. */
export const calendarChangesSchema = z.strictObject({
  preparation: z.optional(intervalChange),
  application: z.optional(intervalChange),
  review: z.optional(intervalChange),
  receiptCutoff: z.optional(boundaryTextSchema),
  defenseAt: z.optional(boundaryTextSchema),
  committeeMeetingAt: z.optional(boundaryTextSchema),
  achievementCutoff: z.optional(plainDateSchema),
  seniorityReferenceDate: z.optional(plainDateSchema),
  notices: z.optional(noticeSettingsSchema),
});

export type CalendarChanges = z.output<typeof calendarChangesSchema>;

/** A boundary the amendment moves, in the wall time the round stores (null: not set before). */
export interface MovedBoundary {
  boundary: Boundary;
  before: string | null;
  after: string;
}

export interface CalendarAmendment {
  calendar: RoundCalendarSpec;
  moved: MovedBoundary[];
  /** Rule dates and notice minimums that change (fixed once the round has begun). */
  terms: ("achievementCutoff" | "seniorityReferenceDate" | "notices")[];
}

function changedText(changes: CalendarChanges, boundary: Boundary): string | undefined {
  const [phase, end] = boundary.split(".") as [keyof CalendarChanges, "from" | "to" | undefined];
  const value = changes[phase];
  if (end === undefined) return value as string | undefined;
  return (value as { from?: string; to?: string } | undefined)?.[end];
}

function sameNotices(a: NoticeSettings, b: NoticeSettings): boolean {
  return (
    a.unitPublicityDays === b.unitPublicityDays &&
    a.extendedPublicityDays === b.extendedPublicityDays &&
    a.resultNoticeWorkingDays === b.resultNoticeWorkingDays
  );
}

/**
 * R3.4: a boundary that has not passed may move — later (an extension) or earlier, though not into the
 * past — while one that has passed never moves; the rule dates and notice minimums are fixed once the
 * pre-preparation has begun, since applicants are already measured by them. The result keeps the
 * calendar's order (400 otherwise). `at` is where the calendar sits in the request, for field paths.
 */
export function amendCalendar(
  current: RoundCalendarSpec,
  changes: CalendarChanges,
  now: Date,
  at = "body.calendar.",
): CalendarAmendment {
  let calendar = current;
  const moved: MovedBoundary[] = [];
  const refusals: { boundary: string; message: string }[] = [];
  for (const boundary of BOUNDARIES) {
    const text = changedText(changes, boundary);
    if (text === undefined) continue;
    const before = boundaryTextOf(current, boundary);
    const beforeAt = before === undefined ? undefined : parseBoundary(before);
    const afterAt = parseBoundary(text) as Date;
    if (beforeAt?.getTime() === afterAt.getTime()) continue;
    if (beforeAt !== undefined && beforeAt <= now) {
      refusals.push({
        boundary,
        message: `${BOUNDARY_LABELS[boundary]}已于${formatShanghai(beforeAt)}（北京时间）过去，已过去的时间节点不能再调整`,
      });
      continue;
    }
    if (afterAt < now) {
      refusals.push({
        boundary,
        message: `${BOUNDARY_LABELS[boundary]}不能调整到已经过去的时间（现在是${formatShanghai(now)}，北京时间）`,
      });
      continue;
    }
    const after = canonicalBoundary(text);
    calendar = withBoundary(calendar, boundary, after);
    moved.push({ boundary, before: before ?? null, after });
  }

  const terms: CalendarAmendment["terms"] = [];
  if (changes.achievementCutoff !== undefined && changes.achievementCutoff !== current.achievementCutoff) {
    terms.push("achievementCutoff");
  }
  if (
    changes.seniorityReferenceDate !== undefined &&
    changes.seniorityReferenceDate !== current.seniorityReferenceDate
  ) {
    terms.push("seniorityReferenceDate");
  }
  if (changes.notices !== undefined && !sameNotices(changes.notices, current.notices ?? NOTICE_DEFAULTS)) {
    terms.push("notices");
  }
  const begun = (parseBoundary(current.preparation.from) as Date) <= now;
  for (const term of terms) {
    if (begun) {
      refusals.push({
        boundary: term,
        message: "轮次已开始（系统预准备已开放），业绩截止日期、任职年限计算日期和公示期限不能再修改",
      });
    } else {
      calendar = { ...calendar, [term]: changes[term] };
    }
  }

  if (refusals.length > 0) {
    throw ruleViolation(
      "R3.4",
      "BOUNDARY_PASSED",
      `${refusals.map((refusal) => refusal.message).join("；")}。`,
      refusals.map((refusal) => ({ path: `${at}${refusal.boundary}`, message: refusal.message })),
    );
  }
  if (moved.length === 0 && terms.length === 0) {
    throw new DomainError("CALENDAR_UNCHANGED", "提交的日程与现行日程相同，没有需要调整的内容。");
  }
  parseRoundCalendar(calendar, at);
  return { calendar, moved, terms };
}
