import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { type AuditContext, auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { withoutKeys } from "./records";
import { resultKeys } from "./result-keys";
import { roundRepository } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

/**
 * The round's qualification document (资格文件, R4.6): the title office's decision that grants the titles,
 * by its document number (文号). Certificates are issued under it, numbered from its counter.
 */
export interface QualificationDocumentRecord {
  roundId: string;
  documentNumber: string;
  issuedOn: string;
  recordedBy: string;
  recordedAt: string;
  /** Certificate numbers of the round taken so far: the next certificate gets this + 1. */
  certificatesIssued: number;
}

export function documentConflict(recorded: QualificationDocumentRecord): DomainError {
  return new DomainError(
    "QUALIFICATION_DOCUMENT_CONFLICT",
    `本轮次已登记资格文件 ${recorded.documentNumber}（发文日期 ${recorded.issuedOn}），不能再登记另一份；` +
      "继续发放证书请提交相同的文号和发文日期，如文号有误请联系系统管理员。",
    { fields: [{ path: "body.documentNumber", message: `已登记为 ${recorded.documentNumber}` }] },
  );
}

function issuanceMoved(): DomainError {
  return new DomainError(
    "CONCURRENT_UPDATE",
    "证书正由他人同时发放，请稍后重试；已发放的证书不受影响，重试时将继续发放其余证书。",
  );
}

export const qualificationDocumentRepository = {
  async get(roundId: string): Promise<QualificationDocumentRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: resultKeys.qualificationDocument(roundId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as QualificationDocumentRecord) : undefined;
  },

  /**
   * Once per round, with its audit record and the round's mark that it is finished; a second document
   * conflicts with the first.
   */
  async record(document: QualificationDocumentRecord, audit: AuditContext): Promise<void> {
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...resultKeys.qualificationDocument(document.roundId), ...document },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => documentConflict(document),
      },
      { write: roundRepository.documentRecordedWrite(document.roundId, audit.at) },
      { write: auditPut({ entity: `ROUND#${document.roundId}`, ...audit }) },
    ]);
  },

  /**
   * Takes the next certificate number in the transaction that issues the certificate: the counter must
   * still be what the caller read, so no number is given twice and none is skipped.
   */
  takeNumberWrite(roundId: string, issuedBefore: number): GuardedWrite {
    return {
      write: {
        Update: {
          TableName: tableName(),
          Key: resultKeys.qualificationDocument(roundId),
          UpdateExpression: "SET certificatesIssued = :after",
          ConditionExpression: "certificatesIssued = :before",
          ExpressionAttributeValues: { ":before": issuedBefore, ":after": issuedBefore + 1 },
        },
      },
      conflict: issuanceMoved,
    };
  },
};
