import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { clientSettings } from "../aws-clients";

/**
 * One client per function instance, created at module load so warm invocations reuse its connections;
 * timeouts and attempts from aws-clients.ts. The endpoint comes from the SDK's own
 * `AWS_ENDPOINT_URL_DYNAMODB` in the local runtime and tests.
 */
export const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient(clientSettings("dynamodb")), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export function tableName(): string {
  const name = process.env.TABLE_NAME;
  if (!name) throw new Error("TABLE_NAME is not set");
  return name;
}
