import {
  CopyObjectCommand,
  type CopyObjectCommandOutput,
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
} from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import type { EvidenceContentType } from "../../core/forms";
import { evidenceBucket, postSigner, s3 } from "./client";
import { INCOMING_PREFIX, isVerifiedKey } from "./evidence-keys";

/** 20 MB unless `EVIDENCE_MAX_BYTES` says otherwise (issue #5 §3). */
export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export function evidenceMaxBytes(): number {
  const configured = Number(process.env.EVIDENCE_MAX_BYTES);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_EVIDENCE_MAX_BYTES;
}

/** A programming error, never a user's: evidence is shown and used from verified keys only. */
function requireVerified(key: string): void {
  if (!isVerifiedKey(key)) throw new Error(`evidence is read from verified keys only, not ${key}`);
}

/**
 * A browser upload straight to S3 (DESIGN.md §6): the policy pins the incoming key, the content type and
 * the size range, and expires `expiresInSeconds` after `now`. The answer's `expiresAt` is the policy's
 * own expiration (S3 drops the milliseconds), so it states exactly when S3 stops taking the upload.
 */
export async function presignUpload(input: {
  key: string;
  contentType: EvidenceContentType;
  maxBytes: number;
  expiresInSeconds: number;
  now: Date;
}): Promise<{ url: string; fields: Record<string, string>; expiresAt: string }> {
  if (!input.key.startsWith(INCOMING_PREFIX))
    throw new Error(`uploads go to incoming keys, not ${input.key}`);
  postSigner.config.systemClockOffset = input.now.getTime() - Date.now();
  const post = await createPresignedPost(postSigner, {
    Bucket: evidenceBucket(),
    Key: input.key,
    Conditions: [
      ["content-length-range", 1, input.maxBytes],
      ["eq", "$Content-Type", input.contentType],
    ],
    Fields: { "Content-Type": input.contentType },
    Expires: input.expiresInSeconds,
  });
  const policy = JSON.parse(Buffer.from(post.fields.Policy ?? "", "base64").toString("utf8")) as {
    expiration: string;
  };
  return { ...post, expiresAt: new Date(policy.expiration).toISOString() };
}

/** `X-Amz-Date` (basic ISO 8601, whole seconds) plus `X-Amz-Expires`: when S3 refuses the URL. */
function presignedUrlExpiry(url: string): string {
  const query = new URL(url).searchParams;
  const signed = (query.get("X-Amz-Date") ?? "").replace(
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
    "$1-$2-$3T$4:$5:$6Z",
  );
  return new Date(Date.parse(signed) + Number(query.get("X-Amz-Expires")) * 1000).toISOString();
}

/**
 * A short-lived download of exactly the version that was verified, where the bucket keeps versions,
 * signed at `now` by the clock port, with the instant it stops working.
 */
export async function presignDownload(
  object: { objectKey: string; versionId?: string | undefined },
  expiresInSeconds: number,
  now: Date,
): Promise<{ url: string; expiresAt: string }> {
  requireVerified(object.objectKey);
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: evidenceBucket(),
      Key: object.objectKey,
      ...(object.versionId ? { VersionId: object.versionId } : {}),
    }),
    { expiresIn: expiresInSeconds, signingDate: now },
  );
  return { url, expiresAt: presignedUrlExpiry(url) };
}

/** What an upload sent to its incoming key turned out to be, read once. */
export interface IncomingObject {
  size: number;
  /** Identifies these bytes, so that the copy can be checked to be of the same ones. */
  etag: string;
  versionId?: string;
  /** Absent when the object is larger than allowed: it is not read at all. */
  bytes?: Uint8Array;
}

const isMissing = (error: unknown) =>
  (error as Error).name === "NoSuchKey" || (error as Error).name === "NotFound";

/** The one read of an upload (no separate HEAD): undefined when nothing arrived under the key. */
export async function readIncoming(key: string, maxBytes: number): Promise<IncomingObject | undefined> {
  let found: GetObjectCommandOutput;
  try {
    found = await s3.send(new GetObjectCommand({ Bucket: evidenceBucket(), Key: key }));
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
  const size = found.ContentLength ?? 0;
  const described = {
    size,
    etag: found.ETag ?? "",
    ...(found.VersionId ? { versionId: found.VersionId } : {}),
  };
  if (!found.Body) throw new Error(`evidence object ${key} has no body`);
  if (size > maxBytes) {
    await found.Body.transformToWebStream().cancel();
    return described;
  }
  return { ...described, bytes: await found.Body.transformToByteArray() };
}

/** Raised when the bytes under the incoming key changed between the read and the copy. */
export class IncomingObjectChanged extends Error {
  constructor(key: string) {
    super(`the upload under ${key} changed while it was being verified`);
    this.name = "IncomingObjectChanged";
  }
}

const unquoted = (etag: string | undefined) => (etag ?? "").replaceAll('"', "");

/**
 * The server-side copy of exactly the bytes that were read: by version where the bucket keeps versions,
 * on condition of the same ETag (S3 refuses the copy otherwise), and the copy's ETag compared with the
 * read one for a store that ignores the condition. ETags of single-part SSE-S3 objects are the MD5 of
 * the bytes, equal for an object and its copy.
 */
export async function copyToVerified(
  incomingKey: string,
  read: IncomingObject,
  verifiedKey: string,
  contentType: EvidenceContentType,
): Promise<{ versionId?: string }> {
  requireVerified(verifiedKey);
  const source = `${evidenceBucket()}/${encodeURI(incomingKey)}`;
  let copied: CopyObjectCommandOutput;
  try {
    copied = await s3.send(
      new CopyObjectCommand({
        Bucket: evidenceBucket(),
        Key: verifiedKey,
        CopySource: read.versionId ? `${source}?versionId=${encodeURIComponent(read.versionId)}` : source,
        CopySourceIfMatch: read.etag,
        ContentType: contentType,
        MetadataDirective: "REPLACE",
      }),
    );
  } catch (error) {
    if ((error as Error).name === "PreconditionFailed" || isMissing(error)) {
      throw new IncomingObjectChanged(incomingKey);
    }
    throw error;
  }
  if (unquoted(copied.CopyObjectResult?.ETag) !== unquoted(read.etag)) {
    await deleteObject(verifiedKey);
    throw new IncomingObjectChanged(incomingKey);
  }
  return copied.VersionId ? { versionId: copied.VersionId } : {};
}

/** The bytes of one verified version (or of the only one, where the bucket keeps no versions). */
export async function readVerifiedObject(key: string, versionId: string | undefined): Promise<Uint8Array> {
  requireVerified(key);
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

/** A file the server made itself (a merged PDF), written straight to its verified key. */
export async function writeVerifiedObject(
  key: string,
  bytes: Uint8Array,
  contentType: EvidenceContentType,
): Promise<{ versionId?: string }> {
  requireVerified(key);
  const written = await s3.send(
    new PutObjectCommand({ Bucket: evidenceBucket(), Key: key, Body: bytes, ContentType: contentType }),
  );
  return written.VersionId ? { versionId: written.VersionId } : {};
}

/** Deleting an absent key succeeds, so a repeated clean-up is harmless. */
export async function deleteObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: evidenceBucket(), Key: key }));
}
