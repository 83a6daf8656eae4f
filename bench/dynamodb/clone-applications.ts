import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { applicationKeys } from "../../functions/adapters/dynamodb/application-keys";
import type { ApplicationRecord } from "../../functions/adapters/dynamodb/application-record";
import { headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { type GenerationScope, purgeIndexKeys } from "../../functions/adapters/dynamodb/keys";
import { withoutKeys } from "../../functions/adapters/dynamodb/records";

type Stored = Record<string, unknown>;

/** A real application as stored: its partition, and its applicant's claim and list entry. */
export interface ApplicationTemplate {
  scope: GenerationScope;
  applicationId: string;
  accountId: string;
  items: Stored[];
}

async function partition(pk: string): Promise<Stored[]> {
  const items: Stored[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": pk },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export async function applicationTemplate(
  scope: GenerationScope,
  applicationId: string,
  accountId: string,
): Promise<ApplicationTemplate> {
  const items = [
    ...(await partition(applicationKeys.partition(scope, applicationId))),
    ...(await partition(applicationKeys.applicantPartition(scope, accountId))),
  ];
  return { scope, applicationId, accountId, items };
}

/**
 * A copy of the template under new ids, item for item: the head rebuilt by headItem (state shard,
 * unit list), every other item renamed and given its purge-index keys for `scope` by purgeIndexKeys.
 */
export function cloneApplication(
  template: ApplicationTemplate,
  scope: GenerationScope,
  changes: Partial<ApplicationRecord> = {},
): Stored[] {
  const applicationId = randomUUID();
  const accountId = `bench-${randomUUID()}`;
  const rename = (text: string) =>
    text
      .replaceAll(template.applicationId, applicationId)
      .replaceAll(template.accountId, accountId)
      .replaceAll(`#G${template.scope.generation}#`, `#G${scope.generation}#`);
  return template.items.map((item) => {
    if (item.SK === "APPLICATION") {
      const record = withoutKeys(item) as unknown as ApplicationRecord;
      return headItem({ ...record, ...changes, scope, applicationId, applicantId: accountId });
    }
    const copy = JSON.parse(rename(JSON.stringify(item))) as Stored;
    return { ...copy, ...purgeIndexKeys(scope, { PK: String(copy.PK), SK: String(copy.SK) }) };
  });
}

export function newApplicationIdOf(items: Stored[]): string {
  return String(items.find((item) => item.SK === "APPLICATION")?.applicationId ?? "");
}

/** Only the head of a copy: what a list of applications reads. */
export function cloneHead(
  template: ApplicationTemplate,
  scope: GenerationScope,
  changes: Partial<ApplicationRecord>,
) {
  const head = template.items.find((item) => item.SK === "APPLICATION");
  if (!head) throw new Error("the template has no head");
  const record = withoutKeys(head) as unknown as ApplicationRecord;
  return headItem({
    ...record,
    ...changes,
    scope,
    applicationId: randomUUID(),
    applicantId: `bench-${randomUUID()}`,
  });
}
