import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import type { GenerationScope } from "../dynamodb/keys";
import { evidenceBucket, s3 } from "./client";
import { generationObjectPrefix } from "./evidence-keys";

/**
 * Deletes up to 1,000 objects of an old generation. Listing starts from the prefix each time, so a
 * batch that failed half-way is simply repeated: deleting an absent key succeeds.
 */
export async function purgeObjectsBatch(
  scope: GenerationScope,
): Promise<{ deleted: number; remaining: boolean }> {
  const listed = await s3.send(
    new ListObjectsV2Command({
      Bucket: evidenceBucket(),
      Prefix: generationObjectPrefix(scope),
      MaxKeys: 1000,
    }),
  );
  const keys = (listed.Contents ?? []).flatMap((object) => (object.Key ? [{ Key: object.Key }] : []));
  if (keys.length === 0) return { deleted: 0, remaining: false };
  const result = await s3.send(
    new DeleteObjectsCommand({ Bucket: evidenceBucket(), Delete: { Objects: keys, Quiet: true } }),
  );
  if (result.Errors?.length) {
    throw new Error(`could not delete ${result.Errors.length} evidence objects: ${result.Errors[0]?.Code}`);
  }
  return { deleted: keys.length, remaining: listed.IsTruncated === true };
}
