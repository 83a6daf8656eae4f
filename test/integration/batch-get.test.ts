import { BatchWriteCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { batchGetItems } from "../../functions/adapters/dynamodb/batch-get";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { useFreshTable } from "../support/table";

const key = (index: number) => ({ PK: `BATCHTEST#${index}`, SK: "ITEM" });

describe("batch reads on DynamoDB Local", () => {
  beforeAll(async () => {
    await useFreshTable();
    for (let start = 0; start < 250; start += 25) {
      await documentClient.send(
        new BatchWriteCommand({
          RequestItems: {
            [process.env.TABLE_NAME ?? ""]: Array.from({ length: 25 }, (_, offset) => ({
              PutRequest: { Item: { ...key(start + offset), value: start + offset } },
            })),
          },
        }),
      );
    }
  });

  it("reads more keys than one BatchGetItem takes, and leaves out keys that do not exist", async () => {
    const wanted = [...Array.from({ length: 250 }, (_, index) => key(index)), key(9000), key(9001)];
    const found = await batchGetItems(wanted);
    expect(found.size).toBe(250);
    expect(found.get("BATCHTEST#137|ITEM")).toMatchObject({ value: 137 });
    expect(found.has("BATCHTEST#9000|ITEM")).toBe(false);
  });

  it("answers an empty map for no keys", async () => {
    expect(await batchGetItems([])).toEqual(new Map());
  });
});
