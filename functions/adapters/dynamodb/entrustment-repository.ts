import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { type Decided, decidedRecord, decisionUpdate } from "./decisions";
import { keys } from "./keys";
import { withoutKeys } from "./records";
import { writeTogether } from "./transactions";

/**
 * R2.4: the entrustment letter (委托函) a central unit's HR department sends to the title office, so
 * that its applicants are reviewed by this committee in that round. Not round-generation data: a
 * letter received during pre-preparation is a real letter and survives the reset.
 */
export interface EntrustmentRecord extends Decided {
  unitId: string;
  roundId: string;
  /** The letter's document number (文号). */
  letterNumber: string;
  receivedOn: string;
  filedBy: string;
  filedAt: string;
}

export const entrustmentRepository = {
  async get(unitId: string, roundId: string): Promise<EntrustmentRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.entrustment(unitId, roundId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as EntrustmentRecord) : undefined;
  },

  /** Files the letter; a refused one may be replaced by a new letter, anything else is kept. */
  async file(record: EntrustmentRecord, replacing: EntrustmentRecord | undefined, audit: AuditContext) {
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...keys.entrustment(record.unitId, record.roundId), ...record },
            ConditionExpression: replacing
              ? "#version = :replaced AND #status = :refused"
              : "attribute_not_exists(PK)",
            ...(replacing
              ? {
                  ExpressionAttributeNames: { "#version": "version", "#status": "status" },
                  ExpressionAttributeValues: { ":replaced": replacing.version, ":refused": "refused" },
                }
              : {}),
          },
        },
        conflict: () => new DomainError("ENTRUSTMENT_EXISTS", "该单位本轮次已有委托函记录，请刷新后查看。"),
      },
      { write: auditPut({ entity: `ORG#${record.unitId}`, ...audit }) },
    ]);
  },

  async decide(
    record: EntrustmentRecord,
    decision: "approved" | "refused",
    reason: string | undefined,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<EntrustmentRecord> {
    await writeTogether([
      decisionUpdate(
        keys.entrustment(record.unitId, record.roundId),
        decision,
        reason,
        expectedVersion,
        audit,
      ),
      { write: auditPut({ entity: `ORG#${record.unitId}`, ...audit }) },
    ]);
    return decidedRecord(record, decision, reason, expectedVersion, audit);
  },
};
