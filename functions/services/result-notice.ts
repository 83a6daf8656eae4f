import { accountRepository } from "../adapters/dynamodb/account-repository";
import type { ActorRef, ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import { planTransition } from "../adapters/dynamodb/application-transition";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import {
  noticeRepository,
  type ResultNoticeEntry,
  type ResultNoticeHead,
  type ResultNoticeRecord,
} from "../adapters/dynamodb/notice-repository";
import { writeTogether } from "../adapters/dynamodb/transactions";
import { addDays, formatShanghai, noticeEnd, resultNoticeLength, shanghaiDateOf } from "../core/calendar";
import { DomainError, ruleViolation } from "../core/errors";
import { baseInfoSchema } from "../core/forms";
import type { ApplicationState, LifecycleContext } from "../core/lifecycle";

/** Who publishes the result notice and issues the certificates (R4.5, R4.6). */
export const TITLE_OFFICE = "甘肃省职称改革工作领导小组办公室";

/**
 * Applications per transaction: each writes its head, its audit record and its entry, the notice's head
 * goes with them, and each unit among them has its state tally updated — 3 × 24 + 1 + 24 stays under
 * DynamoDB's 100 items.
 */
export const RESULT_NOTICE_CHUNK = 24;

/** Applications one request publishes; the next request continues on the same notice. */
const RESULT_NOTICE_BATCH = 150;

export interface ResultPublication {
  scope: GenerationScope;
  context: LifecycleContext;
  office: ActorRef;
  title?: string | undefined;
  publicityScope: string;
}

export interface PublishedResults {
  notice: ResultNoticeRecord;
  /** Applications this request put on the notice. */
  published: number;
  /** False while approved applications remain for the next request. */
  complete: boolean;
}

/**
 * Every application of the generation now in `state`. The state index is eventually consistent, so each
 * head is read again: an entry the index still shows after a transition is left out.
 */
export async function applicationsIn(
  scope: GenerationScope,
  state: ApplicationState,
): Promise<ApplicationRecord[]> {
  const found: ApplicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await applicationRepository.listByState(scope, state, cursor);
    const current = await Promise.all(
      page.items.map((item) => applicationRepository.get(scope, item.applicationId)),
    );
    found.push(
      ...current.filter((application): application is ApplicationRecord => application?.state === state),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return found;
}

function nothingApproved(): DomainError {
  return ruleViolation(
    "R4.5",
    "NOTHING_TO_PUBLISH",
    "本轮次没有评审通过、待公示的申报；评审委员会会议表决通过后方可公示评审结果。",
  );
}

function noticeClosed(endsAt: Date): DomainError {
  return new DomainError(
    "RESULT_NOTICE_CLOSED",
    `本轮评审结果公示已于${formatShanghai(endsAt)}（北京时间）结束，不能再追加人员；` +
      "如有新的评审通过人员，请联系系统管理员另行安排公示。",
    { rule: "R4.5" },
  );
}

async function entryOf(application: ApplicationRecord, entry: number): Promise<ResultNoticeEntry> {
  const base = baseInfoSchema.parse(application.baseInfo);
  const applicant = await accountRepository.get(application.applicantId);
  if (!applicant)
    throw new Error(`applicant ${application.applicantId} of ${application.applicationId} is missing`);
  return {
    entry,
    applicationId: application.applicationId,
    name: applicant.realName,
    maskedResidentId: applicant.residentId.masked,
    workUnit: base.unitName,
    qualification: base.qualification,
    specialty: base.specialty,
    validityScope: base.validityScope,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

/** Grouped by unit, then in the order they applied: how the office reads the list. */
function byUnitThenArrival(a: ApplicationRecord, b: ApplicationRecord): number {
  return (
    a.unitId.localeCompare(b.unitId) ||
    (a.firstSubmittedAt ?? "").localeCompare(b.firstSubmittedAt ?? "") ||
    a.applicationId.localeCompare(b.applicationId)
  );
}

/**
 * R4.5, §7: puts every approved application of the round on the round's one result notice, which runs at
 * least the round's working days (5 by default) from the next day. Each chunk of applications moves to
 * `result_publicity` in one transaction with its entries, numbered on from the notice's count; a request
 * that stops half-way, or a second request, continues on the same notice, and one with nothing left to
 * publish answers the notice as it stands. An entry added later lengthens the notice to its own minimum.
 */
export async function publishResults(
  request: ResultPublication,
  batch = RESULT_NOTICE_BATCH,
): Promise<PublishedResults> {
  const { scope, context, office } = request;
  const { now } = context;
  const [existing, approved] = await Promise.all([
    noticeRepository.getResult(scope),
    applicationsIn(scope, "approved"),
  ]);
  if (approved.length === 0) {
    if (existing) return { notice: existing, published: 0, complete: true };
    throw nothingApproved();
  }
  if (existing && now >= new Date(existing.endsAt)) throw noticeClosed(new Date(existing.endsAt));

  const minimumEnd = noticeEnd(now, resultNoticeLength(context.calendar.notices));
  const endsAt = existing && new Date(existing.endsAt) > minimumEnd ? new Date(existing.endsAt) : minimumEnd;
  const head: ResultNoticeHead = {
    noticeId: noticeRepository.resultNoticeId(scope),
    kind: "result",
    scope,
    title:
      existing?.title ??
      request.title ??
      `${TITLE_OFFICE}关于${scope.roundId}年度人力资源培训专业高级职称评审结果的公示`,
    publicityScope: existing?.publicityScope ?? request.publicityScope,
    issuer: TITLE_OFFICE,
    startsAt: existing?.startsAt ?? now.toISOString(),
    endsAt: endsAt.toISOString(),
    lastDay: addDays(shanghaiDateOf(endsAt), -1),
    openedBy: existing?.openedBy ?? office.id,
    createdAt: existing?.createdAt ?? now.toISOString(),
    entryCount: existing?.entryCount ?? 0,
  };

  const taken = [...approved].sort(byUnitThenArrival).slice(0, batch);
  const first = head.entryCount + 1;
  // The lifecycle decides for all before anything is written (R8.2: never one's own application).
  const planned = taken.map((application, index) => ({
    application,
    writes: planTransition({
      application,
      action: "publish_result",
      actor: office,
      context,
      detail: { resultNoticeId: head.noticeId, entry: first + index },
    }).writes,
  }));
  const entries = [...(existing?.entries ?? [])];
  let count = head.entryCount;
  for (const chunk of chunks(planned, RESULT_NOTICE_CHUNK)) {
    const listed = await Promise.all(
      chunk.map(({ application }, index) => entryOf(application, count + index + 1)),
    );
    await writeTogether([
      ...chunk.flatMap(({ writes }) => writes),
      ...noticeRepository.resultAppendWrites(head, count, listed),
    ]);
    count += listed.length;
    entries.push(...listed);
  }
  return {
    notice: { ...head, entryCount: count, entries },
    published: taken.length,
    complete: taken.length === approved.length,
  };
}
