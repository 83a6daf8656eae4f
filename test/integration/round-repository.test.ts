import { PutCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { roundProgressRepository } from "../../functions/adapters/dynamodb/round-progress-repository";
import {
  NO_PROGRESS,
  type RoundRecord,
  roundRepository,
  updateRoundCalendar,
} from "../../functions/adapters/dynamodb/round-repository";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";
import { DomainError } from "../../functions/core/errors";
import { useFreshTable } from "../support/table";

const round = (roundId: string): RoundRecord => ({
  roundId,
  title: `${roundId} 轮次`,
  calendar: ROUND_2024_CALENDAR_SPEC,
  eligibilityRuleSet: "retirement-1978",
  generation: 1,
  calendarAttempt: 0,
  openedPhases: [],
  progress: NO_PROGRESS,
  version: 1,
  createdAt: "2024-08-01T00:00:00.000Z",
});

describe("round repository on DynamoDB Local", () => {
  let table: string;
  beforeAll(async () => {
    table = await useFreshTable();
  });

  const creation = (roundId: string) => ({
    actor: "office",
    action: "create_round",
    at: new Date("2024-08-01T08:00:00+08:00"),
    detail: { roundId },
  });
  const auditOf = async (roundId: string) =>
    (
      await documentClient.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: "PK = :pk",
          ExpressionAttributeValues: { ":pk": `AUDIT#ROUND#${roundId}` },
        }),
      )
    ).Items ?? [];

  it("R3.4 creates a round once, with its audit record in the same transaction, and lists rounds newest first", async () => {
    expect(await roundRepository.create(round("2024"), creation("2024"))).toBe(true);
    expect(await roundRepository.create({ ...round("2024"), title: "changed" }, creation("2024"))).toBe(
      false,
    );
    expect(await roundRepository.create(round("2025"), creation("2025"))).toBe(true);
    const listed = await roundRepository.list();
    expect(listed.map((r) => r.roundId)).toEqual(["2025", "2024"]);
    expect((await roundRepository.get("2024"))?.title).toBe("2024 轮次");
    expect(await roundRepository.get("1999")).toBeUndefined();
    // The refused second creation wrote no audit record of its own.
    expect((await auditOf("2024")).map((item) => item.action)).toEqual(["create_round"]);
  });

  it("R3.4 a round stored without a rule set reads as the one in force in its year", async () => {
    const { eligibilityRuleSet: _none, ...legacy } = round("2026");
    await documentClient.send(
      new PutCommand({ TableName: table, Item: { PK: "ROUND#2026", SK: "ROUND", ...legacy } }),
    );
    expect((await roundRepository.get("2026"))?.eligibilityRuleSet).toBe("retirement-2025");
    expect((await roundRepository.get("2024"))?.eligibilityRuleSet).toBe("retirement-1978");
  });

  it("opens a phase once, however often the workflow retries", async () => {
    const at = new Date("2024-09-01T00:00:00+08:00");
    expect(await roundProgressRepository.openPhase("2024", "preparation", at)).toBe(true);
    expect(await roundProgressRepository.openPhase("2024", "preparation", at)).toBe(false);
    const stored = await roundRepository.get("2024");
    expect(stored?.openedPhases).toEqual(["preparation"]);
    expect(stored?.version).toBe(2);
    expect(await roundProgressRepository.openPhase("missing", "preparation", at)).toBe(false);
  });

  it("writes a calendar change with its audit record, and refuses a stale version writing neither", async () => {
    const at = new Date("2024-11-10T10:00:00+08:00");
    const calendar = { ...ROUND_2024_CALENDAR_SPEC, defenseAt: "2024-12-01 09:00" };
    const version = await updateRoundCalendar("2025", calendar, 1, {
      actor: "office",
      action: "schedule",
      at,
      detail: {},
    });
    expect(version).toBe(2);
    const stale = updateRoundCalendar("2025", { ...calendar, defenseAt: "2024-12-02 09:00" }, 1, {
      actor: "office",
      action: "schedule",
      at,
      detail: {},
    });
    await expect(stale).rejects.toSatisfy(
      (error) => error instanceof DomainError && error.code === "STALE_VERSION",
    );
    expect((await roundRepository.get("2025"))?.calendar.defenseAt).toBe("2024-12-01 09:00");
    expect((await auditOf("2025")).map((item) => item.action)).toEqual(["create_round", "schedule"]);
  });
});
