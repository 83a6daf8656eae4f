import type { GenerationScope } from "../adapters/dynamodb/keys";
import { foregroundRound, requireRound } from "./current-round";

/**
 * The generation role assignments are read in and granted to (DESIGN.md §8): the named round's current
 * one, or the round in the foreground's when the request names none.
 */
export async function currentGeneration(roundId?: string): Promise<GenerationScope | undefined> {
  const round = roundId === undefined ? await foregroundRound() : await requireRound(roundId);
  return round ? { roundId: round.roundId, generation: round.generation } : undefined;
}
