import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { withoutKeys } from "./records";

/** One page of a list and the cursor of the next, absent on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Lists answer at most this many records per request, so no query is unbounded (DESIGN.md §9). */
export const PAGE_SIZE = 100;

export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey), "utf8").toString("base64url") : undefined;
}

function invalidCursor(): DomainError {
  return new DomainError("INVALID_CURSOR", "分页游标无效，请从第一页重新查询。", {
    fields: [{ path: "query.cursor", message: "分页游标无效" }],
  });
}

/**
 * The start key of the next page. A cursor is only ever accepted for the partition it came from,
 * so an edited cursor cannot open another organisation's list.
 */
export function decodeCursor(
  cursor: string | undefined,
  partition: { attribute: string; value: string },
): Record<string, unknown> | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (typeof key !== "object" || key === null || Array.isArray(key)) throw invalidCursor();
  const record = key as Record<string, unknown>;
  const allStrings = Object.values(record).every((value) => typeof value === "string");
  if (!allStrings || record[partition.attribute] !== partition.value) throw invalidCursor();
  return record;
}

/**
 * One page of an index partition: the paged list every repository needs (a query, never a scan,
 * bounded by PAGE_SIZE, with a cursor that only opens the partition it came from). `state` filters
 * within the page, so a filtered page may hold fewer items while a cursor remains.
 */
export async function queryIndexPage<T>(request: {
  index: "GSI1" | "GSI2";
  partition: string;
  cursor: string | undefined;
  newestFirst?: boolean;
  state?: string | undefined;
}): Promise<Page<T>> {
  const attribute = `${request.index}PK`;
  const { state } = request;
  const found = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: request.index,
      KeyConditionExpression: "#pk = :pk",
      ...(state ? { FilterExpression: "#state = :state" } : {}),
      ExpressionAttributeNames: { "#pk": attribute, ...(state ? { "#state": "state" } : {}) },
      ExpressionAttributeValues: { ":pk": request.partition, ...(state ? { ":state": state } : {}) },
      ExclusiveStartKey: decodeCursor(request.cursor, { attribute, value: request.partition }),
      ScanIndexForward: !request.newestFirst,
      Limit: PAGE_SIZE,
    }),
  );
  const nextCursor = encodeCursor(found.LastEvaluatedKey);
  return {
    items: (found.Items ?? []).map((item) => withoutKeys(item) as unknown as T),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/**
 * Every item of one partition, page after page, for partitions that stay small by design (a day's
 * notice endings, a tally shard): read whole inside one request, with no cursor to hand out.
 */
export async function partitionItems(partitionKey: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": partitionKey },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
