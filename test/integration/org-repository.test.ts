import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { UnitRecord } from "../../functions/adapters/dynamodb/org-record";
import { orgRepository } from "../../functions/adapters/dynamodb/org-repository";
import { DomainError } from "../../functions/core/errors";
import { useFreshTable } from "../support/table";

const at = new Date("2024-09-01T00:00:00.000Z");
const audit = { actor: "office", action: "create_unit", at, detail: {} };
const unit = (orgId: string, departmentId: string): UnitRecord => ({
  orgId,
  kind: "unit",
  name: orgId,
  unitType: "lecturer_group",
  central: false,
  region: "兰州市",
  departmentId,
  underPostManagement: false,
  professionalPosts: 10,
  seniorTitleHolders: 1,
  version: 1,
  createdAt: at.toISOString(),
});
const code = (expected: string) => (error: unknown) =>
  error instanceof DomainError && error.code === expected;

describe("organisations on DynamoDB Local", () => {
  let table: string;
  beforeAll(async () => {
    table = await useFreshTable();
    await orgRepository.create(
      {
        orgId: "dept-a",
        kind: "department",
        name: "甲",
        departmentType: "city_hr_bureau",
        region: "兰州市",
        version: 1,
        createdAt: at.toISOString(),
      },
      { ...audit, action: "create_department" },
    );
    await orgRepository.create(unit("unit-1", "dept-a"), audit);
    await orgRepository.create(unit("unit-2", "dept-a"), audit);
    await orgRepository.create(unit("unit-3", "dept-b"), audit);
  });

  it("creates an organisation once, with its audit record", async () => {
    await expect(orgRepository.create(unit("unit-1", "dept-b"), audit)).rejects.toSatisfy(code("ORG_EXISTS"));
    expect(await orgRepository.get("unit-1")).toMatchObject({ departmentId: "dept-a", version: 1 });
    const trail = await documentClient.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": "AUDIT#ORG#unit-1" },
      }),
    );
    expect(trail.Items).toHaveLength(1);
  });

  it("lists organisations by kind and a department's units, without key attributes", async () => {
    expect((await orgRepository.list("unit")).items.map((org) => org.orgId)).toEqual([
      "unit-1",
      "unit-2",
      "unit-3",
    ]);
    expect((await orgRepository.unitsOf("dept-a")).items.map((org) => org.orgId)).toEqual([
      "unit-1",
      "unit-2",
    ]);
    expect((await orgRepository.list("department")).items[0]).not.toHaveProperty("GSI1PK");
  });

  it("moves a unit to another department under optimistic locking", async () => {
    const current = (await orgRepository.get("unit-2")) as UnitRecord;
    const moved = await orgRepository.updateUnit(current, { departmentId: "dept-b" }, 1, {
      ...audit,
      action: "update_unit",
    });
    expect(moved).toMatchObject({ departmentId: "dept-b", version: 2 });
    expect((await orgRepository.unitsOf("dept-b")).items.map((org) => org.orgId)).toEqual([
      "unit-2",
      "unit-3",
    ]);
    await expect(
      orgRepository.updateUnit(current, { name: "乙" }, 1, { ...audit, action: "update_unit" }),
    ).rejects.toSatisfy(code("STALE_VERSION"));
    expect((await orgRepository.get("unit-2"))?.name).toBe("unit-2");
  });
});
