import type { GenerationScope } from "../dynamodb/keys";

/**
 * Every evidence object lives under its round and generation, so the purge after a reset deletes a
 * generation by prefix and can never touch the next one's objects (DESIGN.md §8).
 */
export function generationObjectPrefix(scope: GenerationScope): string {
  return `rounds/${scope.roundId}/g${scope.generation}/`;
}
