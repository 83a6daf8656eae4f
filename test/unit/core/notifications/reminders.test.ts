import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shanghai } from "../../../../functions/core/calendar";
import {
  dueReminders,
  nextReminderAt,
  noticeAlertFrom,
  REMINDER_DEFAULTS,
  type ReminderPoint,
  reminderSettingsSchema,
} from "../../../../functions/core/notifications";
import { ROUND_2024_CALENDAR as CALENDAR } from "../../../support/round-2024";

const at = (text: string) => new Date(text);
const kinds = (points: ReminderPoint[]) => points.map((point) => point.cutoffKind);
/** What the workflow records once it has sent a point's reminders. */
const sentAfter = (points: ReminderPoint[]) => points.flatMap((point) => [point.key, point.dayKey]);

describe("reminders before the review cutoffs (DESIGN.md §7a): 3 days before for units, 1 for departments, at 09:00", () => {
  it.each([
    ["long before", "2024-10-25T09:00:00+08:00", []],
    ["a minute before the unit reminder", "2024-11-02T08:59:00+08:00", []],
    ["11月2日9时: the units", "2024-11-02T09:00:00+08:00", ["unit_review"]],
    [
      "11月3日: still the units (not sent yet, the workflow was late)",
      "2024-11-03T15:00:00+08:00",
      ["unit_review"],
    ],
    [
      "11月4日9时: the units and the departments",
      "2024-11-04T09:00:00+08:00",
      ["unit_review", "department_review"],
    ],
    [
      "R3.1 the last instant before the cutoff",
      "2024-11-04T23:59:59.999+08:00",
      ["unit_review", "department_review"],
    ],
    ["R3.1 the cutoff itself: too late to remind", "2024-11-05T00:00:00+08:00", []],
  ] as const)("%s", (_, now, expected) => {
    expect(kinds(dueReminders(CALENDAR, REMINDER_DEFAULTS, [], at(now)))).toEqual(expected);
  });

  it("a point sent is not due again; nor is another of the same kind on the same Beijing day", () => {
    const first = dueReminders(CALENDAR, REMINDER_DEFAULTS, [], at("2024-11-02T09:00:00+08:00"));
    expect(
      dueReminders(CALENDAR, REMINDER_DEFAULTS, sentAfter(first), at("2024-11-02T18:00:00+08:00")),
    ).toEqual([]);
    // The office extends the cutoff on the same day: a new point, but not a second reminder today.
    const extended = { ...CALENDAR, review: { ...CALENDAR.review, to: at("2024-11-08T00:00:00+08:00") } };
    const settings = { ...REMINDER_DEFAULTS, unitReviewDaysBefore: 6 };
    expect(dueReminders(extended, settings, sentAfter(first), at("2024-11-02T20:00:00+08:00"))).toEqual([]);
    expect(
      kinds(dueReminders(extended, settings, sentAfter(first), at("2024-11-03T09:00:00+08:00"))),
    ).toEqual(["unit_review"]);
  });

  it("per-round days: one day before for both, the send time follows", () => {
    const settings = { unitReviewDaysBefore: 1, departmentReviewDaysBefore: 1 };
    expect(kinds(dueReminders(CALENDAR, settings, [], at("2024-11-03T10:00:00+08:00")))).toEqual([]);
    expect(kinds(dueReminders(CALENDAR, settings, [], at("2024-11-04T09:00:00+08:00")))).toEqual([
      "unit_review",
      "department_review",
    ]);
    expect(nextReminderAt(CALENDAR, REMINDER_DEFAULTS, at("2024-11-02T10:00:00+08:00"))).toEqual(
      shanghai("2024-11-04", "09:00"),
    );
    expect(nextReminderAt(CALENDAR, REMINDER_DEFAULTS, at("2024-11-04T10:00:00+08:00"))).toBeUndefined();
  });

  it("settings default to 3 and 1; other values are whole days from 1 to 15", () => {
    expect(reminderSettingsSchema.parse({})).toEqual({
      unitReviewDaysBefore: 3,
      departmentReviewDaysBefore: 1,
    });
    for (const wrong of [
      { unitReviewDaysBefore: 0 },
      { departmentReviewDaysBefore: 1.5 },
      { unitReviewDaysBefore: 16 },
      { other: 1 },
    ]) {
      expect(reminderSettingsSchema.safeParse(wrong).success).toBe(false);
    }
  });

  it("property: however the workflow's ticks fall, each kind is reminded at most once, never before its time, never at or after the cutoff", () => {
    const start = at("2024-10-30T00:00:00+08:00").getTime();
    const end = at("2024-11-06T00:00:00+08:00").getTime();
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: start, max: end }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        (instants, unitDays, departmentDays) => {
          const settings = { unitReviewDaysBefore: unitDays, departmentReviewDaysBefore: departmentDays };
          const sent: string[] = [];
          const fired: { kind: string; at: number; sendAt: number }[] = [];
          for (const instant of [...instants].sort((a, b) => a - b)) {
            const due = dueReminders(CALENDAR, settings, sent, new Date(instant));
            sent.push(...sentAfter(due));
            fired.push(
              ...due.map((point) => ({
                kind: point.cutoffKind,
                at: instant,
                sendAt: point.sendAt.getTime(),
              })),
            );
          }
          for (const kind of ["unit_review", "department_review"]) {
            expect(fired.filter((fire) => fire.kind === kind).length).toBeLessThanOrEqual(1);
          }
          for (const fire of fired) {
            expect(fire.at).toBeGreaterThanOrEqual(fire.sendAt);
            expect(fire.at).toBeLessThan(CALENDAR.review.to.getTime());
          }
        },
      ),
    );
  });

  it("§7 a notice ending on 9月17日 is brought to the handler from 9月16日 09:00", () => {
    expect(noticeAlertFrom("2024-09-17")).toEqual(at("2024-09-16T09:00:00+08:00"));
  });
});
