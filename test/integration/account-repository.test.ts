import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { accountRepository } from "../../functions/adapters/dynamodb/account-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { useFreshTable } from "../support/table";

const g1 = { roundId: "2024", generation: 1 };
const g2 = { roundId: "2024", generation: 2 };
const account = (accountId: string, username: string) => ({
  accountId,
  username,
  realName: username,
  kind: "staff" as const,
  orgId: "unit-a",
  disabled: false,
  createdAt: "2024-09-01T00:00:00.000Z",
});

describe("accounts and roles per generation (R3.2, DESIGN.md §8)", () => {
  let table: string;
  beforeAll(async () => {
    table = await useFreshTable();
    await accountRepository.create(account("admin-1", "admin"), [
      { role: "unit_admin", orgId: "unit-a", accountId: "admin-1", generation: g1 },
    ]);
    await accountRepository.create(account("handler-1", "handler"), [
      { role: "unit_handler", orgId: "unit-a", accountId: "handler-1", generation: g1 },
    ]);
  });

  it("R3.2 the unit admin's role survives the move to the next generation; the handler's does not", async () => {
    expect((await accountRepository.rolesOf("admin-1", g2)).map((r) => r.role)).toEqual(["unit_admin"]);
    expect(await accountRepository.rolesOf("handler-1", g2)).toEqual([]);
    expect((await accountRepository.rolesOf("handler-1", g1)).map((r) => r.role)).toEqual(["unit_handler"]);
    expect((await accountRepository.holdersIn("unit-a", g1)).map((r) => r.role).sort()).toEqual([
      "unit_admin",
      "unit_handler",
    ]);
    expect((await accountRepository.holdersIn("unit-a", g2)).map((r) => r.role)).toEqual(["unit_admin"]);
  });

  it("puts generation roles on the purge index, and standing roles not", async () => {
    const shards = await Promise.all(
      Array.from({ length: 16 }, (_, shard) =>
        documentClient.send(
          new QueryCommand({
            TableName: table,
            IndexName: "ByGeneration",
            KeyConditionExpression: "GENPK = :g",
            ExpressionAttributeValues: { ":g": `GEN#2024#G1#${shard}` },
          }),
        ),
      ),
    );
    const keys = shards.flatMap((page) => page.Items ?? []).map((item) => item.SK as string);
    expect(keys).toEqual(["ROLE#unit_handler#handler-1"]);
  });

  it("never creates an account twice, nor half of one", async () => {
    await expect(
      accountRepository.create(account("handler-1", "again"), [
        { role: "unit_leader", orgId: "unit-a", accountId: "handler-1", generation: g1 },
      ]),
    ).rejects.toThrow();
    expect((await accountRepository.get("handler-1"))?.username).toBe("handler");
    expect((await accountRepository.rolesOf("handler-1", g1)).map((r) => r.role)).toEqual(["unit_handler"]);
  });
});
