import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { ApplicationMethod, SoughtLevel, ValidityScope } from "../../core/eligibility";
import { DomainError } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { reviewKeys } from "./review-keys";
import type { GuardedWrite } from "./transactions";

/** One applicant as the notice lists them: what the public may read, copied when the notice went up. */
export interface NoticeEntry {
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
  applicationMethod: ApplicationMethod;
  /** The minimum length this applicant needed: 5 days, longer for 破格 and 基层有效 (R4.2, R5.3). */
  minimumDays: number;
}

/** A unit publicity notice (R4.2, §7): posted by the unit's handler, public while it runs and after. */
export interface NoticeRecord {
  noticeId: string;
  scope: GenerationScope;
  unitId: string;
  unitName: string;
  title: string;
  /** Where and to whom the unit publishes it (公示范围), widened for 破格 and 基层有效 (R5.3). */
  publicityScope: string;
  startsAt: string;
  /** Exclusive: the notice's last day at 24:00 Beijing time (R3.1). */
  endsAt: string;
  lastDay: string;
  openedBy: string;
  entries: NoticeEntry[];
  createdAt: string;
}

function toRecord(item: Record<string, unknown>): NoticeRecord {
  return withoutKeys(item) as unknown as NoticeRecord;
}

export const noticeRepository = {
  /** The notice's item, to write in the transaction that opens the publicity of every listed application. */
  putWrite(notice: NoticeRecord): GuardedWrite {
    const key = reviewKeys.notice(notice.scope, notice.noticeId);
    return {
      write: {
        Put: {
          TableName: tableName(),
          Item: {
            ...key,
            ...purgeIndexKeys(notice.scope, key),
            ...reviewKeys.noticeIndex(notice.scope, notice.unitId, notice.startsAt, notice.noticeId),
            ...notice,
          },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
      conflict: () => new DomainError("conflict", "NOTICE_EXISTS", "该公示已存在，请勿重复发布。"),
    };
  },

  async get(scope: GenerationScope, noticeId: string): Promise<NoticeRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: reviewKeys.notice(scope, noticeId) }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  /** The round's notices, or one unit's, newest first, a page at a time. */
  async list(
    scope: GenerationScope,
    unitId: string | undefined,
    cursor?: string,
  ): Promise<Page<NoticeRecord>> {
    return queryIndexPage<NoticeRecord>({
      index: unitId === undefined ? "GSI1" : "GSI2",
      partition:
        unitId === undefined ? reviewKeys.roundNotices(scope) : reviewKeys.unitNotices(scope, unitId),
      cursor,
      newestFirst: true,
    });
  },
};
