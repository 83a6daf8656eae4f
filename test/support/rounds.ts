import { NO_PROGRESS, roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";

/** The 2024 round as the seed leaves it, in a given generation, for tests that start below the API. */
export async function store2024Round(generation = 1): Promise<void> {
  await roundRepository.create(
    {
      roundId: "2024",
      title: "2024年度全省人力资源培训专业高级职称申报评审",
      calendar: ROUND_2024_CALENDAR_SPEC,
      eligibilityRuleSet: "retirement-1978",
      generation,
      calendarAttempt: 0,
      openedPhases: ["preparation", "application", "review"],
      progress: { ...NO_PROGRESS, preparationResetDone: generation > 1 },
      version: 1,
      createdAt: "2024-08-20T00:00:00.000Z",
    },
    { actor: "seed", action: "create_round", at: new Date("2024-08-20T00:00:00.000Z"), detail: {} },
  );
}
