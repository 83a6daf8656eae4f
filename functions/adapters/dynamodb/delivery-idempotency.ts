import { IdempotencyConfig, makeIdempotent } from "@aws-lambda-powertools/idempotency";
import { DynamoDBPersistenceLayer } from "@aws-lambda-powertools/idempotency/dynamodb";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import type { Context } from "aws-lambda";
import { tableName } from "./client";
import { TABLE_DESIGN } from "./table-design";

// Powertools takes a plain DynamoDB client, not the document client of client.ts.
const client = new DynamoDBClient({});

/**
 * Longer than the stream keeps a record (24 hours) and than the event source mapping retries it, so that
 * any redelivery of an item finds its deliveries recorded.
 */
const DELIVERY_KEPT_SECONDS = 3 * 24 * 60 * 60;

/** The partition of an outbox item's delivery records is this prefix and the item's id. */
export const DELIVERY_RECORDS_PREFIX = "IDEMPOTENCY#NOTIFY#";

export interface DeliveryKey {
  outboxId: string;
  accountId: string;
}

/**
 * Sends one notification to one person at most once (Powertools idempotency on our table): a stream
 * record delivered again, or retried after a later recipient failed, finds the delivery recorded and sends
 * nothing. A send that failed leaves no record, so its retry sends afresh. Records sit in a partition per
 * outbox item and expire through the table's TTL.
 */
export async function deliverOnce<T extends Record<string, unknown>>(
  key: DeliveryKey,
  context: Context | undefined,
  send: () => Promise<T>,
): Promise<{ result: T; sentNow: boolean }> {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName: tableName(),
    keyAttr: TABLE_DESIGN.partitionKey,
    sortKeyAttr: TABLE_DESIGN.sortKey,
    staticPkValue: `${DELIVERY_RECORDS_PREFIX}${key.outboxId}`,
    expiryAttr: TABLE_DESIGN.timeToLiveAttribute,
    awsSdkV3Client: client,
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: "accountId",
    expiresAfterSeconds: DELIVERY_KEPT_SECONDS,
  });
  // A delivery interrupted mid-way frees its key when the invocation's time is up.
  if (context) config.registerLambdaContext(context);
  let sentNow = false;
  const run = makeIdempotent(
    async (_key: DeliveryKey) => {
      const result = await send();
      sentNow = true;
      return result;
    },
    { persistenceStore, config },
  );
  const result = (await run(key)) as T;
  return { result, sentNow };
}
