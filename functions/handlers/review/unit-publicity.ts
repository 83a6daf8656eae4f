import { randomUUID } from "node:crypto";
import { accountRepository } from "../../adapters/dynamodb/account-repository";
import type { ApplicationRecord } from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { planTransition, snapshotOf } from "../../adapters/dynamodb/application-transition";
import type { GenerationScope } from "../../adapters/dynamodb/keys";
import { noticeEndings } from "../../adapters/dynamodb/notice-endings";
import {
  type NoticeEntry,
  type NoticeRecord,
  noticeRepository,
} from "../../adapters/dynamodb/notice-repository";
import type { UnitRecord } from "../../adapters/dynamodb/org-record";
import { writeTogether } from "../../adapters/dynamodb/transactions";
import {
  addDays,
  calendarDaysNoticeEnd,
  formatShanghai,
  type RoundCalendar,
  shanghai,
  shanghaiDateOf,
  unitPublicityLength,
} from "../../core/calendar";
import { ruleViolation } from "../../core/errors";
import { baseInfoSchema } from "../../core/forms";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { isRehearsal, roundInScope } from "../../http/round-in-scope";
import { openUnitPublicity } from "../../http/routes/unit-publicity";
import { toStaffNoticeView } from "../../http/views/notice-view";
import { TEST_DATA_LABEL } from "../../http/views/test-data";
import { staffRef, unitActionContext } from "./review-context";

/** The unit's own submitted application; another unit's, or a draft, does not exist here (404). */
async function unitApplication(scope: GenerationScope, unit: UnitRecord, id: string) {
  const application = await applicationRepository.get(scope, id);
  if (!application?.firstSubmittedAt || application.unitId !== unit.orgId) throw httpErrors.notFound();
  return application;
}

async function entryOf(application: ApplicationRecord, position: number, calendar: RoundCalendar) {
  const base = baseInfoSchema.parse(application.baseInfo);
  const applicant = await accountRepository.get(application.applicantId);
  if (!applicant) throw httpErrors.notFound();
  const snapshot = snapshotOf(application);
  const extended = snapshot.exceptionalPromotion || snapshot.grassrootsScope;
  return {
    entry: position + 1,
    applicationId: application.applicationId,
    name: applicant.realName,
    maskedResidentId: applicant.residentId.masked,
    workUnit: base.unitName,
    qualification: base.qualification,
    specialty: base.specialty,
    validityScope: base.validityScope,
    applicationMethod: base.applicationMethod,
    minimumDays: unitPublicityLength(calendar.notices, extended).days,
  } satisfies NoticeEntry;
}

/**
 * R4.2, R5.3: every listed applicant's minimum, counted in whole Beijing days from the posting (a notice
 * posted during the day counts from the next), must end by the notice's last day; and the notice must end
 * while the unit can still recommend (R3).
 */
function assertLength(entries: NoticeEntry[], now: Date, endsAt: Date, calendar: RoundCalendar): void {
  const short = entries.filter((entry) => endsAt < calendarDaysNoticeEnd(now, entry.minimumDays));
  if (short.length > 0) {
    const longest = Math.max(...short.map((entry) => entry.minimumDays));
    const earliestLastDay = addDays(shanghaiDateOf(calendarDaysNoticeEnd(now, longest)), -1);
    const extended = short.some((entry) => entry.minimumDays > calendar.notices.unitPublicityDays);
    throw ruleViolation(
      extended ? "R5.3" : "R4.2",
      "PUBLICITY_TOO_SHORT",
      `公示期不少于${calendar.notices.unitPublicityDays}天，破格晋升、基层有效人员不少于` +
        `${calendar.notices.extendedPublicityDays}天（从发布次日起算）；${short.map((entry) => entry.name).join("、")}` +
        `的公示最早只能到${earliestLastDay}结束，请延长公示期后重新发布`,
      [{ path: "body.lastDay", message: `公示截止日不能早于${earliestLastDay}` }],
    );
  }
  if (endsAt > calendar.review.to) {
    throw ruleViolation(
      "R3",
      "PUBLICITY_AFTER_CUTOFF",
      `单位审核推荐于${formatShanghai(calendar.review.to)}（北京时间）截止，公示须在此之前结束，否则公示期满后无法推荐`,
      [{ path: "body.lastDay", message: "公示截止日晚于审核截止时间" }],
    );
  }
}

export const unitPublicityRoutes: BoundRoute[] = [
  route(openUnitPublicity, async ({ actor, params, body, subject: { org: unit }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const context = await unitActionContext(inScope, unit, now);
    const handler = staffRef(actor, "unit_handler", unit.orgId);
    const noticeId = randomUUID();
    const listed = await Promise.all(
      body.applications.map(async (item) => ({
        item,
        application: await unitApplication(inScope.scope, unit, item.applicationId),
      })),
    );
    // The lifecycle first: state, window, staffing and maker of each application (R3, R3.2).
    const plans = listed.map(({ item, application }) =>
      planTransition({
        application,
        action: "open_publicity",
        actor: handler,
        context,
        expectedVersion: item.expectedVersion,
        facts: { noticeId },
      }),
    );
    const entries = await Promise.all(
      listed.map(({ application }, position) => entryOf(application, position, inScope.calendar)),
    );
    const endsAt = shanghai(body.lastDay, "24:00");
    assertLength(entries, now, endsAt, inScope.calendar);
    const title = body.title ?? `${unit.name}关于申报人力资源培训专业高级职称人员的公示`;
    const rehearsal = isRehearsal(inScope);
    const notice: NoticeRecord = {
      noticeId,
      scope: inScope.scope,
      unitId: unit.orgId,
      unitName: unit.name,
      // A rehearsal notice is public too: its title says so before anyone reads a name (R3.5).
      title: rehearsal ? `【${TEST_DATA_LABEL}】${title}` : title,
      publicityScope: body.publicityScope,
      startsAt: now.toISOString(),
      endsAt: endsAt.toISOString(),
      lastDay: body.lastDay,
      openedBy: handler.id,
      entries,
      ...(rehearsal ? { testData: true as const } : {}),
      createdAt: now.toISOString(),
    };
    await writeTogether([
      ...plans.flatMap((plan) => plan.writes),
      noticeRepository.putWrite(notice),
      // Found by its last day when it is about to end, in case objections are still open (§7).
      noticeEndings.write(notice),
    ]);
    return toStaffNoticeView(notice, now);
  }),
];
