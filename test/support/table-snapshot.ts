import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { DELIVERY_RECORDS_PREFIX } from "../../functions/adapters/dynamodb/delivery-idempotency";
import { OUTBOX_PREFIX } from "../../functions/adapters/dynamodb/outbox";

/**
 * Every item of the test system's table, keyed, except what runs by itself in the background: the round
 * workflow (the round item, its resets and their audit, the reminders and notice-ending alerts it writes
 * to the outbox) and the notifier (its delivery records, and the deliveries it marks on outbox items
 * written earlier), so that "nothing was stored" can be asserted exactly. An outbox item a request wrote
 * still shows. A scan is fine here: the table is this test file's own and small.
 */
export async function tableSnapshot(): Promise<Map<string, string>> {
  const items = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new ScanCommand({ TableName: process.env.TABLE_NAME, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      const pk = String(item.PK);
      const sk = String(item.SK);
      const workflowOwned =
        sk === "ROUND" ||
        sk.startsWith("RESET#") ||
        pk.startsWith("AUDIT#ROUND#") ||
        pk.includes("#REMINDER#") ||
        sk === `${OUTBOX_PREFIX}ENDING`;
      if (workflowOwned || pk.startsWith(DELIVERY_RECORDS_PREFIX)) continue;
      const { deliveries: _deliveries, deliveredAt: _deliveredAt, ...written } = item;
      items.set(`${pk}|${sk}`, JSON.stringify(sk.startsWith(OUTBOX_PREFIX) ? written : item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
