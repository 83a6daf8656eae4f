import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { EvidenceContentType } from "../../core/forms";
import type { GenerationScope } from "../dynamodb/keys";
import { evidenceBucket, s3 } from "./client";
import { generationObjectPrefix } from "./evidence-keys";

/** 20 MB unless `EVIDENCE_MAX_BYTES` says otherwise (issue #5 §3). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export function evidenceMaxBytes(): number {
  const configured = Number(process.env.EVIDENCE_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_EVIDENCE_MAX_BYTES;
}

const EXTENSIONS: Record<EvidenceContentType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/**
 * The key the server gives an upload: round, generation, application, slot, place in the slot and the
 * upload's own id. Nobody chooses it but the server, and the purge after a reset finds it by prefix.
 */
export function evidenceObjectKey(input: {
  scope: GenerationScope;
  applicationId: string;
  slotId: string;
  place: { index?: number; year?: number };
  evidenceId: string;
  contentType: EvidenceContentType;
}): string {
  const { scope, applicationId, slotId, place, evidenceId, contentType } = input;
  const where =
    place.year !== undefined ? `y${place.year}` : place.index !== undefined ? `i${place.index}` : "a";
  return `${generationObjectPrefix(scope)}applications/${applicationId}/${slotId}/${where}/${evidenceId}.${EXTENSIONS[contentType]}`;
}

/**
 * A browser upload straight to S3 (DESIGN.md §6): the policy pins the key, the content type and the
 * size range, and expires after `expiresInSeconds`.
 */
export async function presignUpload(input: {
  key: string;
  contentType: EvidenceContentType;
  maxBytes: number;
  expiresInSeconds: number;
}): Promise<{ url: string; fields: Record<string, string> }> {
  return createPresignedPost(s3, {
    Bucket: evidenceBucket(),
    Key: input.key,
    Conditions: [
      ["content-length-range", 1, input.maxBytes],
      ["eq", "$Content-Type", input.contentType],
    ],
    Fields: { "Content-Type": input.contentType },
    Expires: input.expiresInSeconds,
  });
}

/** A short-lived download of exactly the version that was verified, where the bucket keeps versions. */
export function presignDownload(key: string, versionId: string | undefined, expiresInSeconds: number) {
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: evidenceBucket(),
      Key: key,
      ...(versionId ? { VersionId: versionId } : {}),
    }),
    { expiresIn: expiresInSeconds },
  );
}

export interface StoredObject {
  size: number;
  versionId?: string;
}

/** Size and version of an uploaded object, or undefined when nothing was uploaded under the key. */
export async function describeObject(key: string): Promise<StoredObject | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: evidenceBucket(), Key: key }));
    return { size: head.ContentLength ?? 0, ...(head.VersionId ? { versionId: head.VersionId } : {}) };
  } catch (error) {
    if ((error as Error).name === "NotFound" || (error as Error).name === "NoSuchKey") return undefined;
    throw error;
  }
}

/** The bytes of one version (or of the only one, where the bucket keeps no versions). */
export async function readObject(key: string, versionId: string | undefined): Promise<Uint8Array> {
  const found = await s3.send(
    new GetObjectCommand({
      Bucket: evidenceBucket(),
      Key: key,
      ...(versionId ? { VersionId: versionId } : {}),
    }),
  );
  if (!found.Body) throw new Error(`evidence object ${key} has no body`);
  return found.Body.transformToByteArray();
}

export async function writeObject(
  key: string,
  bytes: Uint8Array,
  contentType: EvidenceContentType,
): Promise<{ versionId?: string }> {
  const written = await s3.send(
    new PutObjectCommand({ Bucket: evidenceBucket(), Key: key, Body: bytes, ContentType: contentType }),
  );
  return written.VersionId ? { versionId: written.VersionId } : {};
}

/** Deleting an absent key succeeds, so a repeated clean-up is harmless. */
export async function deleteObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: evidenceBucket(), Key: key }));
}
