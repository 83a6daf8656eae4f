import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { ApplicationState } from "../../core/lifecycle";
import { applicationKeys } from "./application-keys";
import type { ApplicationRecord } from "./application-record";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { decodeCursor, encodeCursor, PAGE_SIZE, type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { reviewKeys } from "./review-keys";
import type { GuardedWrite } from "./transactions";

function toRecord(item: Record<string, unknown>): ApplicationRecord {
  return withoutKeys(item) as unknown as ApplicationRecord;
}

async function heads(scope: GenerationScope, ids: string[]): Promise<Map<string, ApplicationRecord>> {
  const found = new Map<string, ApplicationRecord>();
  let keys: Record<string, unknown>[] | undefined = ids.map((id) => applicationKeys.head(scope, id));
  while (keys && keys.length > 0) {
    const page: BatchGetCommandOutput = await documentClient.send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of page.Responses?.[tableName()] ?? []) {
      const record = toRecord(item);
      found.set(record.applicationId, record);
    }
    keys = page.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return found;
}

/**
 * The review desks' lists (issue #7): queries on an index or a partition, newest first, a page at a time,
 * never a scan. A state filter is applied to each page, so a page may hold fewer than the page size.
 */
export const reviewLists = {
  /** The unit's applications from their first submission on (GSI1); drafts stay private to the applicant. */
  async ofUnit(
    scope: GenerationScope,
    unitId: string,
    state: ApplicationState | undefined,
    cursor?: string,
  ): Promise<Page<ApplicationRecord>> {
    return queryIndexPage<ApplicationRecord>({
      index: "GSI1",
      partition: applicationKeys.unitIndex(scope, unitId, "", "").GSI1PK,
      cursor,
      newestFirst: true,
      state,
    });
  },

  /** What the department's units recommended to it (R4.3), as each application stands now. */
  async ofDepartment(
    scope: GenerationScope,
    departmentId: string,
    state: ApplicationState | undefined,
    cursor?: string,
  ): Promise<Page<ApplicationRecord>> {
    const partition = reviewKeys.departmentPartition(scope, departmentId);
    const found = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :app)",
        ExpressionAttributeValues: { ":pk": partition, ":app": "APP#" },
        ExclusiveStartKey: decodeCursor(cursor, { attribute: "PK", value: partition }),
        ScanIndexForward: false,
        Limit: PAGE_SIZE,
      }),
    );
    const ids = (found.Items ?? []).map((item) => String(item.applicationId));
    const byId = ids.length > 0 ? await heads(scope, ids) : new Map<string, ApplicationRecord>();
    const items = ids.flatMap((id) => {
      const record = byId.get(id);
      return record && (state === undefined || record.state === state) ? [record] : [];
    });
    const nextCursor = encodeCursor(found.LastEvaluatedKey);
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  },

  /** Puts the application on its department's list, with the recommendation that sends it there. */
  departmentEntryWrite(
    departmentId: string,
    application: ApplicationRecord,
    recommendedAt: string,
  ): GuardedWrite {
    const { scope, applicationId, unitId } = application;
    const key = reviewKeys.departmentEntry(scope, departmentId, recommendedAt, applicationId);
    return {
      write: {
        Put: {
          TableName: tableName(),
          Item: { ...key, ...purgeIndexKeys(scope, key), applicationId, unitId, recommendedAt },
        },
      },
    };
  },
};
