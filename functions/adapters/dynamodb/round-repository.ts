import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { Phase, RoundCalendarSpec } from "../../core/calendar";
import { DomainError } from "../../core/errors";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";

/** A round as stored: its calendar in Beijing wall time (R3.4), the generation and what is open. */
export interface RoundRecord {
  roundId: string;
  title: string;
  calendar: RoundCalendarSpec;
  /** Moves by one at each reset (DESIGN.md §8); round-scoped data lives under it. */
  generation: number;
  /** Phases the workflow has opened; closing is by the clock (DESIGN.md §4). */
  openedPhases: Phase[];
  progress: RoundProgressFlags;
  version: number;
  createdAt: string;
}

/** What the workflow has done besides opening phases (each transition is performed once). */
export interface RoundProgressFlags {
  preparationResetDone: boolean;
  unsubmittedExpired: boolean;
  materialsReceived: boolean;
}

export const NO_PROGRESS: RoundProgressFlags = {
  preparationResetDone: false,
  unsubmittedExpired: false,
  materialsReceived: false,
};

function toRecord(item: Record<string, unknown>): RoundRecord {
  return {
    roundId: item.roundId as string,
    title: item.title as string,
    calendar: item.calendar as RoundCalendarSpec,
    generation: item.generation as number,
    openedPhases: (item.openedPhases as Phase[] | undefined) ?? [],
    progress: { ...NO_PROGRESS, ...(item.progress as Partial<RoundProgressFlags> | undefined) },
    version: item.version as number,
    createdAt: item.createdAt as string,
  };
}

export const roundRepository = {
  async get(roundId: string): Promise<RoundRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: keys.round(roundId) }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  /** All rounds, newest first; a handful per decade, so one page of the index holds them. */
  async list(): Promise<RoundRecord[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI1",
        KeyConditionExpression: "GSI1PK = :rounds",
        ExpressionAttributeValues: { ":rounds": "ROUNDS" },
        ScanIndexForward: false,
        Limit: 100,
      }),
    );
    return (found.Items ?? []).map(toRecord);
  },

  /** Creates the round unless it exists; answers whether it was created. */
  async create(round: RoundRecord): Promise<boolean> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...keys.round(round.roundId), ...keys.roundIndex(round.roundId), ...round },
          ConditionExpression: "attribute_not_exists(PK)",
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  },
};

export function staleVersion(): DomainError {
  return new DomainError("conflict", "STALE_VERSION", "记录已被他人修改，请刷新后在最新内容上重新操作。");
}

/** A change and its audit record in one transaction, guarded by the version the editor read. */
export async function updateRoundCalendar(
  roundId: string,
  calendar: RoundCalendarSpec,
  expectedVersion: number,
  audit: AuditContext,
): Promise<number> {
  const entity = `ROUND#${roundId}`;
  try {
    await documentClient.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.round(roundId),
              UpdateExpression: "SET calendar = :calendar, #version = :next, updatedAt = :at",
              ConditionExpression: "#version = :expected",
              ExpressionAttributeNames: { "#version": "version" },
              ExpressionAttributeValues: {
                ":calendar": calendar,
                ":next": expectedVersion + 1,
                ":expected": expectedVersion,
                ":at": audit.at.toISOString(),
              },
            },
          },
          auditPut({ entity, ...audit }),
        ],
      }),
    );
  } catch (error) {
    if ((error as Error).name === "TransactionCanceledException") throw staleVersion();
    throw error;
  }
  return expectedVersion + 1;
}
