import { type ConsumedCapacity, DynamoDBClient, GetItemCommand } from "@aws-sdk/client-dynamodb";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import type { Item } from "./item-size";
import { type PartitionWrite, writeCost } from "./write-model";

const WRITES = new Set([
  "PutItemCommand",
  "UpdateItemCommand",
  "DeleteItemCommand",
  "BatchWriteItemCommand",
  "TransactWriteItemsCommand",
]);

/** One call to DynamoDB while the recorder was on, under the label of the API operation that made it. */
export interface RecordedCall {
  label: string;
  command: string;
  transactional: boolean;
  /** As DynamoDB Local reports it through ReturnConsumedCapacity. */
  reportedRead: number;
  reportedWrite: number;
  /** As DynamoDB bills it, from the items' sizes before and after (see write-model.ts). */
  tableWrite: number;
  indexWrite: number;
  /** Items this call wrote (put, updated or deleted). */
  itemsWritten: number;
  /** Keys a GetItem or BatchGetItem asked for: each costs at least one read unit, found or not. */
  keysRead: number;
  partitions: PartitionWrite[];
}

interface WriteTarget {
  table: string;
  key: Item;
}

type Input = Record<string, unknown>;

function keyOf(item: Item): Item {
  const names = [TABLE_DESIGN.partitionKey, TABLE_DESIGN.sortKey];
  return Object.fromEntries(names.flatMap((name) => (item[name] ? [[name, item[name]]] : [])));
}

/** The items a write command touches, in the marshalled (low-level) shape. */
function writeTargets(command: string, input: Input): WriteTarget[] {
  const table = String(input.TableName ?? "");
  if (command === "PutItemCommand") return [{ table, key: keyOf(input.Item as Item) }];
  if (command === "UpdateItemCommand" || command === "DeleteItemCommand")
    return [{ table, key: input.Key as Item }];
  if (command === "BatchWriteItemCommand") {
    return Object.entries(input.RequestItems as Record<string, Input[]>).flatMap(([name, requests]) =>
      requests.map((request) => {
        const put = request.PutRequest as { Item: Item } | undefined;
        const remove = request.DeleteRequest as { Key: Item } | undefined;
        return put ? { table: name, key: keyOf(put.Item) } : { table: name, key: remove?.Key ?? {} };
      }),
    );
  }
  if (command === "TransactWriteItemsCommand") {
    return (input.TransactItems as Input[]).flatMap((entry) => {
      const put = entry.Put as { TableName: string; Item: Item } | undefined;
      if (put) return [{ table: put.TableName, key: keyOf(put.Item) }];
      const change = (entry.Update ?? entry.Delete) as { TableName: string; Key: Item } | undefined;
      return change ? [{ table: change.TableName, key: change.Key }] : [];
    });
  }
  return [];
}

function keysRead(command: string, input: Input): number {
  if (command === "GetItemCommand") return 1;
  if (command !== "BatchGetItemCommand") return 0;
  const requests = Object.values(input.RequestItems as Record<string, { Keys?: unknown[] }>);
  return requests.reduce((sum, request) => sum + (request.Keys?.length ?? 0), 0);
}

function capacityUnits(consumed: ConsumedCapacity | ConsumedCapacity[] | undefined): number {
  const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return list.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
}

/**
 * Records the capacity of every DynamoDB call of the process while it is on, through two middlewares
 * on each client: one asks for ReturnConsumedCapacity, one reads the written items before and after
 * (with its own client, not recorded) to price the writes as DynamoDB does. Bench only: it slows calls.
 */
export class CapacityRecorder {
  on = false;
  label = "";
  readonly calls: RecordedCall[] = [];
  private readonly reader = new DynamoDBClient({});
  private readonly instrumented = new WeakSet<object>();

  install(client: Pick<DynamoDBClient, "middlewareStack">): void {
    if (this.instrumented.has(client.middlewareStack)) return;
    this.instrumented.add(client.middlewareStack);
    client.middlewareStack.add(
      (next) => async (args) => {
        if (this.on) (args.input as Input).ReturnConsumedCapacity = "INDEXES";
        return next(args);
      },
      { step: "initialize", name: "benchReturnConsumedCapacity", override: true },
    );
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (!this.on) return next(args);
        const command = String(context.commandName ?? "");
        const input = args.input as Input;
        const targets = WRITES.has(command) ? writeTargets(command, input) : [];
        const before = await Promise.all(targets.map((target) => this.image(target)));
        const result = await next(args);
        const after = await Promise.all(targets.map((target) => this.image(target)));
        const transactional = command.startsWith("Transact");
        const costs = targets.map((_, index) => writeCost(before[index], after[index], transactional));
        const consumed = capacityUnits(
          (result.output as { ConsumedCapacity?: ConsumedCapacity }).ConsumedCapacity,
        );
        this.calls.push({
          label: this.label,
          command: command.replace(/Command$/, ""),
          transactional,
          reportedRead: WRITES.has(command) ? 0 : consumed,
          reportedWrite: WRITES.has(command) ? consumed : 0,
          tableWrite: costs.reduce((sum, cost) => sum + cost.tableUnits, 0),
          indexWrite: costs.reduce((sum, cost) => sum + cost.indexUnits, 0),
          itemsWritten: targets.length,
          keysRead: keysRead(command, input),
          partitions: costs.flatMap((cost) => cost.partitions),
        });
        return result;
      },
      { step: "build", name: "benchWriteImages", override: true },
    );
  }

  /**
   * Instruments every DynamoDB client made anywhere in the process (Powertools idempotency makes its
   * own), on its first call.
   */
  installEverywhere(): void {
    const original = DynamoDBClient.prototype.send;
    const recorder = this;
    DynamoDBClient.prototype.send = function (this: DynamoDBClient, ...args: Parameters<typeof original>) {
      if (this !== recorder.reader) recorder.install(this);
      return original.apply(this, args) as ReturnType<typeof original>;
    } as typeof original;
  }

  private async image(target: WriteTarget): Promise<Item | undefined> {
    const found = await this.reader.send(
      new GetItemCommand({ TableName: target.table, Key: target.key, ConsistentRead: true }),
    );
    return found.Item;
  }

  /** Every call recorded under `label` since the recorder started. */
  callsOf(label: string): RecordedCall[] {
    return this.calls.filter((call) => call.label === label);
  }
}
