import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";

const BATCH = 25;
const IN_FLIGHT = 16;

/** Puts items 25 to a call, 16 calls in flight, retrying what DynamoDB leaves unprocessed. */
export async function putAll(items: Record<string, unknown>[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + BATCH);
      next += BATCH;
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > 10) throw new Error("bulk write kept being throttled");
        if (attempt > 0) await new Promise((resolveDelay) => setTimeout(resolveDelay, 20 * attempt));
        const result = await documentClient.send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: requests } }),
        );
        requests = (result.UnprocessedItems?.[tableName()] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}
