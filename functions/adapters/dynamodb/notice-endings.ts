import type { PlainDate } from "../../core/calendar";
import { tableName } from "./client";
import { type GenerationScope, generationPrefix, purgeIndexKeys } from "./keys";
import type { NoticeRecord } from "./notice-repository";
import { partitionItems } from "./page";
import type { GuardedWrite } from "./transactions";

/**
 * Unit notices by the day they end, so that the round's workflow finds the notices about to end without
 * reading every notice (§7: an objection still open when a notice ends blocks the recommendation).
 *
 * | pattern                              | key                                                        |
 * | ------------------------------------ | ---------------------------------------------------------- |
 * | unit notices whose last day is D     | PK `<gen>#NOTICE-ENDS#<D>` SK `<ends at>#<notice>`          |
 */
export interface NoticeEnding {
  noticeId: string;
  unitId: string;
  title: string;
  endsAt: string;
  lastDay: PlainDate;
  applicationIds: string[];
  testData?: true;
}

const partition = (scope: GenerationScope, lastDay: PlainDate) =>
  `${generationPrefix(scope)}#NOTICE-ENDS#${lastDay}`;

export const noticeEndings = {
  /** Written in the transaction that opens the notice. */
  write(notice: NoticeRecord): GuardedWrite {
    const key = { PK: partition(notice.scope, notice.lastDay), SK: `${notice.endsAt}#${notice.noticeId}` };
    const ending: NoticeEnding = {
      noticeId: notice.noticeId,
      unitId: notice.unitId,
      title: notice.title,
      endsAt: notice.endsAt,
      lastDay: notice.lastDay,
      applicationIds: notice.entries.map((entry) => entry.applicationId),
      ...(notice.testData ? { testData: true as const } : {}),
    };
    return {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...key, ...purgeIndexKeys(notice.scope, key), ...ending },
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
    };
  },

  /** The unit notices whose last day is `lastDay` (a few dozen a day at most). */
  async endingOn(scope: GenerationScope, lastDay: PlainDate): Promise<NoticeEnding[]> {
    return (await partitionItems(partition(scope, lastDay))).map((item) => ({
      noticeId: String(item.noticeId),
      unitId: String(item.unitId),
      title: String(item.title),
      endsAt: String(item.endsAt),
      lastDay: String(item.lastDay),
      applicationIds: (item.applicationIds as string[] | undefined) ?? [],
      ...(item.testData ? { testData: true as const } : {}),
    }));
  },
};
