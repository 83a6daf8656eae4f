import { z } from "zod";
import type { NoticeEntry, NoticeRecord } from "../../adapters/dynamodb/notice-repository";
import { formatShanghai } from "../../core/calendar";
import { APPLICATION_METHOD_LABELS, TITLE_LEVEL_LABELS, VALIDITY_SCOPE_LABELS } from "../../core/eligibility";

const publicEntry = z.object({
  entry: z.number().int().describe("Name this number when lodging an objection"),
  name: z.string(),
  maskedResidentId: z.string().describe("Masked: the first 4 and last 4 characters only"),
  workUnit: z.string(),
  qualification: z.string(),
  specialty: z.string(),
  validityScope: z.string(),
  applicationMethod: z.string(),
  minimumDays: z.number().int().describe("The minimum length this applicant needs (R4.2, R5.3)"),
});

const noticeFields = {
  noticeId: z.string(),
  roundId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  publicityScope: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().describe("Exclusive end: the last day at 24:00 Beijing time"),
  lastDay: z.string(),
  period: z.string().describe("The period in Beijing time, as the notice prints it"),
  running: z.boolean().describe("Objections are accepted while the notice runs"),
};

export const publicNoticeView = z
  .object({ ...noticeFields, entries: z.array(publicEntry) })
  .meta({ id: "PublicNotice" });

export const staffNoticeView = z
  .object({
    ...noticeFields,
    openedBy: z.string(),
    entries: z.array(publicEntry.extend({ applicationId: z.string() })),
  })
  .meta({ id: "UnitNotice" });

function publicEntryOf(entry: NoticeEntry): z.input<typeof publicEntry> {
  return {
    entry: entry.entry,
    name: entry.name,
    maskedResidentId: entry.maskedResidentId,
    workUnit: entry.workUnit,
    qualification: TITLE_LEVEL_LABELS[entry.qualification],
    specialty: entry.specialty,
    validityScope: VALIDITY_SCOPE_LABELS[entry.validityScope],
    applicationMethod: APPLICATION_METHOD_LABELS[entry.applicationMethod],
    minimumDays: entry.minimumDays,
  };
}

function fieldsOf(notice: NoticeRecord, now: Date) {
  const startsAt = new Date(notice.startsAt);
  const endsAt = new Date(notice.endsAt);
  return {
    noticeId: notice.noticeId,
    roundId: notice.scope.roundId,
    unitId: notice.unitId,
    unitName: notice.unitName,
    title: notice.title,
    publicityScope: notice.publicityScope,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    lastDay: notice.lastDay,
    period: `${formatShanghai(startsAt)} 至 ${formatShanghai(endsAt)}（北京时间）`,
    running: startsAt <= now && now < endsAt,
  };
}

/** What anyone may read (§7): no application ids, no ID numbers in clear, no phone numbers. */
export function toPublicNoticeView(notice: NoticeRecord, now: Date): z.input<typeof publicNoticeView> {
  return { ...fieldsOf(notice, now), entries: notice.entries.map(publicEntryOf) };
}

export function toStaffNoticeView(notice: NoticeRecord, now: Date): z.input<typeof staffNoticeView> {
  return {
    ...fieldsOf(notice, now),
    openedBy: notice.openedBy,
    entries: notice.entries.map((entry) => ({ ...publicEntryOf(entry), applicationId: entry.applicationId })),
  };
}
