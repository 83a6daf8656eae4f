/**
 * The one definition of the table's keys and indexes. CDK (infra/stacks/data-stack.ts) and the local
 * runtime (infra/local/emulators.ts) both build the table from it, so the two cannot drift apart.
 *
 * Access patterns come first; every key below exists because one of them needs it. Round-scoped items
 * carry the round and generation in the partition key, so a reset (DESIGN.md §8) makes a whole
 * generation invisible by moving one number, and the purge can find the old generation by query.
 *
 * | pattern                                    | key                                                   |
 * | ------------------------------------------ | ----------------------------------------------------- |
 * | a round and its calendar                   | PK `ROUND#<round>` SK `ROUND`                         |
 * | all rounds (a handful a decade)            | GSI1 `ROUNDS` / `ROUND#<round>`                       |
 * | audit trail of one entity, oldest first    | PK `AUDIT#<entity>` SK `<iso instant>#<id>`           |
 * | round-scoped items of one generation       | PK `ROUND#<round>#G<gen>#…`                           |
 * | every item of a generation, for the purge  | ByGeneration `GEN#<round>#G<gen>#<shard>` / `<PK>|<SK>` |
 * | an account; an organisation                | PK `ACCOUNT#<id>` / `ORG#<id>` SK `PROFILE`           |
 * | organisations of a kind (directory, lists) | GSI1 `ORGS#<kind>` / `ORG#<id>`                       |
 * | a department's units                       | GSI2 `DEPT#<dept>#UNITS` / `ORG#<unit>`               |
 * | an org's staff; a unit's applicants        | GSI2 `ORG#<org>#STAFF` or `#APPLICANTS` / `ACCOUNT#<id>` |
 * | roles of an org: standing, per generation  | PK `ORG#<org>` or `ROUND#<r>#G<g>#ORG#<org>` SK `ROLE#…` |
 * | roles of an account                        | GSI1 `ACCOUNT#<id>` / `ROLE#…` or `ROUND#<r>#G<g>#ROLE#…` |
 * | is a username or a person taken            | PK `USERNAME#<name>` / `RESIDENTID#<hmac>` (claims)   |
 * | a unit's entrustment letter for a round    | PK `ORG#<unit>` SK `ENTRUSTMENT#<round>`              |
 * | dispatch approvals of a person             | GSI1 `PERSON#<hmac>` / `DISPATCH#<id>`                |
 *
 * ByGeneration is sharded so that the purge of a large generation spreads over partitions and can run
 * batches in parallel; it projects keys only, since the purge needs nothing else. The table's stream
 * carries new outbox items to the notifier (outbox.ts); round progress is kept in per-unit state tallies
 * (state-tallies.ts).
 */
export const TABLE_DESIGN = {
  partitionKey: "PK",
  sortKey: "SK",
  timeToLiveAttribute: "expiresAt",
  globalSecondaryIndexes: [
    { indexName: "GSI1", partitionKey: "GSI1PK", sortKey: "GSI1SK" },
    { indexName: "GSI2", partitionKey: "GSI2PK", sortKey: "GSI2SK" },
    { indexName: "ByGeneration", partitionKey: "GENPK", sortKey: "GENSK", keysOnly: true },
  ],
  generationShards: 16,
  /** New images only: the notifier reads new outbox items from the stream (DESIGN.md §7a). */
  streamView: "NEW_IMAGE",
} as const;

export type IndexName = (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]["indexName"];

/** Key attributes are all strings; DynamoDB needs their types declared once. */
export function keyAttributeNames(): string[] {
  return [
    TABLE_DESIGN.partitionKey,
    TABLE_DESIGN.sortKey,
    ...TABLE_DESIGN.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
}
