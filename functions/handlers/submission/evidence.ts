import { randomUUID } from "node:crypto";
import type { ActorRef, ApplicationRecord, EvidenceItem } from "../../adapters/dynamodb/application-record";
import { evidenceRepository } from "../../adapters/dynamodb/evidence-repository";
import { logger } from "../../adapters/logger";
import {
  deleteObject,
  describeObject,
  evidenceMaxBytes,
  evidenceObjectKey,
  presignDownload,
  presignUpload,
  readObject,
  writeObject,
} from "../../adapters/s3/evidence-objects";
import { DomainError, ruleViolation } from "../../core/errors";
import {
  type EvidenceContentType,
  type EvidenceSlot,
  evidenceSlot,
  isSlotId,
  type SlotId,
} from "../../core/forms";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  completeEvidenceUpload,
  deleteEvidence,
  getEvidenceDownload,
  listEvidence,
  mergeEvidenceImages,
  requestEvidenceUpload,
} from "../../http/routes/evidence";
import { toEvidenceView } from "../../http/views/evidence-view";
import { inspectEvidence, sizeProblem, sizeText } from "../../services/evidence-inspection";
import { imagesToPdf } from "../../services/evidence-pdf";
import {
  applicantOf,
  ownApplication,
  type RoundInScope,
  requireEditable,
  roundInScope,
} from "./application-scope";

/** The presigned POST works this long (DESIGN.md §6: minutes, at most 10). */
const UPLOAD_SECONDS = 5 * 60;
/** `complete` may follow a slow upload that started just before the POST expired. */
const COMPLETE_SECONDS = 15 * 60;
/** Downloads are short-lived. */
const DOWNLOAD_SECONDS = 5 * 60;

const FORMAT_NAMES: Record<EvidenceContentType, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPG",
  "image/png": "PNG",
};

/** The bucket's limit, or the slot's own where it is tighter. */
function slotMaxBytes(slotId: string): number {
  return Math.min(evidenceSlot(slotId)?.maxBytes ?? Number.POSITIVE_INFINITY, evidenceMaxBytes());
}

function evidenceNotFound(): DomainError {
  return new DomainError(
    "not_found",
    "EVIDENCE_NOT_FOUND",
    "未找到该材料，可能已被删除或合并，请刷新材料列表。",
  );
}

function badPlace(message: string, path: string): DomainError {
  return new DomainError("bad_request", "EVIDENCE_PLACE_INVALID", message, { fields: [{ path, message }] });
}

/** A slot per item names the item, a slot per year the year, any other slot neither. */
function placeIn(slot: EvidenceSlot, body: { index?: number | undefined; year?: number | undefined }) {
  if (slot.per === "item") {
    if (body.index === undefined)
      throw badPlace(`“${slot.title}”按条目上传，请指明条目序号 index`, "body.index");
    if (body.year !== undefined) throw badPlace(`“${slot.title}”按条目上传，不需要年度`, "body.year");
    return { index: body.index };
  }
  if (slot.per === "year") {
    if (body.year === undefined) throw badPlace(`“${slot.title}”按年度上传，请指明年度 year`, "body.year");
    if (body.index !== undefined) throw badPlace(`“${slot.title}”按年度上传，不需要条目序号`, "body.index");
    return { year: body.year };
  }
  if (body.index !== undefined || body.year !== undefined) {
    throw badPlace(
      `“${slot.title}”每份申报上传一次，不需要条目序号或年度`,
      body.index !== undefined ? "body.index" : "body.year",
    );
  }
  return {};
}

const samePlace = (a: EvidenceItem, b: { slotId: string; index?: number; year?: number }) =>
  a.slotId === b.slotId && a.index === b.index && a.year === b.year;

async function editableApplication(
  actorRequest: { roundId: string; applicationId: string },
  applicant: ActorRef,
  now: Date,
): Promise<{ application: ApplicationRecord; inScope: RoundInScope }> {
  const inScope = await roundInScope(actorRequest.roundId);
  const application = await ownApplication(inScope, actorRequest.applicationId, applicant);
  requireEditable(application, applicant, inScope, now);
  return { application, inScope };
}

async function ownEvidence(application: ApplicationRecord, evidenceId: string): Promise<EvidenceItem> {
  const item = await evidenceRepository.get(application, evidenceId);
  if (!item) throw evidenceNotFound();
  return item;
}

/** A file that failed the checks goes at once: it must never reach a reviewer (DESIGN.md §6). */
async function refuse(item: EvidenceItem, error: DomainError): Promise<never> {
  await deleteObject(item.objectKey);
  throw error;
}

/** The S3 object behind a removed record: a failure leaves an invisible orphan, never a broken record. */
async function removeObjects(keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await deleteObject(key).catch((error: unknown) =>
      logger.warn("evidence object not deleted", { key, error: error as Error }),
    );
  }
}

export const evidenceRoutes: BoundRoute[] = [
  route(requestEvidenceUpload, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const slot = evidenceSlot(body.slotId);
    if (!slot || !isSlotId(body.slotId)) throw badPlace("材料栏目不存在", "body.slotId");
    const place = placeIn(slot, body);
    if (!slot.accepts.includes(body.contentType)) {
      throw ruleViolation(
        "R7.3",
        "EVIDENCE_TYPE_NOT_ACCEPTED",
        `“${slot.title}”只接受${slot.accepts.map((type) => FORMAT_NAMES[type]).join("、")}格式的文件`,
        [{ path: "body.contentType", message: "该栏目不接受此格式" }],
      );
    }
    const maxBytes = slotMaxBytes(slot.id);
    const tooBig = body.size > maxBytes;
    if (tooBig) {
      throw new DomainError("bad_request", "EVIDENCE_TOO_LARGE", `文件不能超过${sizeText(maxBytes)}`, {
        fields: [{ path: "body.size", message: `文件不能超过${sizeText(maxBytes)}` }],
      });
    }
    const placed = (await evidenceRepository.list(application)).filter((item) =>
      samePlace(item, { slotId: slot.id, ...place }),
    );
    if (placed.length >= slot.files.max) {
      throw ruleViolation(
        "R7.3",
        "EVIDENCE_SLOT_FULL",
        `“${slot.title}”此处最多上传${slot.files.max}个文件，已有${placed.length}个；请先删除多余的文件，或将有序的图片合并为一个PDF。`,
      );
    }
    const evidenceId = randomUUID();
    const objectKey = evidenceObjectKey({
      scope: application.scope,
      applicationId: application.applicationId,
      slotId: slot.id,
      place,
      evidenceId,
      contentType: body.contentType,
    });
    const item: EvidenceItem = {
      evidenceId,
      slotId: body.slotId as SlotId,
      ...place,
      status: "pending",
      contentType: body.contentType,
      fileName: body.fileName,
      objectKey,
      declaredSize: body.size,
      requestedAt: now.toISOString(),
      uploadExpiresAt: new Date(now.getTime() + UPLOAD_SECONDS * 1000).toISOString(),
      completeBy: new Date(now.getTime() + COMPLETE_SECONDS * 1000).toISOString(),
    };
    const upload = await presignUpload({
      key: objectKey,
      contentType: body.contentType,
      maxBytes,
      expiresInSeconds: UPLOAD_SECONDS,
    });
    await evidenceRepository.requested(application, item, applicant, now);
    return {
      evidence: toEvidenceView(item),
      upload: {
        method: "POST" as const,
        url: upload.url,
        fields: upload.fields,
        fileField: "file" as const,
        maxBytes,
        expiresAt: item.uploadExpiresAt,
      },
    };
  }),

  route(completeEvidenceUpload, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const item = await ownEvidence(application, params.evidenceId);
    // A repeated complete (a retry after a lost answer) gets the same answer.
    if (item.status === "verified") return toEvidenceView(item);
    if (now.toISOString() > item.completeBy) {
      await refuse(
        item,
        new DomainError(
          "conflict",
          "UPLOAD_EXPIRED",
          "上传凭证已过期，文件未被采用；请删除该条记录后重新申请上传。",
        ),
      );
    }
    const stored = await describeObject(item.objectKey);
    if (!stored) {
      throw new DomainError(
        "conflict",
        "EVIDENCE_NOT_UPLOADED",
        "尚未收到上传的文件，请先按上传凭证上传文件，再确认上传完成。",
      );
    }
    const maxBytes = slotMaxBytes(item.slotId);
    const sizeRefusal = sizeProblem(stored.size, maxBytes);
    if (sizeRefusal) await refuse(item, sizeRefusal);
    const bytes = await readObject(item.objectKey, stored.versionId);
    const inspected = await inspectEvidence(bytes, item.contentType, maxBytes).catch((error: unknown) =>
      error instanceof DomainError ? refuse(item, error) : Promise.reject(error),
    );
    const verified: EvidenceItem = {
      ...item,
      status: "verified",
      contentType: inspected.contentType,
      size: inspected.size,
      sha256: inspected.sha256,
      pageCount: inspected.pageCount,
      verifiedAt: now.toISOString(),
      ...(stored.versionId ? { versionId: stored.versionId } : {}),
    };
    await evidenceRepository.verified(application, verified, applicant, now);
    return toEvidenceView(verified);
  }),

  route(listEvidence, async ({ actor, params }) => {
    const applicant = applicantOf(actor);
    const application = await ownApplication(
      await roundInScope(params.roundId),
      params.applicationId,
      applicant,
    );
    return { evidence: (await evidenceRepository.list(application)).map(toEvidenceView) };
  }),

  route(getEvidenceDownload, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const application = await ownApplication(
      await roundInScope(params.roundId),
      params.applicationId,
      applicant,
    );
    const item = await ownEvidence(application, params.evidenceId);
    if (item.status !== "verified" || !item.sha256) {
      throw new DomainError("conflict", "EVIDENCE_NOT_VERIFIED", "该材料尚未通过上传校验，不能下载。");
    }
    return {
      url: await presignDownload(item.objectKey, item.versionId, DOWNLOAD_SECONDS),
      expiresAt: new Date(now.getTime() + DOWNLOAD_SECONDS * 1000).toISOString(),
      sha256: item.sha256,
    };
  }),

  route(deleteEvidence, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const item = await ownEvidence(application, params.evidenceId);
    await evidenceRepository.removed(application, item, applicant, now);
    await removeObjects([item.objectKey]);
    return undefined;
  }),

  route(mergeEvidenceImages, async ({ actor, params, body, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const images = await Promise.all(body.evidenceIds.map((id) => ownEvidence(application, id)));
    const [first] = images;
    const slot = first ? evidenceSlot(first.slotId) : undefined;
    if (!first || !slot) throw evidenceNotFound();
    const mergeRefused = (message: string) => ruleViolation("R7.3", "EVIDENCE_MERGE_REFUSED", message);
    if (images.some((image) => image.status !== "verified")) {
      throw mergeRefused("只能合并已通过上传校验的图片，请先完成上传确认。");
    }
    if (images.some((image) => image.contentType === "application/pdf")) {
      throw mergeRefused("只能合并图片（JPG、PNG），PDF文件不需要合并。");
    }
    if (images.some((image) => !samePlace(image, first))) {
      throw mergeRefused("只能合并同一材料栏目、同一条目（或同一年度）下的图片。");
    }
    if (!slot.accepts.includes("application/pdf")) {
      throw mergeRefused(`“${slot.title}”只接受图片，不能合并为PDF。`);
    }
    const maxBytes = evidenceMaxBytes();
    const total = images.reduce((sum, image) => sum + (image.size ?? 0), 0);
    if (total > maxBytes) {
      throw mergeRefused(
        `所选图片合计${sizeText(total)}，合并后将超过${sizeText(maxBytes)}；请分几次合并或压缩图片。`,
      );
    }
    const files = await Promise.all(
      images.map(async (image) => ({
        bytes: await readObject(image.objectKey, image.versionId),
        contentType: image.contentType,
      })),
    );
    const pdf = await imagesToPdf(files);
    const inspected = await inspectEvidence(pdf, "application/pdf", maxBytes);
    const evidenceId = randomUUID();
    const place = {
      ...(first.index === undefined ? {} : { index: first.index }),
      ...(first.year === undefined ? {} : { year: first.year }),
    };
    const objectKey = evidenceObjectKey({
      scope: application.scope,
      applicationId: application.applicationId,
      slotId: first.slotId,
      place,
      evidenceId,
      contentType: "application/pdf",
    });
    const written = await writeObject(objectKey, pdf, "application/pdf");
    const at = now.toISOString();
    const merged: EvidenceItem = {
      evidenceId,
      slotId: first.slotId,
      ...place,
      status: "verified",
      contentType: "application/pdf",
      fileName: `${slot.title}（合并${images.length}页）.pdf`,
      objectKey,
      declaredSize: pdf.length,
      requestedAt: at,
      uploadExpiresAt: at,
      completeBy: at,
      size: inspected.size,
      sha256: inspected.sha256,
      pageCount: inspected.pageCount,
      verifiedAt: at,
      mergedFrom: images.map((image) => image.evidenceId),
      ...written,
    };
    try {
      await evidenceRepository.merged(application, merged, images, applicant, now);
    } catch (error) {
      await removeObjects([objectKey]);
      throw error;
    }
    await removeObjects(images.map((image) => image.objectKey));
    return toEvidenceView(merged);
  }),
];
