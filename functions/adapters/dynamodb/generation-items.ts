import type { DomainError } from "../../core/errors";
import { tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import type { GuardedWrite } from "./transactions";

/**
 * A new record of a round generation, written once: keyed under the generation, found by the purge
 * after a reset (DESIGN.md §8) and listed on the index entries given.
 */
export function newGenerationItem(
  scope: GenerationScope,
  key: { PK: string; SK: string },
  listed: Record<string, string>,
  record: object,
  exists?: () => DomainError,
): GuardedWrite {
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: { ...key, ...purgeIndexKeys(scope, key), ...listed, ...record },
        ConditionExpression: "attribute_not_exists(PK)",
      },
    },
    ...(exists ? { conflict: exists } : {}),
  };
}
