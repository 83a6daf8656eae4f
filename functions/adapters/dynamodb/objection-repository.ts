import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError, ruleViolation } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { PAGE_SIZE } from "./page";
import { withoutKeys } from "./records";
import { reviewKeys } from "./review-keys";
import { type GuardedWrite, writeTogether } from "./transactions";

export type ObjectionOutcome = "upheld" | "dismissed";

/** How the unit's handler resolved an objection (§7): upheld, with what followed, or dismissed, and why. */
export interface ObjectionResolution {
  outcome: ObjectionOutcome;
  followUp?: "return" | "cancel";
  reason: string;
  resolvedBy: string;
  resolvedAt: string;
}

/** An objection lodged by anyone against an applicant on a running notice (§7). */
export interface ObjectionRecord {
  /** Sorts by the time it was lodged. */
  objectionId: string;
  noticeId: string;
  applicationId: string;
  entry: number;
  lodgedAt: string;
  content: string;
  /** For the unit's follow-up only; never in a public answer. */
  contact?: { name?: string; phone?: string };
  status: "unresolved" | ObjectionOutcome;
  resolution?: ObjectionResolution;
}

/** One address's objections in one window: a counter item per address and window, gone by TTL. */
export interface RateWindow {
  address: string;
  windowStart: string;
  limit: number;
  /** Epoch seconds, for the table's TTL. */
  expiresAt: number;
  /** The answer once the address has used up its window. */
  refused: () => DomainError;
}

export function objectionUnresolved(): DomainError {
  return ruleViolation("R4.2", "OBJECTION_UNRESOLVED", "公示期间收到的异议尚未处理完毕，请先核查并处理异议");
}

function alreadyResolved(): DomainError {
  return new DomainError("OBJECTION_RESOLVED", "该异议已处理，不能重复处理；请刷新后查看处理结果。");
}

function toRecord(item: Record<string, unknown>): ObjectionRecord {
  return withoutKeys(item) as unknown as ObjectionRecord;
}

export const objectionRepository = {
  /** The objection, the applicant's unresolved count and the address's counter: all or nothing. */
  async lodge(scope: GenerationScope, objection: ObjectionRecord, rate: RateWindow): Promise<void> {
    const key = reviewKeys.objection(scope, objection.applicationId, objection.objectionId);
    const count = reviewKeys.objectionCount(scope, objection.applicationId);
    const countPurge = purgeIndexKeys(scope, count);
    await writeTogether([
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: reviewKeys.objectionRate(rate.address, rate.windowStart),
            UpdateExpression: "ADD #count :one SET expiresAt = :expires",
            ConditionExpression: "attribute_not_exists(#count) OR #count < :limit",
            ExpressionAttributeNames: { "#count": "count" },
            ExpressionAttributeValues: { ":one": 1, ":expires": rate.expiresAt, ":limit": rate.limit },
          },
        },
        conflict: rate.refused,
      },
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...key, ...purgeIndexKeys(scope, key), ...objection },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
      },
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: count,
            UpdateExpression: "ADD unresolved :one, lodged :one SET GENPK = :genpk, GENSK = :gensk",
            ExpressionAttributeValues: { ":one": 1, ":genpk": countPurge.GENPK, ":gensk": countPurge.GENSK },
          },
        },
      },
    ]);
  },

  async get(scope: GenerationScope, applicationId: string, objectionId: string) {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: reviewKeys.objection(scope, applicationId, objectionId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  /** The newest objections against the applicant, newest first. */
  async list(scope: GenerationScope, applicationId: string): Promise<ObjectionRecord[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :objection)",
        ExpressionAttributeValues: {
          ":pk": reviewKeys.objection(scope, applicationId, "").PK,
          ":objection": "OBJECTION#",
        },
        ScanIndexForward: false,
        Limit: PAGE_SIZE,
        ConsistentRead: true,
      }),
    );
    return (found.Items ?? []).map(toRecord);
  },

  async unresolved(scope: GenerationScope, applicationId: string): Promise<number> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: reviewKeys.objectionCount(scope, applicationId),
        ConsistentRead: true,
      }),
    );
    return Number(found.Item?.unresolved ?? 0);
  },

  /** Marks the objection resolved, once, and counts it off the applicant's unresolved ones. */
  resolutionWrites(scope: GenerationScope, objection: ObjectionRecord, resolution: ObjectionResolution) {
    return [
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: reviewKeys.objection(scope, objection.applicationId, objection.objectionId),
            UpdateExpression: "SET #status = :status, resolution = :resolution",
            ConditionExpression: "#status = :unresolved",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: {
              ":status": resolution.outcome,
              ":resolution": resolution,
              ":unresolved": "unresolved",
            },
          },
        },
        conflict: alreadyResolved,
      },
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: reviewKeys.objectionCount(scope, objection.applicationId),
            UpdateExpression: "ADD unresolved :minusOne",
            ExpressionAttributeValues: { ":minusOne": -1 },
          },
        },
      },
    ] satisfies GuardedWrite[];
  },

  /** Holds the transaction to "no objection unresolved" at the instant it commits (§7). */
  noneUnresolved(scope: GenerationScope, applicationId: string): GuardedWrite {
    return {
      write: {
        ConditionCheck: {
          TableName: tableName(),
          Key: reviewKeys.objectionCount(scope, applicationId),
          ConditionExpression: "attribute_not_exists(unresolved) OR unresolved = :zero",
          ExpressionAttributeValues: { ":zero": 0 },
        },
      },
      conflict: objectionUnresolved,
    };
  },
};
