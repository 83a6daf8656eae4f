import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { TABLE_DESIGN } from "../../functions/adapters/dynamodb/table-design";
import { useFreshTable } from "../support/table";

describe("table provisioned on DynamoDB Local from the shared design", () => {
  let table: string;
  const client = new DynamoDBClient({});
  beforeAll(async () => {
    table = await useFreshTable();
  });

  it("has the key schema, every index of the design and on-demand billing", async () => {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
    expect(Table?.KeySchema).toEqual([
      { AttributeName: "PK", KeyType: "HASH" },
      { AttributeName: "SK", KeyType: "RANGE" },
    ]);
    expect(Table?.BillingModeSummary?.BillingMode).toBe("PAY_PER_REQUEST");
    const indexes = Object.fromEntries(
      (Table?.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index]),
    );
    for (const index of TABLE_DESIGN.globalSecondaryIndexes) {
      expect(
        indexes[index.indexName]?.KeySchema?.map((key: { AttributeName?: string }) => key.AttributeName),
      ).toEqual([index.partitionKey, index.sortKey]);
    }
    expect(indexes.ByGeneration?.Projection?.ProjectionType).toBe("KEYS_ONLY");
    expect(indexes.GSI1?.Projection?.ProjectionType).toBe("ALL");
  });

  it("purges by TTL on the design's attribute", async () => {
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(TABLE_DESIGN.timeToLiveAttribute);
  });
});
