import { APPLICATION_STATES, type ApplicationState } from "../../core/lifecycle";
import { addCounts, type StateCounts, transitionDelta } from "../../core/progress";
import { batchGetItems } from "./batch-get";
import { tableName } from "./client";
import { type GenerationScope, generationPrefix, purgeIndexKeys, shardOf } from "./keys";
import { partitionItems } from "./page";
import type { GuardedWrite } from "./transactions";

/**
 * Round progress without a scan and without a hot counter (DESIGN.md §7a): one tally item per unit and
 * generation holds how many of the unit's applications are in each state. Every state change adds its
 * delta to it in the change's own transaction, so the counts are exact. The items are spread over
 * TALLY_SHARDS partitions by unit, so the round's transitions never meet on one partition, and no item is
 * written by more than one unit's applications.
 *
 * | pattern                                | key                                                  |
 * | -------------------------------------- | ---------------------------------------------------- |
 * | a unit's counts by state               | PK `<gen>#TALLY#<shard of unit>` SK `UNIT#<unit>`     |
 * | every unit's counts (the office)       | the TALLY_SHARDS partitions `<gen>#TALLY#0…15`       |
 */
export const TALLY_SHARDS = 16;

export const tallyKeys = {
  partition: (scope: GenerationScope, shard: number) => `${generationPrefix(scope)}#TALLY#${shard}`,
  unit: (scope: GenerationScope, unitId: string) => ({
    PK: tallyKeys.partition(scope, shardOf(unitId, TALLY_SHARDS)),
    SK: `UNIT#${unitId}`,
  }),
};

/** One number attribute per state, at the top level, so that ADD can create it on first use. */
const attributeOf = (state: ApplicationState) => `n_${state}`;

function countsOf(item: Record<string, unknown>): StateCounts {
  const counts: StateCounts = {};
  for (const state of APPLICATION_STATES) {
    const n = item[attributeOf(state)];
    if (typeof n === "number" && n !== 0) counts[state] = n;
  }
  return counts;
}

/** A unit's counts as stored, with the unit they belong to. */
export interface UnitTally {
  unitId: string;
  counts: StateCounts;
}

/** The delta each tally write carries, for folding two of them into one. */
const deltas = new WeakMap<GuardedWrite, StateCounts>();

/**
 * The delta of one or more transitions of a unit's applications as a transaction write. Several in one
 * transaction (a notice opened for 20 applicants, a page of results published) fold into one update.
 */
export function tallyWrite(scope: GenerationScope, unitId: string, delta: StateCounts): GuardedWrite {
  const key = tallyKeys.unit(scope, unitId);
  const changed = APPLICATION_STATES.filter((state) => (delta[state] ?? 0) !== 0);
  const names = Object.fromEntries(changed.map((state, i) => [`#n${i}`, attributeOf(state)]));
  const values = Object.fromEntries(changed.map((state, i) => [`:n${i}`, delta[state]]));
  const purge = purgeIndexKeys(scope, key);
  const write: GuardedWrite = {
    write: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: [
          "SET unitId = :unit, GENPK = :genpk, GENSK = :gensk",
          ...(changed.length > 0 ? [`ADD ${changed.map((_, i) => `#n${i} :n${i}`).join(", ")}`] : []),
        ].join(" "),
        ...(changed.length > 0 ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: {
          ":unit": unitId,
          ":genpk": purge.GENPK,
          ":gensk": purge.GENSK,
          ...values,
        },
      },
    },
    merge: {
      key: `${key.PK}|${key.SK}`,
      fold: (other) => tallyWrite(scope, unitId, addCounts(delta, deltas.get(other) ?? {})),
    },
  };
  deltas.set(write, delta);
  return write;
}

/** The tally write of one application moving from `from` (undefined: created) to `to`. */
export function transitionTally(
  scope: GenerationScope,
  unitId: string,
  from: ApplicationState | undefined,
  to: ApplicationState,
): GuardedWrite {
  return tallyWrite(scope, unitId, transitionDelta(from, to));
}

export const stateTallies = {
  /** One unit's counts: one item (half a read unit). */
  async ofUnit(scope: GenerationScope, unitId: string): Promise<StateCounts> {
    const found = await batchGetItems([tallyKeys.unit(scope, unitId)], false);
    const item = found.values().next().value;
    return item ? countsOf(item) : {};
  },

  /** Several units' counts by unit id (a department's units): a batch read, half a unit per item. */
  async ofUnits(scope: GenerationScope, unitIds: readonly string[]): Promise<Map<string, StateCounts>> {
    const found = await batchGetItems(
      unitIds.map((unitId) => tallyKeys.unit(scope, unitId)),
      false,
    );
    return new Map([...found.values()].map((item) => [String(item.unitId), countsOf(item)]));
  },

  /** Every unit's counts in the generation: one query per shard, run side by side; never a scan. */
  async all(scope: GenerationScope): Promise<UnitTally[]> {
    const shards = await Promise.all(
      Array.from({ length: TALLY_SHARDS }, async (_, shard) =>
        (await partitionItems(tallyKeys.partition(scope, shard))).map((item) => ({
          unitId: String(item.unitId),
          counts: countsOf(item),
        })),
      ),
    );
    return shards.flat();
  },
};
