import { randomUUID } from "node:crypto";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { applicationKeys } from "./application-keys";
import type { ApplicationEvent } from "./application-record";
import { documentClient, tableName } from "./client";
import { type GenerationScope, purgeIndexKeys } from "./keys";
import { withoutKeys } from "./records";
import type { GuardedWrite } from "./transactions";

/**
 * The audit record of a change to an application, written in the change's own transaction (DESIGN.md
 * §10). It lives in the application's partition, under its generation, so the timeline is one query and
 * the reset purges test applications together with their trail.
 */
export function eventWrite(
  scope: GenerationScope,
  applicationId: string,
  version: number,
  event: ApplicationEvent,
): GuardedWrite {
  const key = applicationKeys.audit(scope, applicationId, new Date(event.at), version, randomUUID());
  return {
    write: {
      Put: {
        TableName: tableName(),
        Item: {
          ...key,
          ...purgeIndexKeys(scope, key),
          entity: applicationKeys.partition(scope, applicationId),
          ...event,
        },
      },
    },
  };
}

/** Every audit record of the application, oldest first. */
export async function applicationEvents(
  scope: GenerationScope,
  applicationId: string,
): Promise<ApplicationEvent[]> {
  const events: ApplicationEvent[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk AND begins_with(SK, :audit)",
        ExpressionAttributeValues: {
          ":pk": applicationKeys.partition(scope, applicationId),
          ":audit": "AUDIT#",
        },
        ExclusiveStartKey: start,
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const { entity: _entity, ...event } = withoutKeys(item);
      events.push(event as unknown as ApplicationEvent);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return events;
}
