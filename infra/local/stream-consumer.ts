import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from "@aws-sdk/client-dynamodb-streams";
import type { DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { OUTBOX_PREFIX, OUTBOX_STREAM_RETRIES } from "../../functions/adapters/dynamodb/outbox";
import { invokeFunction } from "./lambda-host";
import type { NotificationSink } from "./notification-sink";

/** As the event source mapping deployed by CDK: the first attempt and its retries, then the dead letters. */
export const LOCAL_MAX_ATTEMPTS = 1 + OUTBOX_STREAM_RETRIES;
const BATCH_SIZE = 10;

/** The event source mapping's filter: new items whose sort key starts with `OUTBOX#`. */
function isNewOutboxItem(record: StreamRecord): boolean {
  const sortKey = record.dynamodb?.NewImage?.SK;
  return record.eventName === "INSERT" && sortKey?.S?.startsWith(OUTBOX_PREFIX) === true;
}

/** The record as Lambda receives it (epoch seconds, the stream's ARN). */
function lambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...rest } = record.dynamodb ?? {};
  return {
    ...(record as DynamoDBRecord),
    eventSourceARN: streamArn,
    dynamodb: {
      ...(rest as DynamoDBRecord["dynamodb"]),
      ...(ApproximateCreationDateTime
        ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) }
        : {}),
    },
  };
}

interface Shard {
  iterator: string | undefined;
}

/**
 * The local stand-in for the DynamoDB stream's event source mapping: it reads the table's stream from
 * DynamoDB Local, keeps the new outbox items, and hands them to the notifier function in batches, as
 * Lambda does. A record the function reports as failed is retried, with the records after it, with
 * backoff; after LOCAL_MAX_ATTEMPTS it is given up on and recorded as a dead letter.
 */
export class LocalStreamConsumer {
  private readonly streams: DynamoDBStreamsClient;
  private readonly shards = new Map<string, Shard>();
  /** Every outbox record handed to the notifier, to replay with `redeliver`. */
  private readonly seen: DynamoDBRecord[] = [];
  private streamArn = "";
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private ticks = 0;

  constructor(
    private readonly dynamodb: DynamoDBClient,
    private readonly tableName: string,
    private readonly sink: NotificationSink,
    private readonly pollMs = 200,
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB });
  }

  async start(): Promise<void> {
    const table = await this.dynamodb.send(new DescribeTableCommand({ TableName: this.tableName }));
    this.streamArn = table.Table?.LatestStreamArn ?? "";
    if (!this.streamArn) throw new Error(`table ${this.tableName} has no stream`);
    await this.discoverShards();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Hands every outbox record seen so far to the notifier again, as a redelivering stream would. */
  async redeliver(): Promise<number> {
    const records = [...this.seen];
    for (let start = 0; start < records.length; start += BATCH_SIZE) {
      await this.deliver(records.slice(start, start + BATCH_SIZE), false);
    }
    return records.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll()
        .catch((error: unknown) => console.error("[stream consumer]", error))
        .finally(() => this.schedule());
    }, this.pollMs);
  }

  /** New shards appear as the stream rolls over; each is read from its start. */
  private async discoverShards(): Promise<void> {
    const described = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (!shardId || this.shards.has(shardId)) continue;
      const iterator = await this.streams.send(
        new GetShardIteratorCommand({
          StreamArn: this.streamArn,
          ShardId: shardId,
          ShardIteratorType: "TRIM_HORIZON",
        }),
      );
      this.shards.set(shardId, { iterator: iterator.ShardIterator });
    }
  }

  private async poll(): Promise<void> {
    this.ticks += 1;
    if (this.ticks % 10 === 0) await this.discoverShards();
    for (const shard of this.shards.values()) {
      if (!shard.iterator) continue;
      const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator }));
      shard.iterator = page.NextShardIterator;
      const outboxRecords = (page.Records ?? [])
        .filter(isNewOutboxItem)
        .map((record) => lambdaRecord(record, this.streamArn));
      for (let start = 0; start < outboxRecords.length; start += BATCH_SIZE) {
        const batch = outboxRecords.slice(start, start + BATCH_SIZE);
        this.seen.push(...batch);
        await this.deliver(batch, true);
      }
    }
  }

  /** One batch until it succeeds: from the first failed record on, with backoff, then dead letters. */
  private async deliver(batch: DynamoDBRecord[], retry: boolean): Promise<void> {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const failed = await this.invoke(pending);
      if (failed.size === 0) return;
      const first = pending.findIndex((record) => failed.has(record.dynamodb?.SequenceNumber ?? ""));
      if (!retry || attempt >= LOCAL_MAX_ATTEMPTS) {
        for (const record of pending
          .slice(first)
          .filter((r) => failed.has(r.dynamodb?.SequenceNumber ?? ""))) {
          this.sink.deadLetter({
            outboxId: `${record.dynamodb?.NewImage?.outboxId?.S ?? "?"}`,
            attempts: attempt,
            error: "delivery failed",
          });
        }
        return;
      }
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100 * 2 ** (attempt - 1)));
      pending = pending.slice(first);
    }
  }

  /** The sequence numbers the function reported as failed; all of them when it threw. */
  private async invoke(records: DynamoDBRecord[]): Promise<Set<string>> {
    const event: DynamoDBStreamEvent = { Records: records };
    try {
      const answer = await invokeFunction<{ batchItemFailures?: { itemIdentifier: string }[] }>(
        "notifier",
        event,
      );
      return new Set((answer?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
    } catch {
      return new Set(records.map((record) => record.dynamodb?.SequenceNumber ?? ""));
    }
  }
}
