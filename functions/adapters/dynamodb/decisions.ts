import { DomainError } from "../../core/errors";
import type { AuditContext } from "./audit-repository";
import { tableName } from "./client";
import { staleVersion } from "./round-repository";
import type { GuardedWrite } from "./transactions";

/** Records the title office files and then approves or refuses (R2.4 entrustments, R2.5 dispatches). */
export type DecisionStatus = "filed" | "approved" | "refused";

export interface Decided {
  status: DecisionStatus;
  reason?: string;
  decidedBy?: string;
  decidedAt?: string;
  version: number;
}

export function alreadyDecided(): DomainError {
  return new DomainError("ALREADY_DECIDED", "该记录已作出审批决定，不能再次审批。");
}

/** The decision on a filed record, written only while it is still filed and unchanged since read. */
export function decisionUpdate(
  key: { PK: string; SK: string },
  decision: "approved" | "refused",
  reason: string | undefined,
  expectedVersion: number,
  audit: AuditContext,
): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression:
          "SET #status = :status, reason = :reason, decidedBy = :by, decidedAt = :at, #version = :next",
        ConditionExpression: "#version = :expected AND #status = :filed",
        ExpressionAttributeNames: { "#status": "status", "#version": "version" },
        ExpressionAttributeValues: {
          ":status": decision,
          ":reason": reason ?? "",
          ":by": audit.actor,
          ":at": audit.at.toISOString(),
          ":next": expectedVersion + 1,
          ":expected": expectedVersion,
          ":filed": "filed",
        },
      },
    },
    conflict: staleVersion,
  };
}

/** The record as it reads after `decisionUpdate`. */
export function decidedRecord<T extends Decided>(
  record: T,
  decision: "approved" | "refused",
  reason: string | undefined,
  expectedVersion: number,
  audit: AuditContext,
): T {
  return {
    ...record,
    status: decision,
    reason: reason ?? "",
    decidedBy: audit.actor,
    decidedAt: audit.at.toISOString(),
    version: expectedVersion + 1,
  };
}
