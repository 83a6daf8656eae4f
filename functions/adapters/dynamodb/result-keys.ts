import type { GenerationScope } from "./keys";
import { reviewKeys } from "./review-keys";

/**
 * Keys of the result notice, the qualification document and the certificates (issue #8, R4.5, R4.6).
 * The result notice is round data under the generation prefix, like the unit notices; the document and
 * the certificates (`keys.certificate`) outlive the round's data, since certificates are verified for years.
 *
 * | pattern                                            | key                                                  |
 * | -------------------------------------------------- | ---------------------------------------------------- |
 * | the round's one result notice (head)               | PK `<gen>#NOTICE#<id>` SK `NOTICE`, GSI1 as any notice |
 * | its entries in order, one item each                | PK `<gen>#NOTICE#<id>` SK `ENTRY#<000001>`           |
 * | the round's qualification document and the counter of its certificate numbers | PK `ROUND#<round>` SK `QUALIFICATION_DOCUMENT` |
 * | an issued certificate                              | PK `CERT#<number>` SK `CERTIFICATE` (keys.ts)        |
 */
export const resultKeys = {
  /** Only the round's list: a result notice belongs to no unit. */
  resultNoticeIndex: (scope: GenerationScope, startsAt: string, noticeId: string) => ({
    GSI1PK: reviewKeys.roundNotices(scope),
    GSI1SK: `${startsAt}#${noticeId}`,
  }),
  /** Zero-padded so that the entries read back in the order they were numbered. */
  noticeEntry: (scope: GenerationScope, noticeId: string, entry: number) => ({
    PK: reviewKeys.notice(scope, noticeId).PK,
    SK: `${NOTICE_ENTRY_PREFIX}${String(entry).padStart(6, "0")}`,
  }),
  qualificationDocument: (roundId: string) => ({ PK: `ROUND#${roundId}`, SK: "QUALIFICATION_DOCUMENT" }),
};

export const NOTICE_ENTRY_PREFIX = "ENTRY#";
