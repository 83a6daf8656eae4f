import { resetRepository } from "../adapters/dynamodb/reset-repository";
import { roundRepository } from "../adapters/dynamodb/round-repository";
import { resetExecutionName, workflowExecutions } from "../adapters/workflow/executions";
import { DomainError } from "../core/errors";
import { decideReset, type ResetRequest } from "../core/reset";

export interface ResetStarted {
  roundId: string;
  fromGeneration: number;
  toGeneration: number;
  executionName: string;
}

interface Begun extends ResetStarted {
  /** False when this request joined a reset that had already moved the generation. */
  moved: boolean;
}

function roundNotFound(): DomainError {
  return new DomainError("NOT_FOUND", "未找到该轮次。");
}

/**
 * Moves the round to the next generation if the request allows it (DESIGN.md §8), or joins the reset
 * that already moved it. Refusals (formal data without confirmation) happen before any write.
 */
export async function beginReset(roundId: string, request: ResetRequest, now: Date): Promise<Begun> {
  const round = await roundRepository.get(roundId);
  if (!round) throw roundNotFound();
  const decision = decideReset(
    { roundId, generation: round.generation, preparationResetDone: round.progress.preparationResetDone },
    request,
  );
  let moved = false;
  if (decision.kind === "move") {
    moved = await resetRepository.begin({
      roundId,
      fromGeneration: request.expectedGeneration,
      requestedBy: request.requestedBy,
      scheduled: request.scheduled,
      at: now,
    });
    if (!moved) {
      const current = await roundRepository.get(roundId);
      if (!current || current.generation <= request.expectedGeneration) {
        throw new DomainError("RESET_CONFLICT", "轮次正在被其他操作修改，请稍后刷新重试。");
      }
    }
  }
  return {
    roundId,
    fromGeneration: request.expectedGeneration,
    toGeneration: request.expectedGeneration + 1,
    executionName: resetExecutionName(roundId, request.expectedGeneration, 0),
    moved,
  };
}

/** The reset that left this generation behind has a purge whose last execution failed. */
async function purgeFailed(roundId: string, fromGeneration: number): Promise<boolean> {
  const record = await resetRepository.get(roundId, fromGeneration);
  if (!record || record.status === "done") return false;
  const name = resetExecutionName(roundId, fromGeneration, record.attempts);
  return (await workflowExecutions().resetStatus(name)) === "failed";
}

/**
 * Begins the reset, then hands the purge of the old generation to the reset workflow. Asking again for
 * a generation already left is answered 409 with the current one (`decideReset`) — unless its purge
 * failed: then the purge resumes under the next attempt's name. Two requests racing on the same
 * generation join one reset.
 */
export async function resetRound(roundId: string, request: ResetRequest, now: Date): Promise<ResetStarted> {
  const rejoin = request.rejoin || (await purgeFailed(roundId, request.expectedGeneration));
  const { moved: _moved, ...started } = await beginReset(roundId, { ...request, rejoin }, now);
  const record = await resetRepository.get(roundId, started.fromGeneration);
  if (!record || record.status === "done") return started;
  const executions = workflowExecutions();
  let attempt = record.attempts;
  let name = resetExecutionName(roundId, started.fromGeneration, attempt);
  const status = await executions.resetStatus(name);
  if (status === "running" || status === "succeeded") return { ...started, executionName: name };
  if (status === "failed") {
    // Only one resumer wins the increment; a concurrent second click then finds that run running.
    if (await resetRepository.nextAttempt(roundId, started.fromGeneration, attempt)) attempt += 1;
    name = resetExecutionName(roundId, started.fromGeneration, attempt);
  }
  await executions.startReset(name, {
    roundId,
    expectedGeneration: request.expectedGeneration,
    requestedBy: request.requestedBy,
    scheduled: request.scheduled,
    confirmRoundId: request.confirmRoundId ?? null,
  });
  return { ...started, executionName: name };
}
