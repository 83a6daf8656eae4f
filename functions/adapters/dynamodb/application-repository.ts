import { BatchGetCommand, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import type { SectionId } from "../../core/forms";
import type { ApplicationState } from "../../core/lifecycle";
import { applicationEvents, eventWrite } from "./application-events";
import { applicationKeys, STATE_SHARDS } from "./application-keys";
import type {
  ActorRef,
  ApplicationEvent,
  ApplicationRecord,
  EditAction,
  EvidenceItem,
  SignedPledge,
  SubmissionRecord,
} from "./application-record";
import { transitionApplication } from "./application-transition";
import { batchGetItems } from "./batch-get";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { encodeCursor, PAGE_SIZE, type Page } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { transitionTally } from "./state-tallies";
import { pinsOf, type StoredPin } from "./submission-pins";
import { type GuardedWrite, writeTogether } from "./transactions";

/** The head and what the checklist and the submission read: sections, uploads, earlier submissions. */
export interface LoadedApplication {
  application: ApplicationRecord;
  sections: { [Section in SectionId]?: unknown };
  evidence: EvidenceItem[];
  submissions: SubmissionRecord[];
}

function applicationExists(applicationId: string): DomainError {
  return new DomainError(
    "APPLICATION_EXISTS",
    `您在本轮次已有一份申报（编号 ${applicationId}），请继续填写该申报；如需重新申报，请先撤回原申报。`,
  );
}

function toRecord(item: Record<string, unknown>): ApplicationRecord {
  return withoutKeys(item) as unknown as ApplicationRecord;
}

/** The head item as stored: its indexes follow the state (and the first submission). */
export function headItem(application: ApplicationRecord) {
  const { scope, applicationId } = application;
  const key = applicationKeys.head(scope, applicationId);
  return {
    ...key,
    ...purgeIndexKeys(scope, key),
    ...applicationKeys.stateIndex(scope, application.state, applicationId),
    ...(application.firstSubmittedAt
      ? applicationKeys.unitIndex(scope, application.unitId, application.firstSubmittedAt, applicationId)
      : {}),
    ...application,
  };
}

/**
 * Holds a transaction to the version the caller read, without changing the application: an answer
 * about it (a dismissed objection) given on a stale view is refused like any edit.
 */
export function versionCheck(application: ApplicationRecord, expectedVersion: number): GuardedWrite {
  if (expectedVersion !== application.version) throw staleVersion();
  return {
    write: {
      ConditionCheck: {
        TableName: tableName(),
        Key: applicationKeys.head(application.scope, application.applicationId),
        ConditionExpression: "#version = :expected",
        ExpressionAttributeNames: { "#version": "version" },
        ExpressionAttributeValues: { ":expected": expectedVersion },
      },
    },
    conflict: staleVersion,
  };
}

/**
 * An edit of the head, written only if nobody changed the application since it was read; the edit
 * and its audit record are one transaction.
 */
export async function editApplication(
  application: ApplicationRecord,
  expectedVersion: number,
  edit: { set: string; values: Record<string, unknown>; names?: Record<string, string> },
  event: { action: EditAction; actor: ActorRef; at: Date; detail: Record<string, unknown> },
  together: GuardedWrite[] = [],
): Promise<ApplicationRecord> {
  if (expectedVersion !== application.version) throw staleVersion();
  const { scope, applicationId } = application;
  const at = event.at.toISOString();
  await writeTogether([
    {
      write: {
        Update: {
          TableName: tableName(),
          Key: applicationKeys.head(scope, applicationId),
          UpdateExpression: `SET ${edit.set}, #version = :next, updatedAt = :at`,
          ConditionExpression: "#version = :expected",
          ExpressionAttributeNames: { "#version": "version", ...edit.names },
          ExpressionAttributeValues: {
            ...edit.values,
            ":expected": expectedVersion,
            ":next": expectedVersion + 1,
            ":at": at,
          },
        },
      },
      conflict: staleVersion,
    },
    ...together,
    eventWrite(scope, applicationId, expectedVersion + 1, {
      at,
      action: event.action,
      actor: event.actor.id,
      role: event.actor.role,
      ...(event.actor.orgId ? { org: event.actor.orgId } : {}),
      detail: event.detail,
    }),
  ]);
  return { ...application, version: expectedVersion + 1, updatedAt: at };
}

function invalidCursor(): DomainError {
  return new DomainError("INVALID_CURSOR", "分页游标无效，请从第一页重新查询。");
}

/** Where a page of the state index starts: a shard and, inside it, the key DynamoDB stopped at. */
function stateCursor(
  scope: GenerationScope,
  state: ApplicationState,
  cursor: string | undefined,
): { shard: number; key?: Record<string, unknown> } {
  if (cursor === undefined) return { shard: 0 };
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      shard?: unknown;
      key?: unknown;
    };
    const shard = parsed.shard;
    if (typeof shard === "number" && Number.isInteger(shard) && shard >= 0 && shard < STATE_SHARDS) {
      const key = parsed.key;
      if (key === undefined) return { shard };
      // A cursor opens only the partition it came from.
      const partition = applicationKeys.statePartition(scope, state, shard);
      if (typeof key === "object" && key !== null && (key as Record<string, unknown>).GSI2PK === partition) {
        return { shard, key: key as Record<string, unknown> };
      }
    }
  } catch {
    throw invalidCursor();
  }
  throw invalidCursor();
}

export const applicationRepository = {
  async get(scope: GenerationScope, applicationId: string): Promise<ApplicationRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: applicationKeys.head(scope, applicationId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? toRecord(found.Item) : undefined;
  },

  /** The head, the sections, the uploads and the submissions, read consistently (audit records excluded). */
  /** The heads of these applications that exist, read consistently, by id (a meeting's agenda). */
  async getMany(
    scope: GenerationScope,
    applicationIds: readonly string[],
  ): Promise<Map<string, ApplicationRecord>> {
    const found = await batchGetItems(applicationIds.map((id) => applicationKeys.head(scope, id)));
    return new Map([...found.values()].map((item) => [String(item.applicationId), toRecord(item)]));
  },

  async load(scope: GenerationScope, applicationId: string): Promise<LoadedApplication | undefined> {
    const partition = applicationKeys.partition(scope, applicationId);
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    const head = applicationRepository.get(scope, applicationId);
    do {
      // EVIDENCE# < SECTION# < SUBMISSION# sort after APPLICATION and AUDIT#: one range, no trail.
      const page = await documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: "PK = :pk AND SK >= :first",
          ExpressionAttributeValues: { ":pk": partition, ":first": "EVIDENCE#" },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const application = await head;
    if (!application) return undefined;
    const sections: LoadedApplication["sections"] = {};
    const evidence: EvidenceItem[] = [];
    const submissions: SubmissionRecord[] = [];
    for (const item of items) {
      const sortKey = String(item.SK);
      if (sortKey.startsWith("SECTION#")) {
        sections[sortKey.slice("SECTION#".length) as SectionId] = item.data;
      } else if (sortKey.startsWith("EVIDENCE#")) {
        evidence.push(withoutKeys(item) as unknown as EvidenceItem);
      } else if (sortKey.startsWith("SUBMISSION#")) {
        submissions.push({
          number: item.number as number,
          action: item.action as SubmissionRecord["action"],
          submittedAt: item.submittedAt as string,
          evidence: pinsOf(item.pins as StoredPin[], scope, applicationId),
          ...(typeof item.requestKey === "string" ? { requestKey: item.requestKey } : {}),
        });
      }
    }
    return { application, sections, evidence, submissions };
  },

  /**
   * The application the person holds in the round: the one-active-application claim, which only a
   * withdrawal or expiry releases (a cancelled application keeps it).
   */
  async claimedApplicationId(scope: GenerationScope, applicantId: string): Promise<string | undefined> {
    const claim = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: applicationKeys.activeClaim(scope, applicantId),
        ConsistentRead: true,
      }),
    );
    return claim.Item ? String(claim.Item.applicationId) : undefined;
  },

  /**
   * A new draft, the person's claim on the round, its count in the unit's tally and its audit record in
   * one transaction: at most one active application per person and round, even when two requests race.
   */
  async create(application: ApplicationRecord, actor: ActorRef): Promise<void> {
    const { scope, applicationId, applicantId, createdAt } = application;
    const active = await applicationRepository.claimedApplicationId(scope, applicantId);
    if (active) throw applicationExists(active);
    const claim = applicationKeys.activeClaim(scope, applicantId);
    const entry = applicationKeys.applicantEntry(scope, applicantId, createdAt, applicationId);
    await writeTogether([
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: headItem(application),
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => new DomainError("APPLICATION_EXISTS", "该申报已存在。"),
      },
      {
        write: {
          Put: {
            TableName: tableName(),
            Item: { ...claim, ...purgeIndexKeys(scope, claim), applicationId, claimedAt: createdAt },
            ConditionExpression: "attribute_not_exists(PK)",
          },
        },
        conflict: () => applicationExists("—"),
      },
      {
        write: {
          Put: { TableName: tableName(), Item: { ...entry, ...purgeIndexKeys(scope, entry), applicationId } },
        },
      },
      transitionTally(scope, application.unitId, undefined, application.state),
      eventWrite(scope, applicationId, application.version, {
        at: createdAt,
        action: "create",
        actor: actor.id,
        role: actor.role,
        toState: application.state,
        detail: {},
      }),
    ]);
  },

  /** The person's applications in the round, newest first (a few: one active, the rest withdrawn). */
  async listOfApplicant(scope: GenerationScope, accountId: string): Promise<ApplicationRecord[]> {
    const entries = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :app)",
        ExpressionAttributeValues: {
          ":pk": applicationKeys.applicantPartition(scope, accountId),
          ":app": "APP#",
        },
        ScanIndexForward: false,
        Limit: PAGE_SIZE,
      }),
    );
    const ids = (entries.Items ?? []).map((item) => String(item.applicationId));
    if (ids.length === 0) return [];
    const found = await documentClient.send(
      new BatchGetCommand({
        RequestItems: {
          [tableName()]: { Keys: ids.map((id) => applicationKeys.head(scope, id)), ConsistentRead: true },
        },
      }),
    );
    const byId = new Map(
      (found.Responses?.[tableName()] ?? []).map((item) => [String(item.applicationId), toRecord(item)]),
    );
    return ids.flatMap((id) => {
      const record = byId.get(id);
      return record ? [record] : [];
    });
  },

  async saveBaseInfo(
    application: ApplicationRecord,
    baseInfo: unknown,
    expectedVersion: number,
    actor: ActorRef,
    at: Date,
  ): Promise<ApplicationRecord> {
    const saved = await editApplication(
      application,
      expectedVersion,
      { set: "baseInfo = :baseInfo", values: { ":baseInfo": baseInfo } },
      { action: "save_base_info", actor, at, detail: {} },
    );
    return { ...saved, baseInfo };
  },

  /** A section (R7.2) and whether the applicant confirmed it; any edit without confirmation un-confirms it. */
  async saveSection(
    application: ApplicationRecord,
    section: SectionId,
    data: unknown,
    confirmed: boolean,
    expectedVersion: number,
    actor: ActorRef,
    at: Date,
  ): Promise<ApplicationRecord> {
    const { scope, applicationId } = application;
    const confirmedSections = [
      ...application.confirmedSections.filter((id) => id !== section),
      ...(confirmed ? [section] : []),
    ];
    const key = applicationKeys.section(scope, applicationId, section);
    const saved = await editApplication(
      application,
      expectedVersion,
      { set: "confirmedSections = :confirmed", values: { ":confirmed": confirmedSections } },
      { action: "save_section", actor, at, detail: { section, confirmed } },
      [
        {
          write: {
            Put: {
              TableName: tableName(),
              Item: { ...key, ...purgeIndexKeys(scope, key), section, data, savedAt: at.toISOString() },
            },
          },
        },
      ],
    );
    return { ...saved, confirmedSections };
  },

  async signPledge(
    application: ApplicationRecord,
    pledge: SignedPledge,
    expectedVersion: number,
    actor: ActorRef,
    at: Date,
  ): Promise<ApplicationRecord> {
    const saved = await editApplication(
      application,
      expectedVersion,
      { set: "pledge = :pledge", values: { ":pledge": pledge } },
      { action: "sign_pledge", actor, at, detail: { textVersion: pledge.textVersion } },
    );
    return { ...saved, pledge };
  },

  /**
   * One page of the generation's applications in `state`, shard after shard of the state index: no
   * scan and no hot key, for the workflow's deadline sweeps (expire drafts, receive approved ones).
   * The index is eventually consistent; the transition's version condition makes a stale entry harmless.
   */
  async listByState(
    scope: GenerationScope,
    state: ApplicationState,
    cursor?: string,
  ): Promise<Page<ApplicationRecord>> {
    let { shard, key } = stateCursor(scope, state, cursor);
    const items: ApplicationRecord[] = [];
    while (shard < STATE_SHARDS) {
      const partition = applicationKeys.statePartition(scope, state, shard);
      const page = await documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: "GSI2",
          KeyConditionExpression: "GSI2PK = :pk",
          ExpressionAttributeValues: { ":pk": partition },
          ExclusiveStartKey: key,
          Limit: PAGE_SIZE - items.length,
        }),
      );
      items.push(...(page.Items ?? []).map(toRecord));
      if (page.LastEvaluatedKey) {
        if (items.length >= PAGE_SIZE) {
          const nextCursor = encodeCursor({ shard, key: page.LastEvaluatedKey });
          return { items, ...(nextCursor ? { nextCursor } : {}) };
        }
        key = page.LastEvaluatedKey;
        continue;
      }
      shard += 1;
      key = undefined;
      if (items.length >= PAGE_SIZE && shard < STATE_SHARDS) {
        const nextCursor = encodeCursor({ shard });
        return { items, ...(nextCursor ? { nextCursor } : {}) };
      }
    }
    return { items };
  },

  /** Applies a lifecycle action with optimistic locking and its audit record (see transitionApplication). */
  transition: transitionApplication,

  /** The audit trail, oldest first: the timeline the applicant follows (R7.9). */
  events(scope: GenerationScope, applicationId: string): Promise<ApplicationEvent[]> {
    return applicationEvents(scope, applicationId);
  },
};
