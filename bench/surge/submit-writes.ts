import { applicationKeys } from "../../functions/adapters/dynamodb/application-keys";
import { type GenerationScope, purgeIndexKeys } from "../../functions/adapters/dynamodb/keys";
import { tallyKeys } from "../../functions/adapters/dynamodb/state-tallies";
import type { PartitionWrite } from "../dynamodb/write-model";

export interface Submitter {
  applicationId: string;
  unitId: string;
}

/**
 * The partition keys one first submission writes, from the real key builders: the head moves from
 * the draft to the submitted state shard and enters its unit's list; the submission record and the
 * audit record join the application's partition and the purge index; the unit's tally moves one
 * application from draft to submitted (its shard of state-tallies.ts); Powertools idempotency puts and
 * completes its record (the `IDEMPOTENCY#APP#<id>` partition of application-idempotency.ts). Checked
 * against a recorded real submit before it is used.
 */
export function submitWrites(
  scope: GenerationScope,
  submitter: Submitter,
  at: Date,
): Omit<PartitionWrite, "units">[] {
  const { applicationId, unitId } = submitter;
  const head = applicationKeys.head(scope, applicationId);
  const submission = applicationKeys.submission(scope, applicationId, 1);
  const audit = applicationKeys.audit(scope, applicationId, at, 2, "x");
  const idempotency = `IDEMPOTENCY#APP#${applicationId}`;
  return [
    { index: "table", partitionKey: head.PK },
    { index: "GSI2", partitionKey: applicationKeys.stateIndex(scope, "draft", applicationId).GSI2PK },
    { index: "GSI2", partitionKey: applicationKeys.stateIndex(scope, "submitted", applicationId).GSI2PK },
    {
      index: "GSI1",
      partitionKey: applicationKeys.unitIndex(scope, unitId, at.toISOString(), applicationId).GSI1PK,
    },
    { index: "table", partitionKey: submission.PK },
    { index: "ByGeneration", partitionKey: purgeIndexKeys(scope, submission).GENPK },
    { index: "table", partitionKey: audit.PK },
    { index: "ByGeneration", partitionKey: purgeIndexKeys(scope, audit).GENPK },
    { index: "table", partitionKey: tallyKeys.unit(scope, unitId).PK },
    { index: "table", partitionKey: idempotency },
    { index: "table", partitionKey: idempotency },
  ];
}

const signature = (write: Omit<PartitionWrite, "units">) => `${write.index} ${write.partitionKey}`;

/**
 * Prices the model's writes with the units the recorded submit of the same application paid, and
 * fails loudly if the model and the recording disagree about which partitions a submit writes.
 */
export function pricedModel(
  model: Omit<PartitionWrite, "units">[],
  recorded: PartitionWrite[],
): PartitionWrite[] {
  const pool = [...recorded];
  const priced = model.map((write) => {
    const found = pool.findIndex((candidate) => signature(candidate) === signature(write));
    if (found < 0) throw new Error(`the surge model writes ${signature(write)}, the recorded submit did not`);
    const [match] = pool.splice(found, 1);
    return { ...write, units: match?.units ?? 0 };
  });
  if (pool.length > 0) {
    throw new Error(
      `the recorded submit wrote what the surge model misses: ${pool.map(signature).join(", ")}`,
    );
  }
  return priced;
}
