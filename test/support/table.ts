import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { provisionTable } from "../../infra/local/provision";

/** A table of its own for one test file, built from the deployed design, named in TABLE_NAME. */
export async function useFreshTable(): Promise<string> {
  const name = `test-${randomUUID()}`;
  await provisionTable(new DynamoDBClient({}), name);
  process.env.TABLE_NAME = name;
  return name;
}
