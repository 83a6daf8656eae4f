import { BatchGetCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client";

/** DynamoDB answers at most 100 keys per BatchGetItem. */
const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;

/**
 * The stored items of these keys, read consistently unless said otherwise (half the read units), by
 * `PK|SK`; keys that do not exist are absent.
 * Keys DynamoDB leaves unprocessed (throttling, the 16 MB answer limit) are asked for again with backoff.
 */
export async function batchGetItems(
  keyList: readonly { PK: string; SK: string }[],
  consistent = true,
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < keyList.length; start += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = keyList.slice(start, start + BATCH_GET_LIMIT);
    for (let attempt = 0; pending.length > 0; attempt += 1) {
      if (attempt >= MAX_ATTEMPTS) throw new Error("batch reads kept being throttled");
      if (attempt > 0) await new Promise((resolveDelay) => setTimeout(resolveDelay, 50 * 2 ** attempt));
      const result = await documentClient.send(
        new BatchGetCommand({
          RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: consistent } },
        }),
      );
      for (const item of result.Responses?.[tableName()] ?? []) found.set(`${item.PK}|${item.SK}`, item);
      pending = result.UnprocessedKeys?.[tableName()]?.Keys ?? [];
    }
  }
  return found;
}
