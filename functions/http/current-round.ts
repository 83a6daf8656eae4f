import { clock } from "../adapters/clock";
import { type RoundRecord, roundRepository } from "../adapters/dynamodb/round-repository";
import { storedRoundCalendar } from "../core/calendar";
import { roundInForeground } from "../core/rounds";
import { httpErrors } from "./errors";

export async function requireRound(roundId: string): Promise<RoundRecord> {
  const round = await roundRepository.get(roundId);
  if (!round) throw httpErrors.notFound();
  return round;
}

/**
 * The round in the foreground (see `roundInForeground`): the one whose generation decides which role
 * assignments count for a request that names no round.
 */
export async function foregroundRound(): Promise<RoundRecord | undefined> {
  const rounds = await roundRepository.list();
  const chosen = roundInForeground(
    rounds.map((round) => ({
      roundId: round.roundId,
      calendar: storedRoundCalendar(round.calendar),
      documentRecordedAt:
        round.documentRecordedAt === undefined ? undefined : new Date(round.documentRecordedAt),
    })),
    clock().now(),
  );
  return rounds.find((round) => round.roundId === chosen);
}
