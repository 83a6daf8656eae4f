import { DomainError } from "../../core/errors";
import { tableName } from "./client";
import { keys } from "./keys";
import type { GuardedWrite } from "./transactions";

/**
 * R5.5: a fraud finding after the title was granted revokes the electronic certificate in the
 * cancellation's own transaction, so that its public verification never outlives the cancellation.
 */
export function certificateRevocationWrite(
  certificateNumber: string,
  at: Date,
  reason: string,
): GuardedWrite {
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: keys.certificate(certificateNumber),
        UpdateExpression: "SET revokedAt = :at, revokedReason = :reason",
        ConditionExpression: "attribute_exists(PK)",
        ExpressionAttributeValues: { ":at": at.toISOString(), ":reason": reason },
      },
    },
    conflict: () =>
      new DomainError(
        "CERTIFICATE_RECORD_MISSING",
        `该申报记载的电子证书（编号 ${certificateNumber}）在证书库中不存在，无法同时撤销；请联系技术支持核对证书记录后再取消。`,
      ),
  };
}
