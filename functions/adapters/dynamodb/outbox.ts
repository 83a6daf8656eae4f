import { PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { NotificationIntent, NotificationParams, Recipient, TemplateId } from "../../core/notifications";
import { applicationKeys } from "./application-keys";
import { documentClient, tableName } from "./client";
import { type GenerationScope, generationPrefix, purgeIndexKeys } from "./keys";
import { reviewKeys } from "./review-keys";
import type { GuardedWrite } from "./transactions";

/**
 * The transactional outbox (DESIGN.md §7a): a notification is an item written in the same transaction
 * as the change it tells of, or with a key that makes writing it twice impossible. The table's stream
 * carries every new item whose sort key starts with `OUTBOX#` to the notifier; nothing polls for them.
 *
 * | pattern                                 | key                                                      |
 * | --------------------------------------- | -------------------------------------------------------- |
 * | a state change's notifications          | PK `<gen>#APP#<id>` SK `OUTBOX#<version>#<n>`            |
 * | a review-cutoff reminder to one org     | PK `<gen>#REMINDER#<org>` SK `OUTBOX#<cutoff kind>#<cutoff>` |
 * | a unit notice about to end, objections open | PK `<gen>#NOTICE#<id>` SK `OUTBOX#ENDING`            |
 */
export const OUTBOX_PREFIX = "OUTBOX#";

/**
 * How often the stream retries a failed outbox record before it goes to the dead letters: the event source
 * mapping in AWS and its local stand-in both read it.
 */
export const OUTBOX_STREAM_RETRIES = 5;

export const outboxKeys = {
  transition: (scope: GenerationScope, applicationId: string, version: number, n: number) => ({
    PK: applicationKeys.partition(scope, applicationId),
    SK: `${OUTBOX_PREFIX}${String(version).padStart(6, "0")}#${n}`,
  }),
  reminder: (scope: GenerationScope, orgId: string, cutoffKind: string, cutoff: string) => ({
    PK: `${generationPrefix(scope)}#REMINDER#${orgId}`,
    SK: `${OUTBOX_PREFIX}${cutoffKind}#${cutoff}`,
  }),
  noticeEnding: (scope: GenerationScope, noticeId: string) => ({
    PK: reviewKeys.notice(scope, noticeId).PK,
    SK: `${OUTBOX_PREFIX}ENDING`,
  }),
};

/** One notification as stored: what to say to whom. Who that is, and how to reach them, is read at delivery. */
export interface OutboxItem {
  /** Stable per item: the dedupe key of its deliveries. */
  outboxId: string;
  scope: GenerationScope;
  template: TemplateId;
  recipient: Recipient;
  params: NotificationParams;
  createdAt: string;
}

/** What was sent for an item, recorded on it once every recipient has been served. */
export interface Delivery {
  accountId: string;
  channel: string;
  fallback: boolean;
  at: string;
}

function itemOf(
  scope: GenerationScope,
  key: { PK: string; SK: string },
  intent: NotificationIntent,
  at: string,
) {
  const outbox: OutboxItem = {
    outboxId: `${key.PK}|${key.SK}`,
    scope,
    template: intent.template,
    recipient: intent.recipient,
    params: intent.params,
    createdAt: at,
  };
  return { ...key, ...purgeIndexKeys(scope, key), ...outbox };
}

export const outbox = {
  /** The notifications of a transition, to write in its transaction; its version makes each key new. */
  transitionWrites(
    scope: GenerationScope,
    applicationId: string,
    version: number,
    intents: readonly NotificationIntent[],
    at: string,
  ): GuardedWrite[] {
    return intents.map((intent, n) => ({
      write: {
        Put: {
          TableName: tableName(),
          Item: itemOf(scope, outboxKeys.transition(scope, applicationId, version, n), intent, at),
          ConditionExpression: "attribute_not_exists(PK)",
        },
      },
    }));
  },

  /** Writes the notification unless its key exists: a repeated workflow step writes nothing twice. */
  async putOnce(
    scope: GenerationScope,
    key: { PK: string; SK: string },
    intent: NotificationIntent,
    at: Date,
  ): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: itemOf(scope, key, intent, at.toISOString()),
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  },

  /** The item's deliveries, for whoever looks at it later; the stream passes modifications by. */
  async recordDeliveries(outboxId: string, deliveries: Delivery[], at: Date): Promise<void> {
    const [PK, SK] = outboxId.split("|");
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { PK, SK },
          UpdateExpression: "SET deliveries = :deliveries, deliveredAt = :at",
          ConditionExpression: "attribute_exists(PK)",
          ExpressionAttributeValues: { ":deliveries": deliveries, ":at": at.toISOString() },
        }),
      );
    } catch (error) {
      // Purged with its generation meanwhile (a reset): what was sent stays sent; nothing to record on.
      if ((error as Error).name !== "ConditionalCheckFailedException") throw error;
    }
  },
};
