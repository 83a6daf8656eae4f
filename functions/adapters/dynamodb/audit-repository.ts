import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "./client";
import { keys } from "./keys";

export interface AuditEntry {
  /** What the entry is about, e.g. `ROUND#2024`. */
  entity: string;
  action: string;
  actor: string;
  at: Date;
  detail: Record<string, unknown>;
}

/** Who did what, when: the entity is the record the repository changes. */
export type AuditContext = Omit<AuditEntry, "entity">;

function auditItem(entry: AuditEntry) {
  return {
    ...keys.audit(entry.entity, entry.at, randomUUID()),
    entity: entry.entity,
    action: entry.action,
    actor: entry.actor,
    at: entry.at.toISOString(),
    detail: entry.detail,
  };
}

/** The audit record of a state change, to write in the change's own transaction (DESIGN.md §10). */
export function auditPut(entry: AuditEntry) {
  return { Put: { TableName: tableName(), Item: auditItem(entry) } };
}

export const auditRepository = {
  /** For events with no state change of their own (a workflow failure); state changes write their
   * audit record inside their own transaction. */
  async record(entry: AuditEntry): Promise<void> {
    await documentClient.send(new PutCommand({ TableName: tableName(), Item: auditItem(entry) }));
  },
};
