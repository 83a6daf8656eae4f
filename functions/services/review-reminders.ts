import type { GenerationScope } from "../adapters/dynamodb/keys";
import { noticeEndings } from "../adapters/dynamodb/notice-endings";
import { objectionRepository } from "../adapters/dynamodb/objection-repository";
import { outbox, outboxKeys } from "../adapters/dynamodb/outbox";
import { roundProgressRepository } from "../adapters/dynamodb/round-progress-repository";
import type { RoundRecord } from "../adapters/dynamodb/round-repository";
import { logger } from "../adapters/logger";
import { addDays, parseRoundCalendar, shanghaiDateOf } from "../core/calendar";
import {
  dueReminders,
  type NotificationIntent,
  nextReminderAt,
  noticeAlertFrom,
  REMINDER_DEFAULTS,
  type ReminderPoint,
} from "../core/notifications";
import { roundProgressReport } from "./progress-report";

/** Reminder items written at once; a province has a few thousand units at most. */
const WRITES_IN_FLIGHT = 16;

async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += WRITES_IN_FLIGHT) {
    await Promise.all(items.slice(start, start + WRITES_IN_FLIGHT).map(write));
  }
}

const scopeOf = (round: RoundRecord): GenerationScope => ({
  roundId: round.roundId,
  generation: round.generation,
});
/** Before the scheduled reset everything in the round is a rehearsal (R3.5); messages say so. */
const rehearsal = (round: RoundRecord) => !round.progress.preparationResetDone;

/**
 * One reminder point: each unit (or department) with applications waiting for it gets one reminder with
 * its count, to its handlers (reviewers). The items' keys are the point and the organisation, so a
 * repeated step writes nothing twice; the point is recorded on the round once all are written.
 */
async function remind(round: RoundRecord, point: ReminderPoint, now: Date): Promise<number> {
  const scope = scopeOf(round);
  const report = await roundProgressReport(scope);
  const waiting: { orgId: string; count: number; role: "unit_handler" | "department_reviewer" }[] =
    point.cutoffKind === "unit_review"
      ? report.units
          .filter((unit) => unit.waitingForUnit > 0)
          .map((unit) => ({ orgId: unit.unitId, count: unit.waitingForUnit, role: "unit_handler" as const }))
      : report.departments
          .filter((department) => department.waitingForDepartment > 0)
          .map((department) => ({
            orgId: department.departmentId,
            count: department.waitingForDepartment,
            role: "department_reviewer" as const,
          }));
  let written = 0;
  await inBatches(waiting, async ({ orgId, count, role }) => {
    const intent: NotificationIntent = {
      template: point.cutoffKind === "unit_review" ? "unit_review_reminder" : "department_review_reminder",
      recipient: { kind: "org_role", orgId, role },
      params: {
        roundId: round.roundId,
        deadline: point.cutoff.toISOString(),
        count,
        ...(rehearsal(round) ? { testData: true } : {}),
      },
    };
    const key = outboxKeys.reminder(scope, orgId, point.cutoffKind, point.cutoff.toISOString());
    if (await outbox.putOnce(scope, key, intent, now)) written += 1;
  });
  await roundProgressRepository.markReminderSent(round.roundId, point, now);
  logger.info("review reminders", {
    roundId: round.roundId,
    point: point.key,
    waiting: waiting.length,
    written,
  });
  return written;
}

/**
 * Unit notices about to end with objections still open (§7): from 09:00 of the day before a notice's last
 * day, its unit's handlers are told once how many are open.
 */
async function alertEndingNotices(round: RoundRecord, now: Date): Promise<number> {
  const scope = scopeOf(round);
  const today = shanghaiDateOf(now);
  const endings = (
    await Promise.all([
      noticeEndings.endingOn(scope, today),
      noticeEndings.endingOn(scope, addDays(today, 1)),
    ])
  )
    .flat()
    .filter((ending) => noticeAlertFrom(ending.lastDay) <= now && now < new Date(ending.endsAt));
  let written = 0;
  for (const ending of endings) {
    const open = await Promise.all(
      ending.applicationIds.map((applicationId) => objectionRepository.unresolved(scope, applicationId)),
    );
    const count = open.reduce((sum, n) => sum + n, 0);
    if (count === 0) continue;
    const intent: NotificationIntent = {
      template: "notice_ending_with_objections",
      recipient: { kind: "org_role", orgId: ending.unitId, role: "unit_handler" },
      params: {
        roundId: round.roundId,
        noticeTitle: ending.title,
        endsAt: ending.endsAt,
        count,
        ...(ending.testData ? { testData: true } : {}),
      },
    };
    if (await outbox.putOnce(scope, outboxKeys.noticeEnding(scope, ending.noticeId), intent, now))
      written += 1;
  }
  return written;
}

/**
 * What the round's calendar workflow does for people who are not watching (DESIGN.md §7a), each tick:
 * the reminders due before the review cutoffs, and the alerts of notices about to end. Answers when the
 * next reminder falls due, for the workflow to wake then.
 */
export async function notifyWhatIsDue(round: RoundRecord, now: Date): Promise<Date | undefined> {
  const calendar = parseRoundCalendar(round.calendar);
  const settings = round.reminders ?? REMINDER_DEFAULTS;
  for (const point of dueReminders(calendar, settings, round.remindersSent ?? [], now)) {
    await remind(round, point, now);
  }
  if (calendar.preparation.from <= now && now < calendar.review.to) await alertEndingNotices(round, now);
  return nextReminderAt(calendar, settings, now);
}
