import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../../functions/adapters/dynamodb/client";

/**
 * Every item of the test system's table, keyed, except what the round workflow writes by itself
 * in the background (the round item, its resets and their audit), so that "nothing was stored" can
 * be asserted exactly. A scan is fine here: the table is this test file's own and small.
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
      const workflowOwned = sk === "ROUND" || sk.startsWith("RESET#") || pk.startsWith("AUDIT#ROUND#");
      if (!workflowOwned) items.set(`${pk}|${sk}`, JSON.stringify(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
