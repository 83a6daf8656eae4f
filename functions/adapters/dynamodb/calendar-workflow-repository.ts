import { DomainError } from "../../core/errors";
import { calendarExecutionName } from "../workflow/executions";
import { auditPut } from "./audit-repository";
import { tableName } from "./client";
import { keys } from "./keys";
import type { CalendarFailure } from "./round-repository";
import { writeTogether } from "./transactions";

/**
 * The calendar workflow's own record on the round: the failure its failure path wrote, and the attempt
 * that names the execution a resumption starts. Each write goes with its audit record.
 */
export const calendarWorkflowRepository = {
  /** The failure path's record, for the round's current execution (statemachines/round-calendar.asl.json). */
  async recordFailure(
    roundId: string,
    failure: Omit<CalendarFailure, "execution" | "at">,
    attempt: number,
    at: Date,
    cause: string,
  ): Promise<CalendarFailure> {
    const recorded: CalendarFailure = {
      execution: calendarExecutionName(roundId, attempt),
      at: at.toISOString(),
      ...failure,
    };
    await writeTogether([
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: keys.round(roundId),
            UpdateExpression: "SET calendarFailure = :failure",
            ConditionExpression: "attribute_exists(PK)",
            ExpressionAttributeValues: { ":failure": recorded },
          },
        },
      },
      {
        write: auditPut({
          entity: `ROUND#${roundId}`,
          action: "workflow_failed",
          actor: "system",
          at,
          detail: { workflow: "round-calendar", ...recorded, cause },
        }),
      },
    ]);
    return recorded;
  },

  /**
   * Moves the round to the next attempt and clears the failure, if nobody did so since `fromAttempt`
   * was read; answers whether this call did (of two clicks, one resumes and the other joins).
   */
  async nextAttempt(roundId: string, fromAttempt: number, actor: string, at: Date): Promise<boolean> {
    // Caught below: of two clicks, the one whose write lost joins the other's execution.
    const resumed = new DomainError("CONCURRENT_UPDATE");
    try {
      await writeTogether([
        {
          write: {
            Update: {
              TableName: tableName(),
              Key: keys.round(roundId),
              UpdateExpression: "SET calendarAttempt = :next, updatedAt = :at REMOVE calendarFailure",
              // Rounds stored before resumptions existed have no attempt yet: theirs is the first.
              ConditionExpression:
                fromAttempt === 0
                  ? "attribute_not_exists(calendarAttempt) OR calendarAttempt = :from"
                  : "calendarAttempt = :from",
              ExpressionAttributeValues: {
                ":next": fromAttempt + 1,
                ":from": fromAttempt,
                ":at": at.toISOString(),
              },
            },
          },
          conflict: () => resumed,
        },
        {
          write: auditPut({
            entity: `ROUND#${roundId}`,
            action: "resume_calendar",
            actor,
            at,
            detail: {
              failedExecution: calendarExecutionName(roundId, fromAttempt),
              execution: calendarExecutionName(roundId, fromAttempt + 1),
            },
          }),
        },
      ]);
      return true;
    } catch (error) {
      if (error === resumed) return false;
      throw error;
    }
  },
};
