import { TABLE_DESIGN } from "./table-design";

/**
 * Key builders: the only place where key strings are spelled out, so that a typo cannot create a
 * second, invisible copy of a record. See table-design.ts for the access patterns.
 */
export const keys = {
  round: (roundId: string) => ({ PK: `ROUND#${roundId}`, SK: "ROUND" }),
  roundIndex: (roundId: string) => ({ GSI1PK: "ROUNDS", GSI1SK: `ROUND#${roundId}` }),
  account: (accountId: string) => ({ PK: `ACCOUNT#${accountId}`, SK: "PROFILE" }),
  org: (orgId: string) => ({ PK: `ORG#${orgId}`, SK: "PROFILE" }),
  /** Admin roles survive the reset (R3.2), so they are not in a generation. */
  standingRole: (orgId: string, role: string, accountId: string) => ({
    PK: `ORG#${orgId}`,
    SK: `ROLE#${role}#${accountId}`,
    GSI1PK: `ACCOUNT#${accountId}`,
    GSI1SK: `ROLE#${orgId}#${role}`,
  }),
  generationRole: (scope: GenerationScope, orgId: string, role: string, accountId: string) => ({
    PK: `${generationPrefix(scope)}#ORG#${orgId}`,
    SK: `ROLE#${role}#${accountId}`,
    GSI1PK: `ACCOUNT#${accountId}`,
    GSI1SK: `${generationPrefix(scope)}#ROLE#${orgId}#${role}`,
  }),
  audit: (entity: string, at: Date, id: string) => ({
    PK: `AUDIT#${entity}`,
    SK: `${at.toISOString()}#${id}`,
  }),
};

export interface GenerationScope {
  roundId: string;
  generation: number;
}

export function generationPrefix(scope: GenerationScope): string {
  return `ROUND#${scope.roundId}#G${scope.generation}`;
}

/** FNV-1a: a cheap, stable spread of partition keys over the purge index's shards. */
function shardOf(text: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/**
 * Every item of a generation carries these, so the purge after a reset finds all of it by query on
 * the ByGeneration index, never by scan (DESIGN.md §8).
 */
export function purgeIndexKeys(scope: GenerationScope, item: { PK: string; SK: string }) {
  const shard = shardOf(item.PK, TABLE_DESIGN.generationShards);
  return { GENPK: `GEN#${scope.roundId}#G${scope.generation}#${shard}`, GENSK: `${item.PK}|${item.SK}` };
}
