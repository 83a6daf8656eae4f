import { ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { DeleteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { purgeItemsBatch } from "../../functions/adapters/dynamodb/generation-purge";
import { type GenerationScope, keys } from "../../functions/adapters/dynamodb/keys";
import { evidenceBucket, s3 } from "../../functions/adapters/s3/client";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import { purgeObjectsBatch } from "../../functions/adapters/s3/generation-purge";
import { beginReset } from "../../functions/services/reset";
import type { Api, ApiRequest } from "../http/api";
import { type FigureRow, formatNumber, type Section } from "../results";
import { median, since, spread } from "../stats";
import type { BenchSystem } from "../system/bench-system";
import { putAll } from "./bulk-write";
import { type ApplicationTemplate, cloneApplication, newApplicationIdOf } from "./clone-applications";

const SMALL = 100;
const LARGE = 5_000;
const RUNS = 20;
const TARGET = 1.2;
/** Purging 5,000 applications' items takes minutes here; the throughput is taken from the first batches. */
const PURGE_BATCHES = 25;
const SEED_TIME_LIMIT_MS = 240_000;

async function seedClones(
  template: ApplicationTemplate,
  count: number,
  deadline: number,
): Promise<{ ids: string[]; items: number }> {
  const ids: string[] = [];
  let items = 0;
  // 50 applications at a time: big enough to keep 16 writes in flight, small enough to stop on time.
  for (let done = 0; done < count && performance.now() < deadline; done += 50) {
    const batch = Array.from({ length: Math.min(50, count - done) }, () =>
      cloneApplication(template, template.scope),
    );
    await putAll(batch.flat());
    ids.push(...batch.map(newApplicationIdOf));
    items += batch.reduce((sum, clone) => sum + clone.length, 0);
  }
  return { ids, items };
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: evidenceBucket(), Prefix: prefix, ContinuationToken: token }),
    );
    keys.push(...(listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])));
    token = listed.IsTruncated ? listed.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/**
 * Each clone gets the template's verified evidence objects under its own id, and one object left in
 * incoming/ (an upload never completed, or a re-post of an old ticket), as the purge finds them in
 * life. Tiny bodies: the purge only lists and deletes.
 */
async function seedObjects(
  template: ApplicationTemplate,
  ids: string[],
): Promise<{ incoming: number; verified: number }> {
  const [incomingPrefix, verifiedPrefix] = generationObjectPrefixes(template.scope);
  const keysOfTemplate = await keysUnder(`${verifiedPrefix}applications/${template.applicationId}/`);
  const [someKey] = keysOfTemplate;
  if (!someKey) throw new Error("the template application has no verified evidence objects");
  const verifiedKeys = ids.flatMap((id) =>
    keysOfTemplate.map((key) => key.replace(template.applicationId, id)),
  );
  const incomingKeys = ids.map((id) =>
    someKey
      .replace(template.applicationId, id)
      .replace(verifiedPrefix, incomingPrefix)
      .replace(/\/[0-9a-f]{64}(\.\w+)$/, "$1"),
  );
  await putObjects([...verifiedKeys, ...incomingKeys]);
  return { incoming: incomingKeys.length, verified: verifiedKeys.length };
}

/** Small stand-in objects under the given keys, 16 puts at a time. */
export async function putObjects(objectKeys: string[]): Promise<void> {
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

/** Undoes a measured reset, so that the next run resets the same data again. */
async function restore(scope: GenerationScope): Promise<void> {
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.round(scope.roundId),
      UpdateExpression: "SET generation = :generation",
      ExpressionAttributeValues: { ":generation": scope.generation },
    }),
  );
  await documentClient.send(
    new DeleteCommand({ TableName: tableName(), Key: keys.reset(scope.roundId, scope.generation) }),
  );
}

async function statusOf(api: Api, probe: ApiRequest): Promise<number> {
  const response = await api.raw(probe);
  await response.arrayBuffer();
  return response.status;
}

/** From the reset service's call until the applicant's own GET of the old application answers 404. */
async function untilInvisible(
  bench: BenchSystem,
  scope: GenerationScope,
  probe: ApiRequest,
): Promise<number> {
  const start = performance.now();
  await beginReset(
    scope.roundId,
    {
      expectedGeneration: scope.generation,
      requestedBy: "bench",
      scheduled: false,
      confirmRoundId: scope.roundId,
    },
    bench.system.clock.now(),
  );
  while ((await statusOf(bench.api, probe)) !== 404) {
    if (since(start) > 10_000) throw new Error("the old generation stayed visible for 10 s");
  }
  return since(start);
}

async function invisibilityRuns(
  bench: BenchSystem,
  scope: GenerationScope,
  probe: ApiRequest,
): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    if ((await statusOf(bench.api, probe)) !== 200)
      throw new Error("the probe application is not visible before the reset");
    times.push(await untilInvisible(bench, scope, probe));
    await restore(scope);
  }
  return times;
}

async function purgeRates(
  scope: GenerationScope,
): Promise<{ items: number[]; objects: number[]; purgedItems: number; purgedObjects: number }> {
  const items: number[] = [];
  const objects: number[] = [];
  let purgedItems = 0;
  let purgedObjects = 0;
  for (let batch = 0; batch < PURGE_BATCHES; batch += 1) {
    const start = performance.now();
    const result = await purgeItemsBatch(scope);
    if (result.deleted > 0) items.push(result.deleted / (since(start) / 1000));
    purgedItems += result.deleted;
    if (!result.remaining) break;
  }
  for (;;) {
    const start = performance.now();
    const result = await purgeObjectsBatch(scope);
    if (result.deleted > 0) objects.push(result.deleted / (since(start) / 1000));
    purgedObjects += result.deleted;
    if (!result.remaining) break;
  }
  for (const prefix of generationObjectPrefixes(scope)) {
    const left = await keysUnder(prefix);
    if (left.length > 0) throw new Error(`the purge left ${left.length} objects under ${prefix}`);
  }
  return { items, objects, purgedItems, purgedObjects };
}

/**
 * Figure 7: the reset service against 100 and then 5,000 applications' worth of items (copies of a
 * real submitted application), and the purge functions' throughput afterwards.
 */
export async function resetFigure(
  bench: BenchSystem,
  template: ApplicationTemplate,
  probe: ApiRequest,
): Promise<Section> {
  const scope = template.scope;
  const seedDeadline = performance.now() + SEED_TIME_LIMIT_MS;
  const small = await seedClones(template, SMALL, seedDeadline);
  const objects = await seedObjects(template, small.ids);
  const smallTimes = await invisibilityRuns(bench, scope, probe);
  const seedStart = performance.now();
  const rest = await seedClones(template, LARGE - SMALL, seedDeadline);
  const seedSeconds = since(seedStart) / 1000;
  const largeCount = small.ids.length + rest.ids.length;
  const largeTimes = await invisibilityRuns(bench, scope, probe);
  await beginReset(
    scope.roundId,
    {
      expectedGeneration: scope.generation,
      requestedBy: "bench",
      scheduled: false,
      confirmRoundId: scope.roundId,
    },
    bench.system.clock.now(),
  );
  const purge = await purgeRates(scope);
  const totalItems = small.items + rest.items;
  const seededObjects = objects.incoming + objects.verified;
  const rows: FigureRow[] = [
    {
      figure: `7 reset: time until invisible, ${largeCount.toLocaleString("en")} / ${SMALL} applications`,
      value: spread(largeTimes.map((time, run) => time / (smallTimes[run] ?? Number.NaN))),
      target: TARGET,
      unit: "×",
    },
    {
      figure: "7 purge throughput: items per second (per batch)",
      value: spread(purge.items),
      unit: "items/s",
    },
    {
      figure: "7 purge throughput: objects per second (per batch)",
      value: spread(purge.objects),
      unit: "objects/s",
    },
  ];
  const details = [
    "### 7. Reset",
    `Copies of the submitted application (${template.items.length} items each: head, 5 sections, evidence records, ` +
      `submission, audit trail, claim and list entry; ${objects.verified / Math.max(1, small.ids.length)} verified evidence objects ` +
      `and one object left in incoming/ each for the first ${SMALL}) ` +
      `were written into the round's current generation beside the real ones: ${small.items.toLocaleString("en")} items and ` +
      `${seededObjects.toLocaleString("en")} objects (${objects.verified.toLocaleString("en")} verified, ` +
      `${objects.incoming.toLocaleString("en")} incoming), then ${rest.items.toLocaleString("en")} more items in ${formatNumber(seedSeconds)} s ` +
      `(${largeCount.toLocaleString("en")} applications, ${totalItems.toLocaleString("en")} items). Each run calls the reset ` +
      "service (beginReset: one conditional transaction) and polls the applicant's own GET of the old application " +
      "over HTTP until it answers 404; the bench then puts the generation back for the next run. " +
      `Median time until invisible: ${formatNumber(median(smallTimes))} ms with ${SMALL}, ` +
      `${formatNumber(median(largeTimes))} ms with ${largeCount.toLocaleString("en")} applications.`,
    `Purge (the reset workflow's functions, DynamoDB Local and s3rver): ${purge.purgedItems.toLocaleString("en")} items in the ` +
      `first ${purge.items.length} batches at ${formatNumber(median(purge.items))} items/s; all ${purge.purgedObjects.toLocaleString("en")} objects ` +
      "of both areas (incoming/ first, then verified/; the bench checks that both prefixes are empty afterwards) " +
      `in ${purge.objects.length} batches of up to 1,000 at ${formatNumber(median(purge.objects))} objects/s (fewer than 20 runs: ` +
      `s3rver writes ~370 objects/s, so the bench seeds objects for ${SMALL} applications only). At that item rate the whole ` +
      `generation would take ${formatNumber(totalItems / median(purge.items) / 60)} minutes here; the workflow purges in resumable ` +
      "batches after the generation has moved, so nobody waits for it.",
  ];
  return { rows, details };
}
