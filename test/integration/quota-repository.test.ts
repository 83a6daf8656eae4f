import { beforeAll, describe, expect, it } from "vitest";
import { quotaRepository } from "../../functions/adapters/dynamodb/quota-repository";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { DomainError } from "../../functions/core/errors";
import { useFreshTable } from "../support/table";

const scope = { roundId: "2024", generation: 2 };
const full = () => new DomainError("POST_RATIO_FULL", "已无空余高级岗位", { rule: "R5.2" });
const take = (applicationId: string, slots: number) =>
  writeTogether([quotaRepository.takeWrite(scope, "unit-q", "post_structure", applicationId, slots, full)]);

describe("a unit's quota slots on DynamoDB Local (R5.2, R6.3)", () => {
  beforeAll(async () => {
    await useFreshTable();
  });

  it("R5.2 the condition itself refuses a slot beyond the cap; a holder may take its own slot again", async () => {
    await take("app-1", 2);
    await take("app-2", 2);
    await expect(take("app-3", 2)).rejects.toMatchObject({ code: "POST_RATIO_FULL" });
    await take("app-2", 2);
    expect((await quotaRepository.holders(scope, "unit-q", "post_structure")).sort()).toEqual([
      "app-1",
      "app-2",
    ]);
  });

  it("R5.2 of many takers racing for the last slot, exactly one gets it", async () => {
    await writeTogether([quotaRepository.releaseWrite(scope, "unit-q", "post_structure", "app-2")]);
    const racers = ["r-1", "r-2", "r-3", "r-4", "r-5"];
    const results = await Promise.allSettled(racers.map((id) => take(id, 2)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results) {
      if (result.status === "rejected") {
        expect(["POST_RATIO_FULL", "CONCURRENT_UPDATE"]).toContain((result.reason as DomainError).code);
      }
    }
    expect(await quotaRepository.holders(scope, "unit-q", "post_structure")).toHaveLength(2);
  });
});
