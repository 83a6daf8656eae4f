import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type AccountRecord,
  accountRepository,
  type RoleAssignment,
} from "../../functions/adapters/dynamodb/account-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { DomainError } from "../../functions/core/errors";
import { useFreshTable } from "../support/table";

const g1 = { roundId: "2024", generation: 1 };
const g2 = { roundId: "2024", generation: 2 };
const at = new Date("2024-09-01T00:00:00.000Z");
const audit = { actor: "office", action: "create_account", at, detail: {} };

const account = (accountId: string, username: string, hash = `hash-${accountId}`): AccountRecord => ({
  accountId,
  username,
  realName: username,
  kind: "staff",
  orgId: "unit-a",
  phone: "13900000000",
  residentId: { hash, sealed: "v1.x.y.z", masked: "6201**********0011" },
  disabled: false,
  version: 1,
  createdAt: at.toISOString(),
});
const role = (accountId: string, name: RoleAssignment["role"]): RoleAssignment => ({
  role: name,
  orgId: "unit-a",
  accountId,
  generation: g1,
});

async function auditCount(table: string, accountId: string): Promise<number> {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": `AUDIT#ACCOUNT#${accountId}` },
    }),
  );
  return found.Items?.length ?? 0;
}

const conflictCode = (code: string) => (error: unknown) =>
  error instanceof DomainError && error.code === code;

describe("accounts and roles per generation (R3.2, DESIGN.md §8)", () => {
  let table: string;
  beforeAll(async () => {
    table = await useFreshTable();
    await accountRepository.create(account("admin-1", "admin"), [role("admin-1", "unit_admin")], audit);
    await accountRepository.create(
      account("handler-1", "handler"),
      [role("handler-1", "unit_handler")],
      audit,
    );
  });

  it("R3.2 the unit admin's role survives the move to the next generation; the handler's does not", async () => {
    expect((await accountRepository.rolesOf("admin-1", g2)).map((r) => r.role)).toEqual(["unit_admin"]);
    expect(await accountRepository.rolesOf("handler-1", g2)).toEqual([]);
    expect(await accountRepository.rolesOf("handler-1", g1)).toEqual([
      { role: "unit_handler", orgId: "unit-a", accountId: "handler-1", generation: g1 },
    ]);
    expect((await accountRepository.rolesOf("handler-1", undefined)).map((r) => r.role)).toEqual([]);
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

  it("never creates an account twice, nor half of one, nor under a taken username or person", async () => {
    await expect(
      accountRepository.create(account("handler-1", "again"), [role("handler-1", "unit_leader")], audit),
    ).rejects.toSatisfy(conflictCode("ACCOUNT_EXISTS"));
    await expect(
      accountRepository.create(account("other-1", "HANDLER"), [role("other-1", "unit_leader")], audit),
    ).rejects.toSatisfy(conflictCode("USERNAME_TAKEN"));
    await expect(
      accountRepository.create(account("other-2", "fresh", "hash-handler-1"), [], audit),
    ).rejects.toSatisfy(conflictCode("RESIDENT_ID_TAKEN"));
    expect(await accountRepository.get("other-1")).toBeUndefined();
    expect(await accountRepository.get("other-2")).toBeUndefined();
    expect((await accountRepository.get("handler-1"))?.username).toBe("handler");
    expect((await accountRepository.rolesOf("handler-1", g1)).map((r) => r.role)).toEqual(["unit_handler"]);
    expect(await accountRepository.claims("Handler", account("x", "x"), "hash-none")).toMatchObject({
      code: "USERNAME_TAKEN",
    });
    expect(await accountRepository.claims("nobody", account("x", "x"), "hash-admin-1")).toMatchObject({
      code: "RESIDENT_ID_TAKEN",
    });
    // The same person may hold an account in another organisation, and an applicant account.
    expect(
      await accountRepository.claims("nobody", { kind: "staff", orgId: "unit-b" }, "hash-admin-1"),
    ).toBeUndefined();
    expect(
      await accountRepository.claims("nobody", { kind: "applicant", orgId: "unit-a" }, "hash-admin-1"),
    ).toBeUndefined();
  });

  it("replaces roles and disables with their audit record, and refuses a stale version writing nothing", async () => {
    const handler = account("handler-1", "handler");
    const held = await accountRepository.rolesOf("handler-1", g1);
    const version = await accountRepository.replaceRoles(
      handler,
      1,
      held,
      [role("handler-1", "unit_leader")],
      {
        ...audit,
        action: "set_roles",
      },
    );
    expect(version).toBe(2);
    expect((await accountRepository.rolesOf("handler-1", g1)).map((r) => r.role)).toEqual(["unit_leader"]);
    expect((await accountRepository.holdersIn("unit-a", g1)).map((r) => r.role).sort()).toEqual([
      "unit_admin",
      "unit_leader",
    ]);

    await expect(
      accountRepository.setDisabled(handler, true, 1, { ...audit, action: "disable_account" }),
    ).rejects.toSatisfy(conflictCode("STALE_VERSION"));
    expect((await accountRepository.get("handler-1"))?.disabled).toBe(false);
    expect(await auditCount(table, "handler-1")).toBe(2);

    expect(
      await accountRepository.setDisabled(handler, true, 2, { ...audit, action: "disable_account" }),
    ).toBe(3);
    expect(await accountRepository.get("handler-1")).toMatchObject({ disabled: true, version: 3 });
    expect(await auditCount(table, "handler-1")).toBe(3);
  });

  it("lists an organisation's staff a page at a time, refusing a cursor of another list", async () => {
    const page = await accountRepository.staffOf("unit-a");
    expect(page.items.map((item) => item.accountId).sort()).toEqual(["admin-1", "handler-1"]);
    expect(page.items[0]).not.toHaveProperty("PK");
    const foreign = Buffer.from(JSON.stringify({ GSI2PK: "ORG#unit-b#STAFF" })).toString("base64url");
    await expect(accountRepository.staffOf("unit-a", foreign)).rejects.toSatisfy(
      (error) => error instanceof DomainError && error.code === "INVALID_CURSOR",
    );
  });
});
