import { type GenerationScope, generationPrefix } from "./keys";

/** Spreads the state index of a generation over partitions, so that no state is a hot key. */
export const STATE_SHARDS = 16;

/**
 * Keys of the application records (issue #5). Everything lives under the generation prefix, so a reset
 * makes it invisible at once and its purge finds it (DESIGN.md §8):
 *
 * | pattern                                          | key                                                     |
 * | ------------------------------------------------ | ------------------------------------------------------- |
 * | an application: head, sections, evidence, audit  | PK `<gen>#APP#<id>` SK `APPLICATION`, `SECTION#<s>`, `EVIDENCE#<id>`, `SUBMISSION#<n>`, `AUDIT#<at>#<version>#<id>` |
 * | a person's active application in the round       | PK `<gen>#APPLICANT#<account>` SK `ACTIVE`              |
 * | a person's applications in the round             | PK `<gen>#APPLICANT#<account>` SK `APP#<created>#<id>`  |
 * | a generation's applications in one state         | GSI2 `<gen>#STATE#<state>#<shard>` / `<id>`             |
 * | a unit's submitted applications, newest first    | GSI1 `<gen>#UNIT#<unit>` / `<first submitted>#<id>`     |
 */
export const applicationKeys = {
  partition: (scope: GenerationScope, applicationId: string) =>
    `${generationPrefix(scope)}#APP#${applicationId}`,
  head: (scope: GenerationScope, applicationId: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: "APPLICATION",
  }),
  section: (scope: GenerationScope, applicationId: string, section: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `SECTION#${section}`,
  }),
  evidence: (scope: GenerationScope, applicationId: string, evidenceId: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `EVIDENCE#${evidenceId}`,
  }),
  /** Zero-padded so that submissions sort in order. */
  submission: (scope: GenerationScope, applicationId: string, number: number) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `SUBMISSION#${String(number).padStart(3, "0")}`,
  }),
  /** By time, then by the version the change produced: changes of one instant keep their order. */
  audit: (scope: GenerationScope, applicationId: string, at: Date, version: number, id: string) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `AUDIT#${at.toISOString()}#${String(version).padStart(6, "0")}#${id}`,
  }),
  applicantPartition: (scope: GenerationScope, accountId: string) =>
    `${generationPrefix(scope)}#APPLICANT#${accountId}`,
  /** One active application per person and round: written with the application, or not at all. */
  activeClaim: (scope: GenerationScope, accountId: string) => ({
    PK: applicationKeys.applicantPartition(scope, accountId),
    SK: "ACTIVE",
  }),
  applicantEntry: (scope: GenerationScope, accountId: string, createdAt: string, applicationId: string) => ({
    PK: applicationKeys.applicantPartition(scope, accountId),
    SK: `APP#${createdAt}#${applicationId}`,
  }),
  statePartition: (scope: GenerationScope, state: string, shard: number) =>
    `${generationPrefix(scope)}#STATE#${state}#${shard}`,
  stateIndex: (scope: GenerationScope, state: string, applicationId: string) => ({
    GSI2PK: applicationKeys.statePartition(scope, state, stateShardOf(applicationId)),
    GSI2SK: applicationId,
  }),
  unitIndex: (scope: GenerationScope, unitId: string, firstSubmittedAt: string, applicationId: string) => ({
    GSI1PK: `${generationPrefix(scope)}#UNIT#${unitId}`,
    GSI1SK: `${firstSubmittedAt}#${applicationId}`,
  }),
};

/** Application ids are random UUIDs: their first hex digit spreads them evenly over the shards. */
export function stateShardOf(applicationId: string): number {
  return Number.parseInt(applicationId.slice(0, 1), 16) % STATE_SHARDS;
}
