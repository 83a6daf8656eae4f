import * as z from "zod/mini";
import type { Notice, NoticeEntry, ResultNoticeEntry } from "../../adapters/dynamodb/notice-repository";
import { formatShanghai } from "../../core/calendar";
import { APPLICATION_METHOD_LABELS, TITLE_LEVEL_LABELS, VALIDITY_SCOPE_LABELS } from "../../core/eligibility";
import { testDataFields, testDataOf } from "./test-data";

const publicEntry = z.object({
  entry: z.int().check(z.describe("Name this number when lodging an objection")),
  name: z.string(),
  maskedResidentId: z.string().check(z.describe("Masked: the first 4 and last 4 characters only")),
  workUnit: z.string(),
  qualification: z.string(),
  specialty: z.string(),
  validityScope: z.string(),
  applicationMethod: z.optional(z.string()).check(z.describe("Unit notices only")),
  minimumDays: z
    .optional(z.int())
    .check(z.describe("Unit notices only: the minimum length this applicant needs (R4.2, R5.3)")),
});

const noticeFields = {
  noticeId: z.string(),
  roundId: z.string(),
  kind: z
    .enum(["unit_publicity", "result"])
    .check(z.describe("A unit's publicity before it recommends (R4.2), or the round's result notice (R4.5)")),
  publisher: z
    .string()
    .check(z.describe("The unit that posted it, or the title office for the result notice")),
  unitId: z.optional(z.string()).check(z.describe("Unit notices only")),
  unitName: z.optional(z.string()).check(z.describe("Unit notices only")),
  title: z.string(),
  publicityScope: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime().check(z.describe("Exclusive end: the last day at 24:00 Beijing time")),
  lastDay: z.iso.date(),
  period: z.string().check(z.describe("The period in Beijing time, as the notice prints it")),
  running: z.boolean().check(z.describe("Objections are accepted while the notice runs")),
  ...testDataFields,
};

export const publicNoticeView = z
  .object({ ...noticeFields, entries: z.array(publicEntry) })
  .register(z.globalRegistry, { id: "PublicNotice" });

export const staffNoticeView = z
  .object({
    ...noticeFields,
    openedBy: z.string(),
    entries: z.array(z.extend(publicEntry, { applicationId: z.string() })),
  })
  .register(z.globalRegistry, { id: "StaffNotice" });

function publicEntryOf(entry: NoticeEntry | ResultNoticeEntry): z.input<typeof publicEntry> {
  return {
    entry: entry.entry,
    name: entry.name,
    maskedResidentId: entry.maskedResidentId,
    workUnit: entry.workUnit,
    qualification: TITLE_LEVEL_LABELS[entry.qualification],
    specialty: entry.specialty,
    validityScope: VALIDITY_SCOPE_LABELS[entry.validityScope],
    ...("minimumDays" in entry
      ? {
          applicationMethod: APPLICATION_METHOD_LABELS[entry.applicationMethod],
          minimumDays: entry.minimumDays,
        }
      : {}),
  };
}

function fieldsOf(notice: Notice, now: Date) {
  const startsAt = new Date(notice.startsAt);
  const endsAt = new Date(notice.endsAt);
  return {
    noticeId: notice.noticeId,
    roundId: notice.scope.roundId,
    ...(notice.kind === "result"
      ? { kind: "result" as const, publisher: notice.issuer }
      : {
          kind: "unit_publicity" as const,
          publisher: notice.unitName,
          unitId: notice.unitId,
          unitName: notice.unitName,
        }),
    title: notice.title,
    publicityScope: notice.publicityScope,
    startsAt: notice.startsAt,
    endsAt: notice.endsAt,
    lastDay: notice.lastDay,
    period: `${formatShanghai(startsAt)} 至 ${formatShanghai(endsAt)}（北京时间）`,
    running: startsAt <= now && now < endsAt,
    ...testDataOf(notice),
  };
}

const entriesOf = (notice: Notice): (NoticeEntry | ResultNoticeEntry)[] => notice.entries;

/** What anyone may read (§7): no application ids, no ID numbers in clear, no phone numbers. */
export function toPublicNoticeView(notice: Notice, now: Date): z.input<typeof publicNoticeView> {
  return { ...fieldsOf(notice, now), entries: entriesOf(notice).map(publicEntryOf) };
}

/** What the publisher reads back: the public notice with the application behind each entry. */
export function toStaffNoticeView(notice: Notice, now: Date): z.input<typeof staffNoticeView> {
  return {
    ...fieldsOf(notice, now),
    openedBy: notice.openedBy,
    entries: entriesOf(notice).map((entry) => ({
      ...publicEntryOf(entry),
      applicationId: entry.applicationId,
    })),
  };
}
