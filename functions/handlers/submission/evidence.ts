import { randomUUID } from "node:crypto";
import {
  type ActorRef,
  type ApplicationRecord,
  type EvidenceItem,
  isVerified,
} from "../../adapters/dynamodb/application-record";
import { evidenceRepository } from "../../adapters/dynamodb/evidence-repository";
import { logger } from "../../adapters/logger";
import { incomingObjectKey, verifiedObjectKey } from "../../adapters/s3/evidence-keys";
import {
  deleteObject,
  evidenceMaxBytes,
  presignDownload,
  presignUpload,
  readVerifiedObject,
  writeVerifiedObject,
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
import { completeUpload, placementOf, slotMaxBytes } from "../../services/evidence-completion";
import { inspectEvidence, sizeText } from "../../services/evidence-inspection";
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

function evidenceNotFound(): DomainError {
  return new DomainError("EVIDENCE_NOT_FOUND", "未找到该材料，可能已被删除或合并，请刷新材料列表。");
}

function badPlace(message: string, path: string): DomainError {
  return new DomainError("EVIDENCE_PLACE_INVALID", message, { fields: [{ path, message }] });
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

/** A record that can never become evidence: refused, or pending with its completion window gone. */
const deadRecord = (item: EvidenceItem, now: Date) =>
  item.status === "refused" || (item.status === "pending" && item.completeBy < now.toISOString());

/** The S3 objects behind removed records: a failure leaves an invisible orphan, never a broken record. */
async function removeObjects(keys: readonly (string | undefined)[]): Promise<void> {
  for (const key of keys) {
    if (!key) continue;
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
      throw new DomainError("EVIDENCE_TOO_LARGE", `文件不能超过${sizeText(maxBytes)}`, {
        fields: [{ path: "body.size", message: `文件不能超过${sizeText(maxBytes)}` }],
      });
    }
    const placed = (await evidenceRepository.list(application)).filter((item) =>
      samePlace(item, { slotId: slot.id, ...place }),
    );
    // Refused uploads never block: a new upload to their place clears them (DESIGN.md §6).
    const cleared = placed.filter((item) => deadRecord(item, now));
    const kept = placed.length - cleared.length;
    if (kept >= slot.files.max) {
      throw ruleViolation(
        "R7.3",
        "EVIDENCE_SLOT_FULL",
        `“${slot.title}”此处最多上传${slot.files.max}个文件，已有${kept}个；请先删除多余的文件，或将有序的图片合并为一个PDF。`,
      );
    }
    const evidenceId = randomUUID();
    const incomingKey = incomingObjectKey(
      {
        scope: application.scope,
        applicationId: application.applicationId,
        slotId: slot.id,
        place,
        evidenceId,
      },
      body.contentType,
    );
    const upload = await presignUpload({
      key: incomingKey,
      contentType: body.contentType,
      maxBytes,
      expiresInSeconds: UPLOAD_SECONDS,
      now,
    });
    const item: EvidenceItem = {
      evidenceId,
      slotId: body.slotId as SlotId,
      ...place,
      status: "pending",
      contentType: body.contentType,
      fileName: body.fileName,
      incomingKey,
      declaredSize: body.size,
      requestedAt: now.toISOString(),
      uploadExpiresAt: upload.expiresAt,
      completeBy: new Date(now.getTime() + COMPLETE_SECONDS * 1000).toISOString(),
    };
    await evidenceRepository.requested(application, item, applicant, now, cleared);
    await removeObjects(cleared.map((gone) => gone.incomingKey));
    return {
      evidence: toEvidenceView(item),
      upload: {
        method: "POST" as const,
        url: upload.url,
        fields: upload.fields,
        fileField: "file" as const,
        maxBytes,
        expiresAt: upload.expiresAt,
      },
    };
  }),

  route(completeEvidenceUpload, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const item = await ownEvidence(application, params.evidenceId);
    return toEvidenceView(await completeUpload(application, item, applicant, now));
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
    if (!isVerified(item)) {
      throw new DomainError("EVIDENCE_NOT_VERIFIED", "该材料尚未通过上传校验，不能下载。");
    }
    return { ...(await presignDownload(item, DOWNLOAD_SECONDS, now)), sha256: item.sha256 };
  }),

  route(deleteEvidence, async ({ actor, params, now }) => {
    const applicant = applicantOf(actor);
    const { application } = await editableApplication(params, applicant, now);
    const item = await ownEvidence(application, params.evidenceId);
    await evidenceRepository.removed(application, item, applicant, now);
    await removeObjects([item.incomingKey, item.objectKey]);
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
    const verified = images.filter(isVerified);
    if (verified.length !== images.length) {
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
      verified.map(async (image) => ({
        bytes: await readVerifiedObject(image.objectKey, image.versionId),
        contentType: image.contentType,
      })),
    );
    const pdf = await imagesToPdf(files);
    const inspected = await inspectEvidence(pdf, "application/pdf", maxBytes);
    const placement = placementOf(application, { ...first, evidenceId: randomUUID() });
    const { evidenceId, place } = placement;
    const objectKey = verifiedObjectKey(placement, "application/pdf", inspected.sha256);
    const written = await writeVerifiedObject(objectKey, pdf, "application/pdf");
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
    await removeObjects(verified.map((image) => image.objectKey));
    return toEvidenceView(merged);
  }),
];
