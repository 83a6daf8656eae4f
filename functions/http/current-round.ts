import { type RoundRecord, roundRepository } from "../adapters/dynamodb/round-repository";
import { httpErrors } from "./errors";

export async function requireRound(roundId: string): Promise<RoundRecord> {
  const round = await roundRepository.get(roundId);
  if (!round) throw httpErrors.notFound();
  return round;
}

/** The newest round: the one whose generation decides which role assignments count now. */
export async function newestRound(): Promise<RoundRecord | undefined> {
  return (await roundRepository.list())[0];
}
