import { randomUUID } from "node:crypto";
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { BatchWriteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { purgeItemsBatch } from "../../functions/adapters/dynamodb/generation-purge";
import { type GenerationScope, purgeIndexKeys } from "../../functions/adapters/dynamodb/keys";
import { resetRepository } from "../../functions/adapters/dynamodb/reset-repository";
import { NO_PROGRESS, roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import { purgeObjectsBatch } from "../../functions/adapters/s3/generation-purge";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";
import { useFreshTable } from "../support/table";

const s3 = new S3Client({ forcePathStyle: true });
const old: GenerationScope = { roundId: "2024", generation: 1 };
const next: GenerationScope = { roundId: "2024", generation: 2 };

async function seedItems(scope: GenerationScope, count: number): Promise<void> {
  for (let start = 0; start < count; start += 25) {
    const items = Array.from({ length: Math.min(25, count - start) }, (_, i) => {
      const key = { PK: `ROUND#2024#G${scope.generation}#APP#${start + i}`, SK: "APPLICATION" };
      return { PutRequest: { Item: { ...key, ...purgeIndexKeys(scope, key) } } };
    });
    await documentClient.send(
      new BatchWriteCommand({ RequestItems: { [process.env.TABLE_NAME ?? ""]: items } }),
    );
  }
}

/** `count` objects in the area at `area` (0: incoming, 1: verified) of a generation. */
async function seedObjects(scope: GenerationScope, area: 0 | 1, count: number): Promise<void> {
  // A few at a time: the local S3 server writes files and fails under hundreds of parallel puts.
  for (let start = 0; start < count; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, (_, i) =>
        s3.send(
          new PutObjectCommand({
            Bucket: process.env.EVIDENCE_BUCKET,
            Key: `${generationObjectPrefixes(scope)[area]}${start + i}.pdf`,
            Body: "x",
          }),
        ),
      ),
    );
  }
}

async function countObjects(scope: GenerationScope, area: 0 | 1): Promise<number> {
  const listed = await s3.send(
    new ListObjectsV2Command({
      Bucket: process.env.EVIDENCE_BUCKET,
      Prefix: generationObjectPrefixes(scope)[area],
    }),
  );
  return listed.KeyCount ?? 0;
}

describe("purge of an old generation (DESIGN.md §8)", () => {
  beforeAll(async () => {
    await useFreshTable();
    process.env.EVIDENCE_BUCKET = `purge-${randomUUID().slice(0, 8)}`;
    await s3.send(new CreateBucketCommand({ Bucket: process.env.EVIDENCE_BUCKET }));
  });

  // 2,500 items and 1,230 objects take the emulators seconds on a busy machine: a budget, not a measure.
  it("an interrupted purge started again ends with nothing of the old generation, incoming or verified, and all of the new", {
    timeout: 120_000,
  }, async () => {
    await seedItems(old, 2500);
    await seedItems(next, 40);
    // Verified copies, and what incoming/ holds: uploads never completed, re-posts of old tickets.
    await seedObjects(old, 1, 1200);
    await seedObjects(old, 0, 30);
    await seedObjects(next, 1, 7);
    await seedObjects(next, 0, 3);

    // A first run that stops (crashes) after two batches.
    for (let batch = 0; batch < 2; batch += 1) {
      expect((await purgeItemsBatch(old)).remaining).toBe(true);
      await purgeObjectsBatch(old);
    }
    // A second run continues until a pass finds nothing.
    let items = { remaining: true, deleted: 0 };
    for (let guard = 0; items.remaining && guard < 100; guard += 1) items = await purgeItemsBatch(old);
    let objects = { remaining: true, deleted: 0 };
    for (let guard = 0; (objects.remaining || objects.deleted > 0) && guard < 10; guard += 1) {
      objects = await purgeObjectsBatch(old);
    }

    expect((await purgeItemsBatch(old)).deleted).toBe(0);
    expect(await purgeObjectsBatch(old)).toEqual({ deleted: 0, remaining: false });
    expect(await countObjects(old, 0)).toBe(0);
    expect(await countObjects(old, 1)).toBe(0);
    expect(await countObjects(next, 0)).toBe(3);
    expect(await countObjects(next, 1)).toBe(7);
    let survivors = 0;
    for (let i = 0; i < 40; i += 1) {
      const found = await documentClient.send(
        new GetCommand({
          TableName: process.env.TABLE_NAME,
          Key: { PK: `ROUND#2024#G2#APP#${i}`, SK: "APPLICATION" },
        }),
      );
      if (found.Item) survivors += 1;
    }
    expect(survivors).toBe(40);
  });

  it("moves the generation in one conditional transaction: a second concurrent reset loses", async () => {
    await roundRepository.create(
      {
        roundId: "2030",
        title: "t",
        calendar: ROUND_2024_CALENDAR_SPEC,
        eligibilityRuleSet: "retirement-2025",
        generation: 1,
        calendarAttempt: 0,
        openedPhases: [],
        progress: NO_PROGRESS,
        version: 1,
        createdAt: "2030-01-01T00:00:00.000Z",
      },
      { actor: "office", action: "create_round", at: new Date("2030-01-01T00:00:00Z"), detail: {} },
    );
    const at = new Date("2030-09-11T00:00:00Z");
    const results = await Promise.all([
      resetRepository.begin({ roundId: "2030", fromGeneration: 1, requestedBy: "a", scheduled: true, at }),
      resetRepository.begin({ roundId: "2030", fromGeneration: 1, requestedBy: "b", scheduled: true, at }),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const round = await roundRepository.get("2030");
    expect(round?.generation).toBe(2);
    expect(round?.progress.preparationResetDone).toBe(true);
    expect(await resetRepository.finish("2030", 1, at)).toBe(true);
    expect(await resetRepository.finish("2030", 1, at)).toBe(false);
    expect((await resetRepository.list("2030")).map((r) => r.status)).toEqual(["done"]);
  });
});
