import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { DomainError } from "../../core/errors";
import { eventWrite } from "./application-events";
import { applicationKeys } from "./application-keys";
import type { ActorRef, ApplicationRecord, EditAction, EvidenceItem } from "./application-record";
import { documentClient, tableName } from "./client";
import { purgeIndexKeys } from "./keys";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

function evidenceChanged(): DomainError {
  return new DomainError("EVIDENCE_CHANGED", "该材料已被修改或删除，请刷新材料列表后重试。");
}

/**
 * R4.4: uploads that go take their designation as representative papers with them, so that no
 * designation points at nothing (the checklist then asks for a new one). The designation read must
 * still be the stored one, or the write is refused like any other concurrent change.
 */
function releaseDesignation(application: ApplicationRecord, gone: readonly EvidenceItem[]) {
  const designated = application.representativePapers ?? [];
  const goneIds = gone.map((item) => item.evidenceId);
  const kept = designated.filter((id) => !goneIds.includes(id));
  if (kept.length === designated.length) {
    return {
      set: "",
      condition: goneIds.map((_, index) => ` AND NOT contains(representativePapers, :gone${index})`).join(""),
      values: Object.fromEntries(goneIds.map((id, index) => [`:gone${index}`, id])),
    };
  }
  return {
    set: ", representativePapers = :kept",
    condition: " AND representativePapers = :designated",
    values: { ":kept": kept, ":designated": designated },
  };
}

/**
 * Every change of the uploads moves the application's upload revision, on condition that the
 * application is still in the state in which the change was allowed: an upload cannot slip in after the
 * submission, and the submission pins exactly the revision it read.
 */
function uploadsMoved(
  application: ApplicationRecord,
  at: Date,
  gone: readonly EvidenceItem[] = [],
): GuardedWrite {
  const release = releaseDesignation(application, gone);
  return {
    write: {
      Update: {
        TableName: tableName(),
        Key: applicationKeys.head(application.scope, application.applicationId),
        UpdateExpression: `ADD evidenceRevision :one SET updatedAt = :at${release.set}`,
        ConditionExpression: `#state = :state${release.condition}`,
        ExpressionAttributeNames: { "#state": "state" },
        ExpressionAttributeValues: {
          ":one": 1,
          ":at": at.toISOString(),
          ":state": application.state,
          ...release.values,
        },
      },
    },
    conflict: staleVersion,
  };
}

/** A new upload record, or (`replacing`) the pending one it was requested as. */
function putEvidence(
  application: ApplicationRecord,
  item: EvidenceItem,
  replacing: "new" | "pending",
): GuardedWrite {
  const key = applicationKeys.evidence(application.scope, application.applicationId, item.evidenceId);
  const Item = { ...key, ...purgeIndexKeys(application.scope, key), ...item };
  return {
    write: {
      Put:
        replacing === "new"
          ? { TableName: tableName(), Item, ConditionExpression: "attribute_not_exists(PK)" }
          : {
              TableName: tableName(),
              Item,
              ConditionExpression: "#status = :pending",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ":pending": "pending" },
            },
    },
    conflict: evidenceChanged,
  };
}

function deleteEvidence(application: ApplicationRecord, item: EvidenceItem): GuardedWrite {
  return {
    write: {
      Delete: {
        TableName: tableName(),
        Key: applicationKeys.evidence(application.scope, application.applicationId, item.evidenceId),
        ConditionExpression: "#status = :status",
        ExpressionAttributeNames: { "#status": "status" },
        ExpressionAttributeValues: { ":status": item.status },
      },
    },
    conflict: evidenceChanged,
  };
}

function event(
  application: ApplicationRecord,
  action: EditAction,
  actor: ActorRef,
  at: Date,
  detail: Record<string, unknown>,
): GuardedWrite {
  return eventWrite(application.scope, application.applicationId, application.version, {
    at: at.toISOString(),
    action,
    actor: actor.id,
    role: actor.role,
    detail,
  });
}

const describe = (item: EvidenceItem) => ({
  evidenceId: item.evidenceId,
  slotId: item.slotId,
  ...(item.index === undefined ? {} : { index: item.index }),
  ...(item.year === undefined ? {} : { year: item.year }),
});

export const evidenceRepository = {
  async get(application: ApplicationRecord, evidenceId: string): Promise<EvidenceItem | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: applicationKeys.evidence(application.scope, application.applicationId, evidenceId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? (withoutKeys(found.Item) as unknown as EvidenceItem) : undefined;
  },

  /** The application's uploads, in the order they were requested. */
  async list(application: ApplicationRecord): Promise<EvidenceItem[]> {
    const items: EvidenceItem[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :evidence)",
          ExpressionAttributeValues: {
            ":pk": applicationKeys.partition(application.scope, application.applicationId),
            ":evidence": "EVIDENCE#",
          },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      items.push(...(page.Items ?? []).map((item) => withoutKeys(item) as unknown as EvidenceItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  },

  /**
   * An upload the server has issued a presigned POST for; it counts only once verified. Records at the
   * same place that can never become evidence (`cleared`: refused, or pending past their completion
   * window) go in the same transaction, so a refused upload never needs a manual clean-up.
   */
  async requested(
    application: ApplicationRecord,
    item: EvidenceItem,
    actor: ActorRef,
    at: Date,
    cleared: readonly EvidenceItem[] = [],
  ): Promise<void> {
    await writeTogether([
      putEvidence(application, item, "new"),
      ...cleared.map((gone) => deleteEvidence(application, gone)),
      uploadsMoved(application, at, cleared),
      event(application, "request_upload", actor, at, {
        ...describe(item),
        ...(cleared.length > 0 ? { cleared: cleared.map((gone) => gone.evidenceId) } : {}),
      }),
    ]);
  },

  /** The bytes passed the checks and were copied to their verified key: usable evidence, once. */
  async verified(
    application: ApplicationRecord,
    item: EvidenceItem,
    actor: ActorRef,
    at: Date,
  ): Promise<void> {
    await writeTogether([
      putEvidence(application, item, "pending"),
      uploadsMoved(application, at),
      event(application, "verify_evidence", actor, at, {
        ...describe(item),
        sha256: item.sha256,
        size: item.size,
        objectKey: item.objectKey,
        versionId: item.versionId,
      }),
    ]);
  },

  /** The bytes failed the checks: the record keeps why, once, and the place counts as still missing. */
  async refused(
    application: ApplicationRecord,
    item: EvidenceItem,
    actor: ActorRef,
    at: Date,
  ): Promise<void> {
    await writeTogether([
      putEvidence(application, item, "pending"),
      uploadsMoved(application, at),
      event(application, "refuse_evidence", actor, at, { ...describe(item), code: item.refusal?.code }),
    ]);
  },

  async removed(
    application: ApplicationRecord,
    item: EvidenceItem,
    actor: ActorRef,
    at: Date,
  ): Promise<void> {
    await writeTogether([
      deleteEvidence(application, item),
      uploadsMoved(application, at, [item]),
      event(application, "delete_evidence", actor, at, describe(item)),
    ]);
  },

  /** The merged PDF takes the place of the images it was made from, all at once (R7.3). */
  async merged(
    application: ApplicationRecord,
    merged: EvidenceItem,
    images: EvidenceItem[],
    actor: ActorRef,
    at: Date,
  ): Promise<void> {
    await writeTogether([
      putEvidence(application, merged, "new"),
      ...images.map((image) => deleteEvidence(application, image)),
      uploadsMoved(application, at, images),
      event(application, "merge_evidence", actor, at, {
        ...describe(merged),
        mergedFrom: images.map((image) => image.evidenceId),
        sha256: merged.sha256,
      }),
    ]);
  },
};
