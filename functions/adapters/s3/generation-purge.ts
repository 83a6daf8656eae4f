import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import type { GenerationScope } from "../dynamodb/keys";
import { evidenceBucket, s3 } from "./client";
import { generationObjectPrefixes } from "./evidence-keys";

/**
 * Deletes up to 1,000 objects of an old generation: first what is left in `incoming/` (uploads never
 * completed, re-posts of old tickets), then the verified copies. Listing starts from the prefixes each
 * time, so a batch that failed half-way is simply repeated: deleting an absent key succeeds.
 */
export async function purgeObjectsBatch(
  scope: GenerationScope,
): Promise<{ deleted: number; remaining: boolean }> {
  const prefixes = generationObjectPrefixes(scope);
  for (const [position, prefix] of prefixes.entries()) {
    const listed = await s3.send(
      new ListObjectsV2Command({ Bucket: evidenceBucket(), Prefix: prefix, MaxKeys: 1000 }),
    );
    const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
    if (keys.length === 0) continue;
    const result = await s3.send(
      new DeleteObjectsCommand({ Bucket: evidenceBucket(), Delete: { Objects: keys, Quiet: true } }),
    );
    if (result.Errors?.length) {
      throw new Error(`could not delete ${result.Errors.length} evidence objects: ${result.Errors[0]?.Code}`);
    }
    const laterPrefix = position < prefixes.length - 1;
    return { deleted: keys.length, remaining: listed.IsTruncated === true || laterPrefix };
  }
  return { deleted: 0, remaining: false };
}
