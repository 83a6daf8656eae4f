import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Phase, RoundCalendarSpec } from "../../core/calendar";
import { type EligibilityRuleSetId, ruleSetInForce } from "../../core/eligibility";
import { DomainError } from "../../core/errors";
import type { ReminderSettings } from "../../core/notifications";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";
import { writeTogether } from "./transactions";

/** A round as stored: its calendar in Beijing wall time (R3.4), the generation and what is open. */
export interface RoundRecord {
  roundId: string;
  title: string;
  calendar: RoundCalendarSpec;
  /** The eligibility rules in force in the round's year (R1.5's retirement table, R3.4). */
  eligibilityRuleSet: EligibilityRuleSetId;
  /** Moves by one at each reset (DESIGN.md §8); round-scoped data lives under it. */
  generation: number;
  /** Phases the workflow has opened; closing is by the clock (DESIGN.md §4). */
  openedPhases: Phase[];
  progress: RoundProgressFlags;
  version: number;
  createdAt: string;
  /** When the office recorded the round's qualification document (R4.6): the round is finished. */
  documentRecordedAt?: string;
  /** Days before the review cutoffs the waiting units and departments are reminded; defaults otherwise. */
  reminders?: ReminderSettings;
  /** The reminder points sent, and the days they went out on (the workflow never sends one twice). */
  remindersSent?: string[];
  /**
   * How often the calendar workflow was resumed after a failure: its current execution is
   * `calendarExecutionName(roundId, calendarAttempt)`.
   */
  calendarAttempt: number;
  /** What the calendar workflow's failure path recorded, until a resumption clears it. */
  calendarFailure?: CalendarFailure;
}

/** A calendar execution that failed past its retries (statemachines/round-calendar.asl.json). */
export interface CalendarFailure {
  execution: string;
  at: string;
  /** The error's name as Step Functions caught it, for the operators. */
  error: string;
  /** A stalled or unreachable service (aws-clients.ts), as opposed to an error in the data or the code. */
  serviceUnavailable: boolean;
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
  const calendar = item.calendar as RoundCalendarSpec;
  return {
    roundId: item.roundId as string,
    title: item.title as string,
    calendar,
    // Rounds stored before rule sets were chosen get the one in force in their year.
    eligibilityRuleSet:
      (item.eligibilityRuleSet as EligibilityRuleSetId | undefined) ??
      ruleSetInForce(Number((item.roundId as string).slice(0, 4))),
    generation: item.generation as number,
    openedPhases: (item.openedPhases as Phase[] | undefined) ?? [],
    progress: { ...NO_PROGRESS, ...(item.progress as Partial<RoundProgressFlags> | undefined) },
    version: item.version as number,
    createdAt: item.createdAt as string,
    ...(typeof item.documentRecordedAt === "string" ? { documentRecordedAt: item.documentRecordedAt } : {}),
    ...(item.reminders ? { reminders: item.reminders as ReminderSettings } : {}),
    ...(Array.isArray(item.remindersSent) ? { remindersSent: item.remindersSent as string[] } : {}),
    calendarAttempt: typeof item.calendarAttempt === "number" ? item.calendarAttempt : 0,
    ...(item.calendarFailure ? { calendarFailure: item.calendarFailure as CalendarFailure } : {}),
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

  /**
   * Creates the round and its audit record in one transaction, unless the id is taken; answers whether
   * it was created (false: a round with that id exists, this request wrote nothing).
   */
  async create(round: RoundRecord, audit: AuditContext): Promise<boolean> {
    const taken = new DomainError("ROUND_EXISTS", "轮次编号已被占用");
    try {
      await writeTogether([
        {
          write: {
            Put: {
              TableName: tableName(),
              Item: { ...keys.round(round.roundId), ...keys.roundIndex(round.roundId), ...round },
              ConditionExpression: "attribute_not_exists(PK)",
            },
          },
          conflict: () => taken,
        },
        { write: auditPut({ entity: `ROUND#${round.roundId}`, ...audit }) },
      ]);
      return true;
    } catch (error) {
      if (error === taken) return false;
      throw error;
    }
  },

  /** The mark that the round's last decision is taken, written in the qualification document's transaction. */
  documentRecordedWrite(roundId: string, at: Date) {
    return {
      Update: {
        TableName: tableName(),
        Key: keys.round(roundId),
        UpdateExpression: "SET documentRecordedAt = :at",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":at": at.toISOString() },
      },
    };
  },
};

export function staleVersion(): DomainError {
  return new DomainError("STALE_VERSION", "记录已被他人修改，请刷新后在最新内容上重新操作。");
}

/** A change and its audit record in one transaction, guarded by the version the editor read. */
export async function updateRoundCalendar(
  roundId: string,
  calendar: RoundCalendarSpec,
  expectedVersion: number,
  audit: AuditContext,
): Promise<number> {
  await writeTogether([
    {
      write: {
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
      conflict: staleVersion,
    },
    { write: auditPut({ entity: `ROUND#${roundId}`, ...audit }) },
  ]);
  return expectedVersion + 1;
}
