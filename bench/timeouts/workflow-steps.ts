import { PutObjectCommand } from "@aws-sdk/client-s3";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { type GenerationScope, keys } from "../../functions/adapters/dynamodb/keys";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { evidenceBucket, s3 } from "../../functions/adapters/s3/client";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import { storedRoundCalendar } from "../../functions/core/calendar";
import { resetPurgeBatch } from "../../functions/handlers/workflow/reset-steps";
import { expireUnsubmitted } from "../../functions/services/deadline-sweeps";
import { putAll } from "../dynamodb/bulk-write";
import { type ApplicationTemplate, cloneApplication, cloneHead } from "../dynamodb/clone-applications";
import { since } from "../stats";

/**
 * A round of its own for these steps, so that what they seed, sweep and purge never touches the round
 * the other figures use.
 */
const ROUND_ID = "bench-timeouts";
/** More than one batch takes from every shard of the ByGeneration index (16 × 100). */
const PURGE_ITEMS = 2_500;
/** One batch deletes at most 1,000 objects (one DeleteObjects call). */
const PURGE_OBJECTS = 1_000;
/** One sweep step performs at most 1,000 transitions (functions/services/deadline-sweeps.ts). */
const SWEEP_DRAFTS = 1_000;

export interface StepTimes {
  /** Milliseconds per step. */
  times: number[];
  /** What each step did, as the step answered it. */
  done: string[];
}

async function putObjects(objectKeys: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < objectKeys.length) {
      const key = objectKeys[next];
      next += 1;
      await s3.send(new PutObjectCommand({ Bucket: evidenceBucket(), Key: key, Body: "%PDF-1.7 bench" }));
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
}

/**
 * The reset workflow's purge task (resetPurgeBatch, as Step Functions calls it) against a generation
 * that has more than one batch of both: copies of a real application's items, and objects left in
 * incoming/. Each run seeds a generation of its own, untimed.
 */
export async function purgeBatchTimes(template: ApplicationTemplate, runs: number): Promise<StepTimes> {
  const times: number[] = [];
  const done: string[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const scope: GenerationScope = { roundId: ROUND_ID, generation: run };
    const items: Record<string, unknown>[] = [];
    while (items.length < PURGE_ITEMS) items.push(...cloneApplication(template, scope));
    await putAll(items);
    const [incoming] = generationObjectPrefixes(scope);
    await putObjects(
      Array.from({ length: PURGE_OBJECTS }, (_, index) => `${incoming}applications/bench/${index}.pdf`),
    );
    // The reset's own record, which each batch adds its counts to.
    await documentClient.send(
      new PutCommand({ TableName: tableName(), Item: { ...keys.reset(ROUND_ID, run), purgedItems: 0 } }),
    );
    const start = performance.now();
    const batch = await resetPurgeBatch({ roundId: ROUND_ID, generation: run });
    times.push(since(start));
    if (batch.purgedObjects !== PURGE_OBJECTS)
      throw new Error(`a purge batch deleted ${batch.purgedObjects} objects`);
    done.push(`${batch.purgedItems} items and ${batch.purgedObjects} objects`);
  }
  return { times, done };
}

/**
 * One step of the application deadline's sweep (expireUnsubmitted, what the calendar task runs when the
 * applications close) over a full step's budget of drafts, at the deadline of the seeded round's calendar.
 */
export async function sweepStepTimes(template: ApplicationTemplate, runs: number): Promise<StepTimes> {
  const round = await roundRepository.get(template.scope.roundId);
  if (!round) throw new Error("the seeded round is missing");
  const calendar = storedRoundCalendar(round.calendar);
  const context = { now: calendar.application.to, calendar, openedPhases: round.openedPhases };
  const times: number[] = [];
  const done: string[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const scope: GenerationScope = { roundId: ROUND_ID, generation: 100 + run };
    await putAll(
      Array.from({ length: SWEEP_DRAFTS }, () =>
        cloneHead(template, scope, { state: "draft", submissions: 0 }),
      ),
    );
    const start = performance.now();
    const step = await expireUnsubmitted(scope, context);
    times.push(since(start));
    if (step.moved !== SWEEP_DRAFTS) throw new Error(`a sweep step moved ${step.moved} drafts`);
    done.push(`${step.moved} drafts expired`);
  }
  return { times, done };
}
