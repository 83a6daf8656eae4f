import * as z from "zod/mini";
import { clock } from "../../adapters/clock";
import { auditRepository } from "../../adapters/dynamodb/audit-repository";
import { logger } from "../../adapters/logger";
import { advanceRound } from "./advance-round";
import { resetBegin, resetFinish, resetPurgeBatch } from "./reset-steps";

const roundId = z.string().check(z.minLength(1));
const generation = z.int().check(z.positive());

const taskInput = z.discriminatedUnion("task", [
  z.object({ task: z.literal("advanceRound"), roundId }),
  z.object({
    task: z.literal("resetBegin"),
    roundId,
    expectedGeneration: generation,
    requestedBy: z.string(),
    scheduled: z.boolean(),
    confirmRoundId: z.nullable(z.string()),
  }),
  z.object({ task: z.literal("resetPurgeBatch"), roundId, generation }),
  z.object({ task: z.literal("resetFinish"), roundId, generation }),
  z.object({
    task: z.literal("recordFailure"),
    workflow: z.string(),
    roundId,
    error: z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
  }),
]);

/** The tasks of the round calendar and reset state machines (statemachines/*.asl.json). */
export async function handler(event: unknown): Promise<unknown> {
  const input = taskInput.parse(event);
  switch (input.task) {
    case "advanceRound":
      return advanceRound(input.roundId);
    case "resetBegin":
      return resetBegin(input);
    case "resetPurgeBatch":
      return resetPurgeBatch(input);
    case "resetFinish":
      return resetFinish(input);
    case "recordFailure":
      logger.error("workflow failed", {
        workflow: input.workflow,
        roundId: input.roundId,
        error: input.error,
      });
      await auditRepository.record({
        entity: `ROUND#${input.roundId}`,
        action: "workflow_failed",
        actor: "system",
        at: clock().now(),
        detail: { workflow: input.workflow, error: input.error.Error ?? "", cause: input.error.Cause ?? "" },
      });
      return { recorded: true };
  }
}
