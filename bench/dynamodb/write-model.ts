import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { type Item, itemSize, writeUnits } from "./item-size";

/** One partition key a write lands on: the table's, or an index's. */
export interface PartitionWrite {
  index: string;
  partitionKey: string;
  units: number;
}

export interface WriteCost {
  tableUnits: number;
  indexUnits: number;
  partitions: PartitionWrite[];
}

const TABLE = { name: "table", partitionKey: TABLE_DESIGN.partitionKey, sortKey: TABLE_DESIGN.sortKey };

function text(item: Item | undefined, attribute: string): string | undefined {
  return item?.[attribute]?.S;
}

function indexEntrySize(item: Item, index: (typeof TABLE_DESIGN.globalSecondaryIndexes)[number]): number {
  if (!("keysOnly" in index && index.keysOnly)) return itemSize(item);
  const keys = [TABLE.partitionKey, TABLE.sortKey, index.partitionKey, index.sortKey];
  return itemSize(Object.fromEntries(keys.flatMap((key) => (item[key] ? [[key, item[key]]] : []))));
}

/**
 * What DynamoDB bills for writing one item, from its images before and after: the larger image in
 * 1 KB units on the table (twice inside a transaction, which prepares and commits every item), and on
 * each index a put, a delete, or both when the write moves the item's index key.
 */
export function writeCost(
  before: Item | undefined,
  after: Item | undefined,
  transactional: boolean,
): WriteCost {
  const tableUnits =
    writeUnits(Math.max(before ? itemSize(before) : 0, after ? itemSize(after) : 0)) *
    (transactional ? 2 : 1);
  const partitions: PartitionWrite[] = [
    {
      index: TABLE.name,
      partitionKey: text(after, TABLE.partitionKey) ?? text(before, TABLE.partitionKey) ?? "?",
      units: tableUnits,
    },
  ];
  let indexUnits = 0;
  for (const index of TABLE_DESIGN.globalSecondaryIndexes) {
    const oldKey = text(before, index.partitionKey);
    const newKey = text(after, index.partitionKey);
    const inBefore =
      before !== undefined && oldKey !== undefined && text(before, index.sortKey) !== undefined;
    const inAfter = after !== undefined && newKey !== undefined && text(after, index.sortKey) !== undefined;
    const moved =
      inBefore &&
      inAfter &&
      (oldKey !== newKey || text(before, index.sortKey) !== text(after, index.sortKey));
    const writes: PartitionWrite[] = [];
    if (before && inBefore && (!inAfter || moved)) {
      writes.push({
        index: index.indexName,
        partitionKey: oldKey ?? "",
        units: writeUnits(indexEntrySize(before, index)),
      });
    }
    if (after && inAfter && (!inBefore || moved)) {
      writes.push({
        index: index.indexName,
        partitionKey: newKey ?? "",
        units: writeUnits(indexEntrySize(after, index)),
      });
    }
    const projected = !("keysOnly" in index && index.keysOnly);
    const rewritten = before && after && inBefore && inAfter && !moved && projected;
    if (rewritten && JSON.stringify(before) !== JSON.stringify(after)) {
      const size = Math.max(indexEntrySize(before, index), indexEntrySize(after, index));
      writes.push({ index: index.indexName, partitionKey: newKey ?? "", units: writeUnits(size) });
    }
    for (const write of writes) indexUnits += write.units;
    partitions.push(...writes);
  }
  return { tableUnits, indexUnits, partitions };
}
