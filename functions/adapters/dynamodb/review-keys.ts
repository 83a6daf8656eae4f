import { applicationKeys } from "./application-keys";
import { type GenerationScope, generationPrefix } from "./keys";

/** A unit's recommendations are counted against one of these (R5.2 post structure, R6.3 grassroots 10%). */
export type QuotaPool = "post_structure" | "grassroots";

/**
 * Keys of the review records (issue #7). Round data sits under the generation prefix, so a reset hides
 * it at once and the purge finds it (DESIGN.md §8); only the rate counters live outside, and expire by TTL.
 *
 * | pattern                                             | key                                                        |
 * | --------------------------------------------------- | ---------------------------------------------------------- |
 * | a unit publicity notice (公示)                       | PK `<gen>#NOTICE#<id>` SK `NOTICE`                         |
 * | the round's notices, newest first                   | GSI1 `<gen>#NOTICES` / `<starts>#<id>`                     |
 * | a unit's notices, newest first                      | GSI2 `<gen>#NOTICES#UNIT#<unit>` / `<starts>#<id>`         |
 * | objections against one applicant                    | PK `<gen>#APP#<id>` SK `OBJECTION#<objection>`             |
 * | how many of them are unresolved                     | PK `<gen>#APP#<id>` SK `OBJECTIONS`                        |
 * | the applications holding a unit's quota slots       | PK `<gen>#UNIT#<unit>` SK `QUOTA#<pool>`                   |
 * | a department's recommended applications, newest first | PK `<gen>#DEPT#<dept>` SK `APP#<first recommended>#<id>` |
 * | objections from one address in one window           | PK `RATE#OBJECTION#<address>#<window start>` SK `RATE`     |
 */
export const reviewKeys = {
  notice: (scope: GenerationScope, noticeId: string) => ({
    PK: `${generationPrefix(scope)}#NOTICE#${noticeId}`,
    SK: "NOTICE",
  }),
  roundNotices: (scope: GenerationScope) => `${generationPrefix(scope)}#NOTICES`,
  unitNotices: (scope: GenerationScope, unitId: string) =>
    `${generationPrefix(scope)}#NOTICES#UNIT#${unitId}`,
  noticeIndex: (scope: GenerationScope, unitId: string, startsAt: string, noticeId: string) => ({
    GSI1PK: reviewKeys.roundNotices(scope),
    GSI1SK: `${startsAt}#${noticeId}`,
    GSI2PK: reviewKeys.unitNotices(scope, unitId),
    GSI2SK: `${startsAt}#${noticeId}`,
  }),
  objection: (scope: GenerationScope, applicationId: string, objectionId: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `OBJECTION#${objectionId}`,
  }),
  objectionCount: (scope: GenerationScope, applicationId: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: "OBJECTIONS",
  }),
  quota: (scope: GenerationScope, unitId: string, pool: QuotaPool) => ({
    PK: `${generationPrefix(scope)}#UNIT#${unitId}`,
    SK: `QUOTA#${pool}`,
  }),
  departmentPartition: (scope: GenerationScope, departmentId: string) =>
    `${generationPrefix(scope)}#DEPT#${departmentId}`,
  departmentEntry: (
    scope: GenerationScope,
    departmentId: string,
    recommendedAt: string,
    applicationId: string,
  ) => ({
    PK: reviewKeys.departmentPartition(scope, departmentId),
    SK: `APP#${recommendedAt}#${applicationId}`,
  }),
  objectionRate: (address: string, windowStart: string) => ({
    PK: `RATE#OBJECTION#${address}#${windowStart}`,
    SK: "RATE",
  }),
};
