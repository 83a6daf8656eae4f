import { createHash } from "node:crypto";
import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { ApplicationMethod, SoughtLevel, ValidityScope } from "../../core/eligibility";
import { DomainError } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { newGenerationItem } from "./generation-items";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { NOTICE_ENTRY_PREFIX, resultKeys } from "./result-keys";
import { reviewKeys } from "./review-keys";
import type { GuardedWrite } from "./transactions";

/** One applicant as a result notice lists them: what the public may read, copied when the entry went up. */
export interface ResultNoticeEntry {
  /** Position in the notice, from 1: how the public names the applicant an objection is about. */
  entry: number;
  applicationId: string;
  name: string;
  /** The core's masked form (DESIGN.md §7): never the number itself, never a phone number. */
  maskedResidentId: string;
  workUnit: string;
  qualification: SoughtLevel;
  specialty: string;
  validityScope: ValidityScope;
}

/** One applicant as a unit notice lists them. */
export interface NoticeEntry extends ResultNoticeEntry {
  applicationMethod: ApplicationMethod;
  /** The minimum length this applicant needed: 5 days, longer for 破格 and 基层有效 (R4.2, R5.3). */
  minimumDays: number;
}

interface NoticeFields {
  noticeId: string;
  scope: GenerationScope;
  title: string;
  /** Where and to whom the notice is published (公示范围). */
  publicityScope: string;
  startsAt: string;
  /** Exclusive: the notice's last day at 24:00 Beijing time (R3.1). */
  endsAt: string;
  lastDay: string;
  openedBy: string;
  createdAt: string;
  /** Posted during the pre-preparation rehearsal (R3.5): shown labelled, cleared by the reset. */
  testData?: true;
}

/** A unit publicity notice (R4.2, §7): posted by the unit's handler, public while it runs and after. */
export interface NoticeRecord extends NoticeFields {
  kind?: "unit_publicity";
  unitId: string;
  unitName: string;
  /** Widened for 破格 and 基层有效 (R5.3). */
  publicityScope: string;
  entries: NoticeEntry[];
}

/**
 * The round's result notice (R4.5, §7): every approved applicant on one notice published by the title
 * office. Its entries are items of their own, so the notice has no size limit of one item.
 */
export interface ResultNoticeRecord extends NoticeFields {
  kind: "result";
  /** Who publishes it (the title office), in place of a unit. */
  issuer: string;
  entryCount: number;
  entries: ResultNoticeEntry[];
}

/** Any notice the public reads and objects to. */
export type Notice = NoticeRecord | ResultNoticeRecord;

/** The stored head of a result notice: the entries live beside it. */
export type ResultNoticeHead = Omit<ResultNoticeRecord, "entries">;

function toHead(item: Record<string, unknown>): Notice | ResultNoticeHead {
  return withoutKeys(item) as unknown as Notice | ResultNoticeHead;
}

async function entriesOf(scope: GenerationScope, noticeId: string): Promise<ResultNoticeEntry[]> {
  const entries: ResultNoticeEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :entry)",
        ExpressionAttributeValues: {
          ":pk": reviewKeys.notice(scope, noticeId).PK,
          ":entry": NOTICE_ENTRY_PREFIX,
        },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    entries.push(...(page.Items ?? []).map((item) => withoutKeys(item) as unknown as ResultNoticeEntry));
    start = page.LastEvaluatedKey;
  } while (start);
  return entries;
}

/** A result notice's head is stored without its entries; a unit notice holds its at most 20 itself. */
async function withEntries(head: Notice | ResultNoticeHead): Promise<Notice> {
  if (head.kind !== "result") return head as NoticeRecord;
  return { ...head, entries: await entriesOf(head.scope, head.noticeId) };
}

function resultNoticeMoved(): DomainError {
  return new DomainError(
    "CONCURRENT_UPDATE",
    "评审结果公示正由他人同时发布，请稍后刷新后再试；已发布的名单不会重复。",
  );
}

export const noticeRepository = {
  /** The notice's item, to write in the transaction that opens the publicity of every listed application. */
  putWrite(notice: NoticeRecord): GuardedWrite {
    return newGenerationItem(
      notice.scope,
      reviewKeys.notice(notice.scope, notice.noticeId),
      reviewKeys.noticeIndex(notice.scope, notice.unitId, notice.startsAt, notice.noticeId),
      { ...notice, kind: "unit_publicity" },
      () => new DomainError("NOTICE_EXISTS", "该公示已存在，请勿重复发布。"),
    );
  },

  async get(scope: GenerationScope, noticeId: string): Promise<Notice | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: reviewKeys.notice(scope, noticeId) }),
    );
    return found.Item ? withEntries(toHead(found.Item)) : undefined;
  },

  /** The round's notices, or one unit's, newest first, a page at a time. */
  async list(scope: GenerationScope, unitId: string | undefined, cursor?: string): Promise<Page<Notice>> {
    const page = await queryIndexPage<Notice | ResultNoticeHead>({
      index: unitId === undefined ? "GSI1" : "GSI2",
      partition:
        unitId === undefined ? reviewKeys.roundNotices(scope) : reviewKeys.unitNotices(scope, unitId),
      cursor,
      newestFirst: true,
    });
    return { ...page, items: await Promise.all(page.items.map(withEntries)) };
  },

  /**
   * One result notice per round and generation, with an id derived from them (a version-8 UUID): a
   * publication that stopped half-way finds the same notice again and continues its numbering.
   */
  resultNoticeId(scope: GenerationScope): string {
    const hex = createHash("sha256")
      .update(`result-notice#${scope.roundId}#G${scope.generation}`)
      .digest("hex")
      .slice(0, 32)
      .split("");
    hex[12] = "8";
    hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    const text = hex.join("");
    return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
  },

  /** The round's result notice with its entries, read consistently, or undefined before it is published. */
  async getResult(scope: GenerationScope): Promise<ResultNoticeRecord | undefined> {
    const noticeId = noticeRepository.resultNoticeId(scope);
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: reviewKeys.notice(scope, noticeId),
        ConsistentRead: true,
      }),
    );
    if (!found.Item) return undefined;
    const head = toHead(found.Item) as ResultNoticeHead;
    return { ...head, entries: await entriesOf(scope, noticeId) };
  },

  /**
   * Appends entries to the result notice in the transaction that moves their applications: the head is
   * created with the first entries, or its count must still be what the caller read, so that two
   * publications at once cannot number two applicants alike.
   */
  resultAppendWrites(
    head: ResultNoticeHead,
    countBefore: number,
    entries: ResultNoticeEntry[],
  ): GuardedWrite[] {
    const { scope, noticeId } = head;
    const key = reviewKeys.notice(scope, noticeId);
    const headWrite: GuardedWrite =
      countBefore === 0
        ? {
            write: {
              Put: {
                TableName: tableName(),
                Item: {
                  ...key,
                  ...purgeIndexKeys(scope, key),
                  ...resultKeys.resultNoticeIndex(scope, head.startsAt, noticeId),
                  ...head,
                  entryCount: entries.length,
                },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            conflict: resultNoticeMoved,
          }
        : {
            write: {
              Update: {
                TableName: tableName(),
                Key: key,
                UpdateExpression: "SET entryCount = :after, endsAt = :endsAt, lastDay = :lastDay",
                ConditionExpression: "entryCount = :before",
                ExpressionAttributeValues: {
                  ":before": countBefore,
                  ":after": countBefore + entries.length,
                  ":endsAt": head.endsAt,
                  ":lastDay": head.lastDay,
                },
              },
            },
            conflict: resultNoticeMoved,
          };
    return [
      headWrite,
      ...entries.map((entry) => {
        const entryKey = resultKeys.noticeEntry(scope, noticeId, entry.entry);
        return {
          write: {
            Put: {
              TableName: tableName(),
              Item: { ...entryKey, ...purgeIndexKeys(scope, entryKey), ...entry },
              ConditionExpression: "attribute_not_exists(PK)",
            },
          },
          conflict: resultNoticeMoved,
        };
      }),
    ];
  },
};
