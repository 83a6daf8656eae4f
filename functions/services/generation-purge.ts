import { purgeItemsBatch } from "../adapters/dynamodb/generation-purge";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { resetRepository } from "../adapters/dynamodb/reset-repository";
import { purgeObjectsBatch } from "../adapters/s3/generation-purge";

/** One resumable purge step of an old generation: a page of items and a page of evidence objects. */
export async function generationPurge(scope: GenerationScope) {
  const [items, objects] = await Promise.all([purgeItemsBatch(scope), purgeObjectsBatch(scope)]);
  await resetRepository.recordBatch(scope.roundId, scope.generation, items.deleted, objects.deleted);
  return {
    remaining: items.remaining || objects.remaining,
    purgedItems: items.deleted,
    purgedObjects: objects.deleted,
  };
}
