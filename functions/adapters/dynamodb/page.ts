import { DomainError } from "../../core/errors";

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
  return new DomainError("bad_request", "INVALID_CURSOR", "分页游标无效，请从第一页重新查询。", {
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
