import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { appraisalKeys } from "../../functions/adapters/dynamodb/appraisal-keys";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import {
  expertOf,
  type ReviewerFacts,
  reviewerRepository,
} from "../../functions/adapters/dynamodb/reviewer-repository";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { conflictOf } from "../../functions/core/committee";
import { useFreshTable } from "../support/table";

const SCOPE: GenerationScope = { roundId: "2024", generation: 2 };
const audit = (at = "2024-11-06T02:00:00.000Z") => ({
  action: "set_reviewer_profile",
  actor: "office-1",
  at: new Date(at),
  detail: {},
});

function facts(accountId: string, change: Partial<ReviewerFacts> = {}): ReviewerFacts {
  return {
    accountId,
    realName: "李教授",
    title: "教授",
    fullSenior: true,
    workUnitId: "unit-a",
    workUnitName: "甲单位",
    declaredConflicts: [],
    ...change,
  };
}

async function stored(scope: GenerationScope, accountId: string) {
  const found = await documentClient.send(
    new GetCommand({
      TableName: process.env.TABLE_NAME,
      Key: appraisalKeys.reviewer(scope, accountId),
      ConsistentRead: true,
    }),
  );
  return found.Item;
}

describe("reviewer profiles on DynamoDB Local (R4.4, R8.2)", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("R8.2 creates a profile once per round generation, under the generation with its purge keys", async () => {
    const created = await reviewerRepository.save(SCOPE, facts("expert-1"), undefined, audit());
    expect(created).toMatchObject({ accountId: "expert-1", version: 1, load: 0, updatedBy: "office-1" });
    const item = await stored(SCOPE, "expert-1");
    expect(item?.PK).toBe("ROUND#2024#G2#REVIEWER#expert-1");
    expect(item?.GENPK).toMatch(/^GEN#2024#G2#\d+$/);
    expect(item?.GSI1PK).toBe("ROUND#2024#G2#REVIEWERS");

    await expect(reviewerRepository.save(SCOPE, facts("expert-1"), undefined, audit())).rejects.toMatchObject(
      {
        code: "REVIEWER_PROFILE_EXISTS",
      },
    );
    expect(await stored(SCOPE, "expert-1")).toEqual(item);
    // A reset moves the generation: the next one starts without profiles (experts are appointed per round).
    expect(await reviewerRepository.get({ roundId: "2024", generation: 3 }, "expert-1")).toBeUndefined();
  });

  it("R8.2 edits with optimistic locking; the load the assignments counted is never overwritten", async () => {
    await writeTogether([reviewerRepository.loadWrite(SCOPE, "expert-1")]);
    const edited = await reviewerRepository.save(
      SCOPE,
      facts("expert-1", {
        workUnitId: undefined,
        workUnitName: "兰州大学",
        declaredConflicts: ["applicant-9"],
      }),
      1,
      audit("2024-11-06T03:00:00.000Z"),
    );
    expect(edited).toMatchObject({
      version: 2,
      load: 1,
      workUnitName: "兰州大学",
      declaredConflicts: ["applicant-9"],
    });
    expect(edited.workUnitId).toBeUndefined();

    const before = await stored(SCOPE, "expert-1");
    await expect(reviewerRepository.save(SCOPE, facts("expert-1"), 1, audit())).rejects.toMatchObject({
      code: "STALE_VERSION",
    });
    await expect(reviewerRepository.save(SCOPE, facts("nobody"), 1, audit())).rejects.toMatchObject({
      code: "STALE_VERSION",
    });
    expect(await stored(SCOPE, "expert-1")).toEqual(before);
    expect(await stored(SCOPE, "nobody")).toBeUndefined();
  });

  it("R8.2 every change joins the account's audit trail", async () => {
    const trail = await documentClient.send(
      new QueryCommand({
        TableName: process.env.TABLE_NAME,
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": "AUDIT#ACCOUNT#expert-1" },
      }),
    );
    expect((trail.Items ?? []).map((entry) => entry.action)).toEqual([
      "set_reviewer_profile",
      "set_reviewer_profile",
    ]);
    expect(trail.Items?.[1]?.detail).toMatchObject({ roundId: "2024", generation: 2 });
  });

  it("R4.4 a load counter is written only for an existing profile", async () => {
    await expect(writeTogether([reviewerRepository.loadWrite(SCOPE, "nobody")])).rejects.toMatchObject({
      code: "REVIEWER_PROFILE_MISSING",
    });
  });

  it("R4.4 lists the round's profiles a page at a time, and reads several at once", async () => {
    const ids = Array.from({ length: 105 }, (_, n) => `pool-${String(n).padStart(3, "0")}`);
    for (const id of ids) await reviewerRepository.save(SCOPE, facts(id), undefined, audit());
    const first = await reviewerRepository.list(SCOPE);
    expect(first.items).toHaveLength(100);
    expect(first.nextCursor).toBeDefined();
    const second = await reviewerRepository.list(SCOPE, first.nextCursor);
    expect([...first.items, ...second.items].map((profile) => profile.accountId)).toEqual(
      ["expert-1", ...ids].sort(),
    );
    expect(second.nextCursor).toBeUndefined();

    const many = await reviewerRepository.getMany(SCOPE, [...ids, "nobody"]);
    expect(many.map((profile) => profile.accountId).sort()).toEqual(ids);
  });

  it.each([
    ["R8.2 same unit", facts("e", { workUnitId: "unit-a" }), "same_unit"],
    [
      "R8.2 a declared conflict",
      facts("e", { workUnitId: "unit-b", declaredConflicts: ["applicant-1"] }),
      "declared",
    ],
    ["R8.2 the applicant themself", facts("applicant-1", { workUnitId: "unit-b" }), "self"],
    [
      "R8.2 a unit outside the system is never the applicant's, even by a name",
      facts("e", { workUnitId: undefined, workUnitName: "unit-a" }),
      undefined,
    ],
    ["R8.2 no conflict", facts("e", { workUnitId: "unit-b" }), undefined],
  ] as const)("%s: the core's recusal reads the profile", (_name, profile, expected) => {
    const expert = expertOf({ ...profile, load: 0, version: 1, updatedAt: "", updatedBy: "" });
    expect(conflictOf(expert, { applicationId: "app-1", applicantId: "applicant-1", unitId: "unit-a" })).toBe(
      expected,
    );
  });
});
