import type { GenerationScope } from "../adapters/dynamodb/keys";
import { newestRound } from "./current-round";

/** The generation new role assignments belong to: the newest round's current one (DESIGN.md §8). */
export async function currentGeneration(): Promise<GenerationScope | undefined> {
  const round = await newestRound();
  return round ? { roundId: round.roundId, generation: round.generation } : undefined;
}
