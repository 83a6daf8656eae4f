import { S3Client } from "@aws-sdk/client-s3";
import { clientSettings } from "../aws-clients";

const forcePathStyle = process.env.S3_FORCE_PATH_STYLE === "true";

/**
 * One client per function instance. The local S3 server needs path-style addressing; in AWS the
 * default virtual-hosted style is used.
 */
export const s3 = new S3Client({ ...clientSettings("s3"), forcePathStyle });

/**
 * Signs presigned POSTs only, never sends a request. `createPresignedPost` takes its signing time from
 * the client's clock offset, which is set from the clock port before each signature, so that a
 * ticket expires by the same clock as the answer that states its expiry (locally, the virtual one).
 */
export const postSigner = new S3Client({ ...clientSettings("s3"), forcePathStyle });

export function evidenceBucket(): string {
  const name = process.env.EVIDENCE_BUCKET;
  if (!name) throw new Error("EVIDENCE_BUCKET is not set");
  return name;
}
