import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { BlacklistGround } from "../../core/blacklist";
import type { PlainDate } from "../../core/calendar";
import { DomainError } from "../../core/errors";
import { auditPut } from "./audit-repository";
import { batchGetItems } from "./batch-get";
import { documentClient, tableName } from "./client";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

function entryExists(entryId: string): DomainError {
  return new DomainError(
    "BLACKLIST_ENTRY_EXISTS",
    `该人员的同一决定（同一决定日期和文号）已登记（记录编号 ${entryId}），无需重复登记。`,
  );
}

export type BlacklistStatus = "active" | "lifted" | "expired";

/** The application whose fraud cancellation led to the entry, and who answers for it at the unit (R5.5). */
export interface BlacklistCancellation {
  roundId: string;
  generation: number;
  applicationId: string;
  unitId: string;
  applicantId: string;
  unitAccountability: string;
  handlerAccountability: string;
}

/**
 * R5.5, R7.3: a person barred from applying until `until`, on one of the grounds of the register. The
 * person is the keyed hash of their resident ID number, so the register finds them in any later round
 * under any account; the number itself is kept only sealed (AES-256-GCM, bound to the hash, as
 * accounts keep it), and the register shows the name and the masked number.
 */
export interface BlacklistRecord {
  entryId: string;
  residentIdHash: string;
  sealedResidentId: string;
  realName: string;
  maskedResidentId: string;
  ground: BlacklistGround;
  /** Beijing date of the decision: the first day of the bar. It may lie before the recording. */
  decisionDate: PlainDate;
  documentNumber?: string;
  /** What the person did: the office's finding for a cancellation, the decision's words otherwise. */
  reason: string;
  /** The first day barred (the decision date) and the first day the person may apply again (half-open). */
  from: PlainDate;
  until: PlainDate;
  recordedBy: string;
  recordedAt: string;
  /** Entries of one bulk import share its id. */
  importId?: string;
  /** Present when a fraud cancellation of an application decided the entry. */
  cancellation?: BlacklistCancellation;
  status: BlacklistStatus;
  version: number;
  lifting?: { reason: string; liftedBy: string; liftedAt: string };
  /** When the register recorded that `until` had passed. */
  expiredAt?: string;
}

/**
 * Outside every round generation: a reset must never clear a fraud finding (DESIGN.md §8).
 *
 * | pattern                                  | key                                                                 |
 * | ---------------------------------------- | ------------------------------------------------------------------- |
 * | a person's entries (eligibility, R5.5)   | PK `BLACKLIST#<resident-ID hash>` SK `ENTRY#<entry>`                |
 * | the register, newest decision first      | GSI1 `BLACKLIST#REGISTER` / `<decision date>#<recorded at>#<entry>` |
 * | one entry by its id (lifting)            | GSI2 `BLACKLIST#ENTRY#<entry>` / `ENTRY`                            |
 * | its listing, lifting and expiry (audit)  | PK `AUDIT#BLACKLIST#<entry>`                                        |
 */
const blacklistKeys = {
  person: (residentIdHash: string) => `BLACKLIST#${residentIdHash}`,
  entry: (residentIdHash: string, entryId: string) => ({
    PK: blacklistKeys.person(residentIdHash),
    SK: `ENTRY#${entryId}`,
  }),
  register: "BLACKLIST#REGISTER",
  registerIndex: (entry: Pick<BlacklistRecord, "decisionDate" | "recordedAt" | "entryId">) => ({
    GSI1PK: blacklistKeys.register,
    GSI1SK: `${entry.decisionDate}#${entry.recordedAt}#${entry.entryId}`,
  }),
  entryIndex: (entryId: string) => ({ GSI2PK: `BLACKLIST#ENTRY#${entryId}`, GSI2SK: "ENTRY" }),
};

/** The audit entity of an entry: its listing, lifting and expiry. */
export function blacklistEntity(entryId: string): string {
  return `BLACKLIST#${entryId}`;
}

function toRecord(item: Record<string, unknown>): BlacklistRecord {
  return withoutKeys(item) as unknown as BlacklistRecord;
}

/** The entry (only if no entry of that id exists yet) and its audit record: they land together or not at all. */
function listingItems(entry: BlacklistRecord) {
  const { cancellation } = entry;
  return [
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...blacklistKeys.entry(entry.residentIdHash, entry.entryId),
          ...blacklistKeys.registerIndex(entry),
          ...blacklistKeys.entryIndex(entry.entryId),
          ...entry,
        },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    auditPut({
      entity: blacklistEntity(entry.entryId),
      action: "blacklist",
      actor: entry.recordedBy,
      at: new Date(entry.recordedAt),
      detail: {
        ground: entry.ground,
        decisionDate: entry.decisionDate,
        ...(entry.documentNumber ? { documentNumber: entry.documentNumber } : {}),
        from: entry.from,
        until: entry.until,
        status: entry.status,
        ...(entry.importId ? { importId: entry.importId } : {}),
        ...(cancellation
          ? {
              roundId: cancellation.roundId,
              applicationId: cancellation.applicationId,
              unitId: cancellation.unitId,
            }
          : {}),
      },
    }),
  ];
}

/** Two items per entry: DynamoDB takes at most 100 items in one transaction. */
const ENTRIES_PER_TRANSACTION = 50;
/** Transactions of one import in flight at once: the register's index partition takes every entry. */
const IMPORT_CONCURRENCY = 2;
const MAX_ATTEMPTS = 6;
const RETRIED = new Set(["TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded"]);

interface CancellationReason {
  Code?: string;
}

/**
 * One transaction of up to 50 entries. An entry that exists already (a retried import, or the same
 * rows sent twice at once) is left as it is and reported; the others are written again without it.
 * Conflicts with other transactions and throttling are retried with backoff.
 */
async function recordChunk(chunk: BlacklistRecord[]): Promise<string[]> {
  const present: string[] = [];
  let pending = chunk;
  for (let attempt = 0; pending.length > 0; attempt += 1) {
    if (attempt >= MAX_ATTEMPTS) throw new Error("the blacklist import kept conflicting or being throttled");
    if (attempt > 0) await new Promise((resolveDelay) => setTimeout(resolveDelay, 50 * 2 ** attempt));
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: pending.flatMap(listingItems) }));
      return present;
    } catch (error) {
      if ((error as Error).name !== "TransactionCanceledException") throw error;
      const reasons = (error as { CancellationReasons?: CancellationReason[] }).CancellationReasons ?? [];
      const unexpected = reasons.find(
        (reason) =>
          reason.Code &&
          reason.Code !== "None" &&
          reason.Code !== "ConditionalCheckFailed" &&
          !RETRIED.has(reason.Code),
      );
      if (unexpected) throw error;
      // The entry is the first of its two items; only its put carries a condition.
      const existing = new Set(
        pending
          .filter((_, index) => reasons[2 * index]?.Code === "ConditionalCheckFailed")
          .map((entry) => entry.entryId),
      );
      present.push(...existing);
      pending = pending.filter((entry) => !existing.has(entry.entryId));
    }
  }
  return present;
}

export const blacklistRepository = {
  /**
   * The entry and its audit record, for the transaction of the cancellation that decides it: the
   * person is never on the register without the cancelled application, nor the reverse.
   */
  listingWrites(entry: BlacklistRecord): GuardedWrite[] {
    return listingItems(entry).map((write) => ({ write }));
  },

  /** The entry and its audit record in one transaction; 409 when an entry of that id exists already. */
  async record(entry: BlacklistRecord): Promise<void> {
    await writeTogether(
      listingItems(entry).map((write, index) =>
        index === 0 ? { write, conflict: () => entryExists(entry.entryId) } : { write },
      ),
    );
  },

  /**
   * Many entries, each with its audit record, in transactions of 50 entries. Each entry is written
   * only if absent, so sending the same entries again writes nothing twice; answers the ids of those
   * that were there already.
   */
  async recordMany(entries: readonly BlacklistRecord[]): Promise<Set<string>> {
    const chunks: BlacklistRecord[][] = [];
    for (let start = 0; start < entries.length; start += ENTRIES_PER_TRANSACTION) {
      chunks.push(entries.slice(start, start + ENTRIES_PER_TRANSACTION));
    }
    const present = new Set<string>();
    let next = 0;
    const worker = async () => {
      for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) {
        for (const entryId of await recordChunk(chunk)) present.add(entryId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMPORT_CONCURRENCY, chunks.length) }, worker));
    return present;
  },

  /** The stored entries among these, by entry id, read consistently (100 keys per request). */
  async existing(
    entries: readonly Pick<BlacklistRecord, "residentIdHash" | "entryId">[],
  ): Promise<Map<string, BlacklistRecord>> {
    const found = await batchGetItems(
      entries.map((entry) => blacklistKeys.entry(entry.residentIdHash, entry.entryId)),
    );
    return new Map([...found.values()].map((item) => [String(item.entryId), toRecord(item)]));
  },

  /** Every entry of one person, read consistently: a cancellation counts at the very next submission. */
  async ofPerson(residentIdHash: string): Promise<BlacklistRecord[]> {
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :person AND begins_with(SK, :entry)",
        ExpressionAttributeValues: { ":person": blacklistKeys.person(residentIdHash), ":entry": "ENTRY#" },
        ConsistentRead: true,
      }),
    );
    return (found.Items ?? []).map(toRecord);
  },

  /** One entry by its id: found through the index, then read consistently for its current version. */
  async get(entryId: string): Promise<BlacklistRecord | undefined> {
    const indexed = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: "GSI2",
        KeyConditionExpression: "GSI2PK = :entry",
        ExpressionAttributeValues: { ":entry": blacklistKeys.entryIndex(entryId).GSI2PK },
      }),
    );
    const [item] = indexed.Items ?? [];
    return item ? blacklistRepository.read(String(item.residentIdHash), entryId) : undefined;
  },

  async read(residentIdHash: string, entryId: string): Promise<BlacklistRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: blacklistKeys.entry(residentIdHash, entryId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  /** The register, newest decision first, one page at a time. */
  list(cursor: string | undefined): Promise<Page<BlacklistRecord>> {
    return queryIndexPage<BlacklistRecord>({
      index: "GSI1",
      partition: blacklistKeys.register,
      cursor,
      newestFirst: true,
    });
  },

  /**
   * Lifts an entry that is still in force, with its audit record in one transaction; the condition
   * repeats the checks the caller made, so a concurrent lifting or an expiry in between answers 409.
   */
  async lift(
    entry: BlacklistRecord,
    expectedVersion: number,
    today: PlainDate,
    by: { reason: string; actor: string; at: Date },
  ): Promise<BlacklistRecord> {
    const lifting = { reason: by.reason, liftedBy: by.actor, liftedAt: by.at.toISOString() };
    await writeTogether([
      {
        write: {
          Update: {
            TableName: tableName(),
            Key: blacklistKeys.entry(entry.residentIdHash, entry.entryId),
            UpdateExpression: "SET #status = :lifted, lifting = :lifting, #version = :next",
            ConditionExpression: "#status = :active AND #version = :expected AND #until > :today",
            ExpressionAttributeNames: { "#status": "status", "#version": "version", "#until": "until" },
            ExpressionAttributeValues: {
              ":lifted": "lifted",
              ":lifting": lifting,
              ":next": expectedVersion + 1,
              ":active": "active",
              ":expected": expectedVersion,
              ":today": today,
            },
          },
        },
        conflict: staleVersion,
      },
      {
        write: auditPut({
          entity: blacklistEntity(entry.entryId),
          action: "lift_blacklist",
          actor: by.actor,
          at: by.at,
          detail: { reason: by.reason, until: entry.until },
        }),
      },
    ]);
    return { ...entry, status: "lifted", lifting, version: expectedVersion + 1 };
  },

  /**
   * Records once that an entry's period has run out, with its audit record. Answers false when it
   * was recorded already (or lifted) by someone else: whoever sees it first records it.
   */
  async recordExpiry(entry: BlacklistRecord, today: PlainDate, at: Date): Promise<boolean> {
    try {
      await documentClient.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: blacklistKeys.entry(entry.residentIdHash, entry.entryId),
                UpdateExpression: "SET #status = :expired, expiredAt = :at, #version = #version + :one",
                ConditionExpression: "#status = :active AND #until <= :today",
                ExpressionAttributeNames: { "#status": "status", "#version": "version", "#until": "until" },
                ExpressionAttributeValues: {
                  ":expired": "expired",
                  ":at": at.toISOString(),
                  ":one": 1,
                  ":active": "active",
                  ":today": today,
                },
              },
            },
            auditPut({
              entity: blacklistEntity(entry.entryId),
              action: "blacklist_expired",
              actor: "system",
              at,
              detail: { until: entry.until },
            }),
          ],
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "TransactionCanceledException") return false;
      throw error;
    }
  },
};
