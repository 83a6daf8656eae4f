import type {
  ActorRef,
  ApplicationRecord,
  EvidenceItem,
  EvidenceRefusal,
} from "../adapters/dynamodb/application-record";
import { evidenceRepository } from "../adapters/dynamodb/evidence-repository";
import { logger } from "../adapters/logger";
import { type EvidencePlacement, verifiedObjectKey } from "../adapters/s3/evidence-keys";
import {
  copyToVerified,
  deleteObject,
  evidenceMaxBytes,
  IncomingObjectChanged,
  readIncoming,
} from "../adapters/s3/evidence-objects";
import { DomainError } from "../core/errors";
import { evidenceSlot } from "../core/forms";
import { inspectEvidence, sizeProblem } from "./evidence-inspection";

/** The bucket's limit, or the slot's own where it is tighter. */
export function slotMaxBytes(slotId: string): number {
  return Math.min(evidenceSlot(slotId)?.maxBytes ?? Number.POSITIVE_INFINITY, evidenceMaxBytes());
}

/** The answer a refusal was given, given again (a retry, or a second click on “完成上传”). */
export function refusalError(refusal: EvidenceRefusal): DomainError {
  return new DomainError(refusal.code, refusal.message, refusal.rule ? { rule: refusal.rule } : {});
}

function uploadExpired(): DomainError {
  return new DomainError(
    "UPLOAD_EXPIRED",
    "上传凭证已过期，文件未被采用；请在同一位置重新申请上传，这条记录会自动清除。",
  );
}

function notUploaded(): DomainError {
  return new DomainError(
    "EVIDENCE_NOT_UPLOADED",
    "尚未收到上传的文件，请先按上传凭证上传文件，再确认上传完成。",
  );
}

function changedDuringCheck(): DomainError {
  return new DomainError(
    "EVIDENCE_UPLOAD_CHANGED",
    "文件在校验期间被再次上传，本次校验未采用；请确认只上传一次后，重新确认上传完成。",
  );
}

/** Where an upload's objects live: its application, slot, place and id. */
export function placementOf(application: ApplicationRecord, item: EvidenceItem): EvidencePlacement {
  return {
    scope: application.scope,
    applicationId: application.applicationId,
    slotId: item.slotId,
    place: {
      ...(item.index === undefined ? {} : { index: item.index }),
      ...(item.year === undefined ? {} : { year: item.year }),
    },
    evidenceId: item.evidenceId,
  };
}

/** An incoming object no record needs any more; a failure leaves it to the lifecycle rule and the purge. */
async function discard(key: string | undefined): Promise<void> {
  if (!key) return;
  await deleteObject(key).catch((error: unknown) =>
    logger.warn("evidence object not deleted", { key, error: error as Error }),
  );
}

/** The upload is recorded as refused with the answer's code and message, its bytes deleted, the answer given. */
async function refuse(
  application: ApplicationRecord,
  item: EvidenceItem,
  actor: ActorRef,
  now: Date,
  error: DomainError,
): Promise<never> {
  const refusal: EvidenceRefusal = {
    code: error.code,
    message: error.message,
    kind: error.kind === "conflict" ? "conflict" : "rule_violation",
    ...(error.details.rule ? { rule: error.details.rule } : {}),
    refusedAt: now.toISOString(),
  };
  await evidenceRepository.refused(application, { ...item, status: "refused", refusal }, actor, now);
  await discard(item.incomingKey);
  throw error;
}

/**
 * `complete` (DESIGN.md §6): one read of the incoming object, the checks of its bytes (real type, size,
 * a PDF opens), one server-side copy of exactly those bytes to the verified key named by their
 * SHA-256, the record, then one delete of the incoming object. A bad file is recorded as refused, with
 * the answer it got; a repeated completion gets the first answer, verified or refused.
 */
export async function completeUpload(
  application: ApplicationRecord,
  item: EvidenceItem,
  actor: ActorRef,
  now: Date,
): Promise<EvidenceItem> {
  if (item.status === "verified") return item;
  if (item.status === "refused" && item.refusal) throw refusalError(item.refusal);
  const incomingKey = item.incomingKey;
  if (!incomingKey) throw notUploaded();
  if (now.toISOString() > item.completeBy) return refuse(application, item, actor, now, uploadExpired());
  const maxBytes = slotMaxBytes(item.slotId);
  const read = await readIncoming(incomingKey, maxBytes);
  if (!read) throw notUploaded();
  const sizeRefusal = sizeProblem(read.size, maxBytes);
  if (sizeRefusal || !read.bytes) {
    return refuse(application, item, actor, now, sizeRefusal ?? notUploaded());
  }
  const inspected = await inspectEvidence(read.bytes, item.contentType, maxBytes).catch((error: unknown) =>
    error instanceof DomainError ? refuse(application, item, actor, now, error) : Promise.reject(error),
  );
  const objectKey = verifiedObjectKey(
    placementOf(application, item),
    inspected.contentType,
    inspected.sha256,
  );
  const copied = await copyToVerified(incomingKey, read, objectKey, inspected.contentType).catch(
    (error: unknown) => Promise.reject(error instanceof IncomingObjectChanged ? changedDuringCheck() : error),
  );
  const verified: EvidenceItem = {
    ...item,
    status: "verified",
    contentType: inspected.contentType,
    objectKey,
    size: inspected.size,
    sha256: inspected.sha256,
    pageCount: inspected.pageCount,
    verifiedAt: now.toISOString(),
    ...copied,
  };
  try {
    await evidenceRepository.verified(application, verified, actor, now);
  } catch (error) {
    // A second completion running at the same time (a double click) may have recorded it first.
    const current = await evidenceRepository.get(application, item.evidenceId);
    if (current?.objectKey !== objectKey) await discard(objectKey);
    if (current?.status === "verified") return current;
    throw error;
  }
  await discard(incomingKey);
  return verified;
}
