import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { ProtectedResidentId } from "../identity/resident-id-protection";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { type Decided, decidedRecord, decisionUpdate } from "./decisions";
import { keys } from "./keys";
import { withoutKeys } from "./records";
import { writeTogether } from "./transactions";

/**
 * R2.5: a person dispatched to a Gansu unit by a central or other-province unit may apply at the
 * receiving unit only with the approval of the sending and receiving provincial authorities on file.
 * The person is found by the keyed hash of their ID number, which is how eligibility will ask.
 */
export interface DispatchApprovalRecord extends Decided {
  approvalId: string;
  realName: string;
  residentId: ProtectedResidentId;
  receivingUnitId: string;
  sendingOrganisation: string;
  /** Document number of the provincial authorities' approval (批准文件文号). */
  approvalDocument: string;
  filedBy: string;
  filedAt: string;
}

export const dispatchRepository = {
  async get(approvalId: string): Promise<DispatchApprovalRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.dispatchApproval(approvalId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as DispatchApprovalRecord) : undefined;
  },

  async file(record: DispatchApprovalRecord, audit: AuditContext): Promise<void> {
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: {
              ...keys.dispatchApproval(record.approvalId),
              ...keys.dispatchPersonIndex(record.residentId.hash, record.approvalId),
              ...record,
            },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
      },
      { write: auditPut({ entity: `DISPATCH#${record.approvalId}`, ...audit }) },
    ]);
  },

  async decide(
    record: DispatchApprovalRecord,
    decision: "approved" | "refused",
    reason: string | undefined,
    expectedVersion: number,
    audit: AuditContext,
  ): Promise<DispatchApprovalRecord> {
    await writeTogether([
      decisionUpdate(keys.dispatchApproval(record.approvalId), decision, reason, expectedVersion, audit),
      { write: auditPut({ entity: `DISPATCH#${record.approvalId}`, ...audit }) },
    ]);
    return decidedRecord(record, decision, reason, expectedVersion, audit);
  },
};
