import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { DomainError } from "../../core/errors";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { type QuotaPool, reviewKeys } from "./review-keys";
import type { GuardedWrite } from "./transactions";

/**
 * A unit's quota slots per round and pool (R5.2, R6.3): one item per unit, round and pool holding the
 * ids of the applications recommended against it. The check and the recommendation are one transaction
 * whose condition reads the set, so two leaders recommending for the last slot at once cannot both get
 * it; an application keeps its slot through department returns and gives it back when it leaves the round.
 */
export const quotaRepository = {
  async holders(scope: GenerationScope, unitId: string, pool: QuotaPool): Promise<string[]> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: reviewKeys.quota(scope, unitId, pool),
        ConsistentRead: true,
      }),
    );
    const holders = found.Item?.holders as Set<string> | undefined;
    return holders ? [...holders] : [];
  },

  takeWrite(
    scope: GenerationScope,
    unitId: string,
    pool: QuotaPool,
    applicationId: string,
    limit: number,
    full: () => DomainError,
  ): GuardedWrite {
    const key = reviewKeys.quota(scope, unitId, pool);
    const purge = purgeIndexKeys(scope, key);
    return {
      write: {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: "ADD holders :ids SET GENPK = :genpk, GENSK = :gensk",
          ConditionExpression:
            "attribute_not_exists(holders) OR size(holders) < :limit OR contains(holders, :id)",
          ExpressionAttributeValues: {
            ":ids": new Set([applicationId]),
            ":id": applicationId,
            ":limit": limit,
            ":genpk": purge.GENPK,
            ":gensk": purge.GENSK,
          },
        },
      },
      conflict: full,
    };
  },

  releaseWrite(scope: GenerationScope, unitId: string, pool: QuotaPool, applicationId: string): GuardedWrite {
    return {
      write: {
        Update: {
          TableName: tableName(),
          Key: reviewKeys.quota(scope, unitId, pool),
          UpdateExpression: "DELETE holders :ids",
          ExpressionAttributeValues: { ":ids": new Set([applicationId]) },
        },
      },
    };
  },
};
