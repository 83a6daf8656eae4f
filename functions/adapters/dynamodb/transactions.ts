import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { documentClient } from "./client";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** One write of a transaction, and the error its failed condition means to the caller. */
export interface GuardedWrite {
  write: TransactItem;
  conflict?: () => DomainError;
}

interface CancellationReason {
  Code?: string;
}

function concurrentUpdate(): DomainError {
  return new DomainError("CONCURRENT_UPDATE", "该记录正被他人同时修改，请稍后刷新重试。");
}

/**
 * Writes all or nothing. DynamoDB says which item's condition failed; that item's own conflict
 * becomes the answer, so a duplicate username and a stale version read differently to the person.
 */
export async function writeTogether(writes: GuardedWrite[]): Promise<void> {
  try {
    await documentClient.send(
      new TransactWriteCommand({ TransactItems: writes.map((entry) => entry.write) }),
    );
  } catch (error) {
    if ((error as Error).name !== "TransactionCanceledException") throw error;
    const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
    const failed = reasons.findIndex((reason) => reason.Code === "ConditionalCheckFailed");
    const conflict = failed >= 0 ? writes[failed]?.conflict : undefined;
    if (conflict) throw conflict();
    if (reasons.some((reason) => reason.Code === "TransactionConflict")) throw concurrentUpdate();
    throw error;
  }
}
