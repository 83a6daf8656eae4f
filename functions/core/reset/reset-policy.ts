import { DomainError, ruleViolation } from "../errors";

/** What decides whether a reset may run: DESIGN.md §8 and R3.2/R3.3. */
export interface ResetSituation {
  roundId: string;
  generation: number;
  /** The scheduled reset at the end of pre-preparation has happened: the current generation is formal. */
  preparationResetDone: boolean;
}

export interface ResetRequest {
  /** The generation the requester saw; a reset moves exactly that one to the next. */
  expectedGeneration: number;
  /** `system` for the scheduled reset at the end of pre-preparation. */
  requestedBy: string;
  /** The round id typed back by the title office, required before wiping formal data. */
  confirmRoundId?: string | undefined;
  scheduled: boolean;
  /**
   * The request repeats a reset already begun — the reset workflow's own first step, or the office
   * resuming a purge that failed — and joins it when the generation has moved.
   */
  rejoin?: boolean;
}

export type ResetDecision = { kind: "move"; toGeneration: number } | { kind: "already_moved" };

/** 409 naming the generation the round is in now, so the office can decide on what it sees. */
function staleGeneration(situation: ResetSituation, expected: number): DomainError {
  const { roundId, generation } = situation;
  const what =
    expected < generation ? `第 ${expected} 代数据已被此前的重置清除` : `第 ${expected} 代尚不存在`;
  return new DomainError(
    "STALE_GENERATION",
    `轮次“${roundId}”当前为第 ${generation} 代数据，${what}，本次未重置任何数据。如仍需重置当前数据，请刷新后以 expectedGeneration=${generation} 重新提交。`,
    { fields: [{ path: "body.expectedGeneration", message: `当前代次为 ${generation}` }] },
  );
}

/**
 * A reset during pre-preparation wipes test data and needs no confirmation (a second rehearsal). Once
 * the scheduled reset has happened, the data is formal: only an explicit confirmation with the round id
 * typed back lets a reset wipe it. The office asking with a generation that is not the current one is
 * told the current one (409) and nothing moves; the scheduled reset and a request that repeats a reset
 * already begun join it, so a retry never moves the round twice.
 */
export function decideReset(situation: ResetSituation, request: ResetRequest): ResetDecision {
  if (request.expectedGeneration !== situation.generation) {
    const joins = request.expectedGeneration < situation.generation && (request.scheduled || request.rejoin);
    if (joins) return { kind: "already_moved" };
    throw staleGeneration(situation, request.expectedGeneration);
  }
  if (request.scheduled) {
    if (situation.preparationResetDone) return { kind: "already_moved" };
    return { kind: "move", toGeneration: situation.generation + 1 };
  }
  if (situation.preparationResetDone && request.confirmRoundId !== situation.roundId) {
    throw ruleViolation(
      "R3.3",
      "FORMAL_DATA_RESET_NOT_CONFIRMED",
      `预准备期已结束，当前为正式申报数据。确需重置，请在 confirmRoundId 中输入轮次编号“${situation.roundId}”以确认；未确认前不会删除任何数据。`,
      [{ path: "body.confirmRoundId", message: "请输入轮次编号以确认重置正式数据" }],
    );
  }
  return { kind: "move", toGeneration: situation.generation + 1 };
}
