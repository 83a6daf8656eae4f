import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { AuditRecord } from "../../core/audit";
import { applicationKeys } from "./application-keys";
import { batchGetItems } from "./batch-get";
import { documentClient, tableName } from "./client";
import { type GenerationScope, keys } from "./keys";
import { TABLE_DESIGN } from "./table-design";

/** What an office record is about: it names no application itself. */
export type AuditSubject = Pick<AuditRecord, "roundId" | "generation" | "applicationId">;

/** Where the records an export needs are stored, each read in key order, a page at a time. */
export type AuditSource =
  /** An application's own trail, in its partition. */
  | { kind: "application"; scope: GenerationScope; applicationId: string }
  /** The office's records of an entity (`ROUND#<id>`, `BLACKLIST#<id>`), stamped with what they are about. */
  | { kind: "office"; entity: string; about: AuditSubject }
  /** One shard of the ByGeneration index: the trails of every application of the generation in it. */
  | { kind: "generation"; scope: GenerationScope; shard: number };

/** A record and the key to resume after it: a cursor names the last record a page holds. */
export interface StoredAudit {
  key: Record<string, string>;
  record: AuditRecord;
}

export interface SourcePage {
  items: StoredAudit[];
  /** Where the next read of the same source starts; absent when the source is exhausted. */
  next?: Record<string, string>;
}

/** Items (or index entries, whose audit records are then fetched by BatchGetItem) read per query. */
const PAGE = 100;
const AUDIT_SORT_PREFIX = "AUDIT#";

/** The partition keys.audit writes an entity's records to. */
function auditPartition(entity: string): string {
  return keys.audit(entity, new Date(0), "").PK;
}

function generationPartition(scope: GenerationScope, shard: number): string {
  return `GEN#${scope.roundId}#G${scope.generation}#${shard}`;
}

/** Every application partition of a generation starts so (application-keys.ts). */
function applicationsPrefix(scope: GenerationScope): string {
  return applicationKeys.partition(scope, "");
}

function aboutApplication(scope: GenerationScope, applicationId: string): AuditSubject {
  return { roundId: scope.roundId, generation: scope.generation, applicationId };
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function toAuditRecord(
  item: Record<string, unknown>,
  trail: AuditRecord["trail"],
  about: AuditSubject,
): AuditRecord {
  const detail = item.detail;
  return {
    trail,
    entity: String(item.entity),
    ...about,
    at: String(item.at),
    action: String(item.action),
    actor: String(item.actor),
    role: text(item.role),
    org: text(item.org),
    fromState: text(item.fromState),
    toState: text(item.toState),
    reason: text(item.reason),
    detail: typeof detail === "object" && detail !== null ? (detail as Record<string, unknown>) : {},
  };
}

function keyOf(item: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, String(item[name])]));
}

/** An application's partition holds its sections and uploads too; an audit partition holds nothing else. */
function partitionOf(source: Exclude<AuditSource, { kind: "generation" }>): { pk: string; prefix?: string } {
  return source.kind === "application"
    ? { pk: applicationKeys.partition(source.scope, source.applicationId), prefix: AUDIT_SORT_PREFIX }
    : { pk: auditPartition(source.entity) };
}

async function readPartition(
  source: Exclude<AuditSource, { kind: "generation" }>,
  start: Record<string, string> | undefined,
): Promise<SourcePage> {
  const { pk, prefix } = partitionOf(source);
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: prefix ? "PK = :pk AND begins_with(SK, :prefix)" : "PK = :pk",
      ExpressionAttributeValues: { ":pk": pk, ...(prefix ? { ":prefix": prefix } : {}) },
      ExclusiveStartKey: start,
      ConsistentRead: true,
      Limit: PAGE,
    }),
  );
  const items = (page.Items ?? []).map((item) => ({
    key: keyOf(item, ["PK", "SK"]),
    record:
      source.kind === "application"
        ? toAuditRecord(item, "application", aboutApplication(source.scope, source.applicationId))
        : toAuditRecord(item, "office", source.about),
  }));
  return {
    items,
    ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey as Record<string, string> } : {}),
  };
}

/**
 * The audit records among one page of a ByGeneration shard, by query (never a scan): keys only,
 * restricted to application partitions and filtered to their audit records, then fetched in batches.
 * The index is eventually consistent: a change of the last instant may appear on a later export.
 */
async function readGeneration(
  source: Extract<AuditSource, { kind: "generation" }>,
  start: Record<string, string> | undefined,
): Promise<SourcePage> {
  const prefix = applicationsPrefix(source.scope);
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: "ByGeneration",
      KeyConditionExpression: "GENPK = :shard AND begins_with(GENSK, :applications)",
      FilterExpression: "begins_with(SK, :audit)",
      ExpressionAttributeValues: {
        ":shard": generationPartition(source.scope, source.shard),
        ":applications": prefix,
        ":audit": AUDIT_SORT_PREFIX,
      },
      ExclusiveStartKey: start,
      Limit: PAGE,
    }),
  );
  const indexed = page.Items ?? [];
  const found = await batchGetItems(indexed.map((item) => ({ PK: String(item.PK), SK: String(item.SK) })));
  const items = indexed.flatMap((entry) => {
    // Purged between the index and the read: nothing to export.
    const item = found.get(`${entry.PK}|${entry.SK}`);
    if (!item) return [];
    const applicationId = String(entry.PK).slice(prefix.length);
    return [
      {
        key: keyOf(entry, ["GENPK", "GENSK", "PK", "SK"]),
        record: toAuditRecord(item, "application", aboutApplication(source.scope, applicationId)),
      },
    ];
  });
  return {
    items,
    ...(page.LastEvaluatedKey ? { next: page.LastEvaluatedKey as Record<string, string> } : {}),
  };
}

export const auditExportQueries = {
  /** The trails of every application of a generation, shard by shard. */
  generationTrails(scope: GenerationScope): AuditSource[] {
    return Array.from({ length: TABLE_DESIGN.generationShards }, (_, shard) => ({
      kind: "generation" as const,
      scope,
      shard,
    }));
  },

  /** The next stored records of the source from `start` (a page may hold none where the index holds other items). */
  read(source: AuditSource, start: Record<string, string> | undefined): Promise<SourcePage> {
    return source.kind === "generation" ? readGeneration(source, start) : readPartition(source, start);
  },

  /** A start key a client sends back is accepted only for the partition it came from. */
  startsInside(source: AuditSource, key: Record<string, string>): boolean {
    if (source.kind !== "generation") {
      return Object.keys(key).length === 2 && key.PK === partitionOf(source).pk && typeof key.SK === "string";
    }
    return (
      Object.keys(key).length === 4 &&
      key.GENPK === generationPartition(source.scope, source.shard) &&
      typeof key.GENSK === "string" &&
      key.GENSK.startsWith(applicationsPrefix(source.scope)) &&
      typeof key.PK === "string" &&
      typeof key.SK === "string"
    );
  },
};
