import { S3Client } from "@aws-sdk/client-s3";

/**
 * One client per function instance. The local S3 server needs path-style addressing; in AWS the
 * default virtual-hosted style is used.
 */
export const s3 = new S3Client({ forcePathStyle: process.env.S3_FORCE_PATH_STYLE === "true" });

export function evidenceBucket(): string {
  const name = process.env.EVIDENCE_BUCKET;
  if (!name) throw new Error("EVIDENCE_BUCKET is not set");
  return name;
}
