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
}

export type ResetDecision = { kind: "move"; toGeneration: number } | { kind: "already_moved" };

/**
 * A reset during pre-preparation wipes test data and needs no confirmation (a second rehearsal). Once
 * the scheduled reset has happened, the data is formal: only an explicit confirmation with the round id
 * typed back lets a reset wipe it. A request for a generation already left behind joins the reset
 * that moved it, so a retry or a double click never moves the round twice.
 */
export function decideReset(situation: ResetSituation, request: ResetRequest): ResetDecision {
  if (request.expectedGeneration < situation.generation) return { kind: "already_moved" };
  if (request.expectedGeneration > situation.generation) {
    throw new DomainError("STALE_GENERATION", "轮次数据代次与当前不符，请刷新后重试。");
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
