import * as z from "zod/mini";
import { isServiceUnavailable } from "../../adapters/aws-clients";
import { clock } from "../../adapters/clock";
import { auditRepository } from "../../adapters/dynamodb/audit-repository";
import { calendarWorkflowRepository } from "../../adapters/dynamodb/calendar-workflow-repository";
import { roundRepository } from "../../adapters/dynamodb/round-repository";
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

/**
 * Whether a failed task met a stalled or unreachable service rather than an error in the data or the code:
 * Step Functions passes the function's error type, and its message inside the cause.
 */
function metUnavailableService(error: { Error?: string | undefined; Cause?: string | undefined }): boolean {
  return (
    isServiceUnavailable({ name: error.Error }) ||
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|TimeoutError|ServiceUnavailable|Throttl/.test(error.Cause ?? "")
  );
}

async function recordFailure(input: {
  workflow: string;
  roundId: string;
  error: { Error?: string | undefined; Cause?: string | undefined };
}) {
  logger.error("workflow failed", { workflow: input.workflow, roundId: input.roundId, error: input.error });
  const at = clock().now();
  if (input.workflow === "round-calendar") {
    // On the round, where the office's view of it shows the failure and how to resume.
    const round = await roundRepository.get(input.roundId);
    await calendarWorkflowRepository.recordFailure(
      input.roundId,
      { error: input.error.Error ?? "", serviceUnavailable: metUnavailableService(input.error) },
      round?.calendarAttempt ?? 0,
      at,
      input.error.Cause ?? "",
    );
    return { recorded: true };
  }
  await auditRepository.record({
    entity: `ROUND#${input.roundId}`,
    action: "workflow_failed",
    actor: "system",
    at,
    detail: { workflow: input.workflow, error: input.error.Error ?? "", cause: input.error.Cause ?? "" },
  });
  return { recorded: true };
}

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
      return recordFailure(input);
  }
}
