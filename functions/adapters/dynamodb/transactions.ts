import { TransactWriteCommand, type TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { documentClient } from "./client";

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/** One write of a transaction, and the error its failed condition means to the caller. */
export interface GuardedWrite {
  write: TransactItem;
  conflict?: () => DomainError;
  /**
   * Writes of the same `key` update one item, and a transaction may touch an item only once: they are
   * folded into one with `fold` before the transaction is sent (several applications of one unit moving
   * together each count in the unit's tally).
   */
  merge?: { key: string; fold(other: GuardedWrite): GuardedWrite };
}

/** One write per item: mergeable writes of the same key folded into the first of them. */
export function foldWrites(writes: readonly GuardedWrite[]): GuardedWrite[] {
  const folded: GuardedWrite[] = [];
  const positions = new Map<string, number>();
  for (const entry of writes) {
    const position = entry.merge ? positions.get(entry.merge.key) : undefined;
    if (entry.merge && position === undefined) positions.set(entry.merge.key, folded.length);
    if (position === undefined) folded.push(entry);
    else folded[position] = (folded[position] as GuardedWrite).merge?.fold(entry) ?? entry;
  }
  return folded;
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
export async function writeTogether(given: GuardedWrite[]): Promise<void> {
  const writes = foldWrites(given);
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
