import { BatchProcessor, EventType, processPartialResponse } from "@aws-lambda-powertools/batch";
import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { AttributeValue as StreamAttributeValue } from "@aws-sdk/client-dynamodb";
import { unmarshall } from "@aws-sdk/util-dynamodb";
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from "aws-lambda";
import { OUTBOX_PREFIX, type OutboxItem } from "../../adapters/dynamodb/outbox";
import { logger } from "../../adapters/logger";
import { METRIC_NAMES, metrics } from "../../adapters/metrics";
import { deliverNotification } from "../../services/notification-delivery";

const processor = new BatchProcessor(EventType.DynamoDBStreams);

/**
 * Only new outbox items reach this function (the event source mapping's filter); anything else that
 * arrives anyway is passed by, not failed, so that it cannot hold up the stream.
 */
function outboxItemOf(record: DynamoDBRecord): OutboxItem | undefined {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== "INSERT" || !image) return undefined;
  const item = unmarshall(image as Record<string, StreamAttributeValue>);
  return typeof item.SK === "string" && item.SK.startsWith(OUTBOX_PREFIX) ? (item as OutboxItem) : undefined;
}

/**
 * The notifier (DESIGN.md §7a): new outbox items from the table's stream, delivered through the channel
 * port. Records are processed one after another and failures reported one by one, so that the stream
 * retries from the first that failed; deliveries already made are not made again.
 */
export async function handler(event: DynamoDBStreamEvent, context: Context) {
  return processPartialResponse(
    event,
    async (record: DynamoDBRecord) => {
      const item = outboxItemOf(record);
      if (!item) return;
      try {
        await deliverNotification(item, context);
      } catch (error) {
        logger.error("notification failed", {
          outboxId: item.outboxId,
          template: item.template,
          error: error as Error,
        });
        metrics.addMetric(METRIC_NAMES.notificationsFailed, MetricUnit.Count, 1);
        metrics.publishStoredMetrics();
        throw error;
      }
    },
    processor,
    { context, processInParallel: false },
  );
}
