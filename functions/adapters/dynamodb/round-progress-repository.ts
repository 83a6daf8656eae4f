import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Phase } from "../../core/calendar";
import type { ReminderPoint } from "../../core/notifications";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";
import type { RoundProgressFlags } from "./round-repository";

function isConditionFailure(error: unknown): boolean {
  return (
    (error as Error).name === "ConditionalCheckFailedException" ||
    (error as Error).name === "TransactionCanceledException"
  );
}

/**
 * The workflow's writes to a round. Each is conditional on the state it expects, so a retried or
 * duplicated step finds its work done and changes nothing (idempotency by condition, not by memory).
 */
export const roundProgressRepository = {
  /** Opens a phase once; answers false when it was already open. */
  async openPhase(roundId: string, phase: Phase, at: Date): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.round(roundId),
          UpdateExpression:
            "SET openedPhases = list_append(if_not_exists(openedPhases, :empty), :phase), #version = #version + :one, updatedAt = :at",
          ConditionExpression: "attribute_exists(PK) AND NOT contains(openedPhases, :phaseName)",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: {
            ":empty": [],
            ":phase": [phase],
            ":phaseName": phase,
            ":one": 1,
            ":at": at.toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** Records a deadline sweep as complete once; answers false when it already was. */
  async markDone(roundId: string, flag: Exclude<keyof RoundProgressFlags, "preparationResetDone">, at: Date) {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.round(roundId),
          UpdateExpression: "SET progress.#flag = :true, #version = #version + :one, updatedAt = :at",
          ConditionExpression: "attribute_exists(PK) AND progress.#flag <> :true",
          ExpressionAttributeNames: { "#flag": flag, "#version": "version" },
          ExpressionAttributeValues: { ":true": true, ":one": 1, ":at": at.toISOString() },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /**
   * Records a reminder point as sent, and the day it went out, once; answers false when either was
   * already recorded (a retried step, or another reminder of the same kind today).
   */
  async markReminderSent(roundId: string, point: ReminderPoint, at: Date): Promise<boolean> {
    try {
      await documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.round(roundId),
          UpdateExpression:
            "SET remindersSent = list_append(if_not_exists(remindersSent, :empty), :sent), #version = #version + :one, updatedAt = :at",
          ConditionExpression:
            "attribute_exists(PK) AND NOT contains(remindersSent, :point) AND NOT contains(remindersSent, :day)",
          ExpressionAttributeNames: { "#version": "version" },
          ExpressionAttributeValues: {
            ":empty": [],
            ":sent": [point.key, point.dayKey],
            ":point": point.key,
            ":day": point.dayKey,
            ":one": 1,
            ":at": at.toISOString(),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
};
