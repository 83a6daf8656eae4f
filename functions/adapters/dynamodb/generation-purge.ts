import { BatchWriteCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client";
import type { GenerationScope } from "./keys";
import { TABLE_DESIGN } from "./table-design";

const PAGE = 100;
const BATCH_WRITE_LIMIT = 25;

async function deleteKeys(keys: { PK: string; SK: string }[]): Promise<void> {
  for (let start = 0; start < keys.length; start += BATCH_WRITE_LIMIT) {
    let requests = keys
      .slice(start, start + BATCH_WRITE_LIMIT)
      .map((key) => ({ DeleteRequest: { Key: key } }));
    // Unprocessed items come back under throttling; retry them with a short backoff until done.
    for (let attempt = 0; requests.length > 0; attempt += 1) {
      if (attempt > 0)
        await new Promise((resolveDelay) => setTimeout(resolveDelay, Math.min(1000, 50 * 2 ** attempt)));
      const result = await documentClient.send(
        new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
      );
      requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      if (attempt > 8 && requests.length > 0) throw new Error("purge batch kept being throttled");
    }
  }
}

/**
 * Deletes one page of an old generation's items from every shard of the ByGeneration index: a query,
 * never a scan. Each batch starts from the index again, so a batch interrupted half-way is repeated
 * harmlessly; the index is eventually consistent, so `remaining` turns false only on an empty pass.
 */
export async function purgeItemsBatch(
  scope: GenerationScope,
): Promise<{ deleted: number; remaining: boolean }> {
  const pages = await Promise.all(
    Array.from({ length: TABLE_DESIGN.generationShards }, (_, shard) =>
      documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: "ByGeneration",
          KeyConditionExpression: "GENPK = :shard",
          ExpressionAttributeValues: { ":shard": `GEN#${scope.roundId}#G${scope.generation}#${shard}` },
          Limit: PAGE,
        }),
      ),
    ),
  );
  const keys = pages
    .flatMap((page) => page.Items ?? [])
    .map((item) => ({ PK: item.PK as string, SK: item.SK as string }));
  await deleteKeys(keys);
  return { deleted: keys.length, remaining: keys.length > 0 };
}
