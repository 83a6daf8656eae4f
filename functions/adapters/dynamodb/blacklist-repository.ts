import { GetCommand, QueryCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import type { PlainDate } from "../../core/calendar";
import { auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

export type BlacklistStatus = "active" | "lifted" | "expired";

/**
 * R5.5, R7.3: a person the title office found to have falsified an application, barred from applying
 * until `until`. The person is the keyed hash of their resident ID number (one applicant account per
 * person), so the register finds them in any later round under any account; the register shows only
 * the name and the masked number.
 */
export interface BlacklistRecord {
  entryId: string;
  residentIdHash: string;
  realName: string;
  maskedResidentId: string;
  applicantId: string;
  /** The facts found, as the office wrote them in the cancellation. */
  finding: string;
  roundId: string;
  generation: number;
  applicationId: string;
  unitId: string;
  /** Who answers for it at the unit that recommended the application, and its handler (R5.5). */
  unitAccountability: string;
  handlerAccountability: string;
  decidedBy: string;
  decidedAt: string;
  /** Beijing date of the decision: the first day of the bar. */
  from: PlainDate;
  /** The first day the person may apply again (half-open, as the eligibility rules read periods). */
  until: PlainDate;
  status: BlacklistStatus;
  version: number;
  lifting?: { reason: string; liftedBy: string; liftedAt: string };
  /** When the register recorded that `until` had passed. */
  expiredAt?: string;
}

/**
 * Outside every round generation: a reset must never clear a fraud finding (DESIGN.md §8).
 *
 * | pattern                                  | key                                                   |
 * | ---------------------------------------- | ----------------------------------------------------- |
 * | a person's entries (eligibility, R5.5)   | PK `BLACKLIST#<resident-ID hash>` SK `ENTRY#<entry>`  |
 * | the register, newest decision first      | GSI1 `BLACKLIST#REGISTER` / `<decided at>#<entry>`    |
 * | one entry by its id (lifting)            | GSI2 `BLACKLIST#ENTRY#<entry>` / `ENTRY`              |
 * | its lifting and expiry (audit)           | PK `AUDIT#BLACKLIST#<entry>`                          |
 */
const blacklistKeys = {
  person: (residentIdHash: string) => `BLACKLIST#${residentIdHash}`,
  entry: (residentIdHash: string, entryId: string) => ({
    PK: blacklistKeys.person(residentIdHash),
    SK: `ENTRY#${entryId}`,
  }),
  register: "BLACKLIST#REGISTER",
  registerIndex: (decidedAt: string, entryId: string) => ({
    GSI1PK: blacklistKeys.register,
    GSI1SK: `${decidedAt}#${entryId}`,
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

export const blacklistRepository = {
  /**
   * The entry and its audit record, for the transaction of the cancellation that decides it: the
   * person is never on the register without the cancelled application, nor the reverse.
   */
  listingWrites(entry: BlacklistRecord): GuardedWrite[] {
    return [
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: {
              ...blacklistKeys.entry(entry.residentIdHash, entry.entryId),
              ...blacklistKeys.registerIndex(entry.decidedAt, entry.entryId),
              ...blacklistKeys.entryIndex(entry.entryId),
              ...entry,
            },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
      },
      {
        write: auditPut({
          entity: blacklistEntity(entry.entryId),
          action: "blacklist",
          actor: entry.decidedBy,
          at: new Date(entry.decidedAt),
          detail: {
            roundId: entry.roundId,
            applicationId: entry.applicationId,
            unitId: entry.unitId,
            from: entry.from,
            until: entry.until,
          },
        }),
      },
    ];
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
