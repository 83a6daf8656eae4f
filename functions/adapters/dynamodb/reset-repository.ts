import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";

export interface ResetRecord {
  roundId: string;
  fromGeneration: number;
  toGeneration: number;
  requestedBy: string;
  scheduled: boolean;
  startedAt: string;
  status: "purging" | "done";
  purgedItems: number;
  purgedObjects: number;
  batches: number;
  /** Executions started to purge this generation beyond the first (a failed purge is resumed). */
  attempts: number;
  finishedAt?: string;
}

export const resetRepository = {
  /**
   * The reset itself (DESIGN.md §8): ONE transaction moves the round to the next generation — from
   * that instant every read uses the new one and the old data is invisible — and records the reset and
   * its audit. The condition on the generation makes a concurrent second reset fail instead of
   * moving the round twice. Answers false when the generation had already moved.
   */
  async begin(input: {
    roundId: string;
    fromGeneration: number;
    requestedBy: string;
    scheduled: boolean;
    at: Date;
  }): Promise<boolean> {
    const { roundId, fromGeneration, requestedBy, scheduled, at } = input;
    const record: ResetRecord = {
      roundId,
      fromGeneration,
      toGeneration: fromGeneration + 1,
      requestedBy,
      scheduled,
      startedAt: at.toISOString(),
      status: "purging",
      purgedItems: 0,
      purgedObjects: 0,
      batches: 0,
      attempts: 0,
    };
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: keys.round(roundId),
                UpdateExpression: `SET generation = :to, #version = #version + :one, updatedAt = :at${
                  scheduled ? ", progress.preparationResetDone = :true" : ""
                }`,
                ConditionExpression: "generation = :from",
                ExpressionAttributeNames: { "#version": "version" },
                ExpressionAttributeValues: {
                  ":to": fromGeneration + 1,
                  ":from": fromGeneration,
                  ":one": 1,
                  ":at": at.toISOString(),
                  ...(scheduled ? { ":true": true } : {}),
                },
              },
            },
            {
              Put: {
                TableName: tableName(),
                Item: { ...keys.reset(roundId, fromGeneration), ...record },
                ConditionExpression: "attribute_not_exists(PK)",
              },
            },
            auditPut({
              entity: `ROUND#${roundId}`,
              action: "reset_begun",
              actor: requestedBy,
              at,
              detail: { ...record },
            }),
          ],
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "TransactionCanceledException") return false;
      throw error;
    }
  },

  async recordBatch(roundId: string, fromGeneration: number, items: number, objects: number): Promise<void> {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reset(roundId, fromGeneration),
        UpdateExpression: "ADD purgedItems :items, purgedObjects :objects, batches :one",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":items": items, ":objects": objects, ":one": 1 },
      }),
    );
  },

  /** Claims the next attempt; false when another request claimed it first. */
  async nextAttempt(roundId: string, fromGeneration: number, seen: number): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.reset(roundId, fromGeneration),
          UpdateExpression: "SET attempts = :next",
          ConditionExpression: "attempts = :seen",
          ExpressionAttributeValues: { ":next": seen + 1, ":seen": seen },
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  },

  /** Marks the purge complete once; a repeated finish changes nothing and writes no second audit. */
  async finish(roundId: string, fromGeneration: number, at: Date): Promise<boolean> {
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: keys.reset(roundId, fromGeneration),
                UpdateExpression: "SET #status = :done, finishedAt = :at",
                ConditionExpression: "#status = :purging",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: {
                  ":done": "done",
                  ":purging": "purging",
                  ":at": at.toISOString(),
                },
              },
            },
            auditPut({
              entity: `ROUND#${roundId}`,
              action: "reset_purge_finished",
              actor: "system",
              at,
              detail: { fromGeneration },
            }),
          ],
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "TransactionCanceledException") return false;
      throw error;
    }
  },

  async get(roundId: string, fromGeneration: number): Promise<ResetRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.reset(roundId, fromGeneration),
        ConsistentRead: true,
      }),
    );
    if (!found.Item) return undefined;
    const { PK: _pk, SK: _sk, ...record } = found.Item;
    return record as ResetRecord;
  },

  /** A round's resets, oldest first (a few per round). */
  async list(roundId: string): Promise<ResetRecord[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :reset)",
        ExpressionAttributeValues: { ":pk": `ROUND#${roundId}`, ":reset": "RESET#" },
      }),
    );
    return (found.Items ?? []).map((item) => {
      const { PK: _pk, SK: _sk, ...record } = item;
      return record as ResetRecord;
    });
  },
};
