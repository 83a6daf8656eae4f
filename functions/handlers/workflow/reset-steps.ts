import { clock } from "../../adapters/clock";
import { resetRepository } from "../../adapters/dynamodb/reset-repository";
import { generationPurge } from "../../services/generation-purge";
import { beginReset } from "../../services/reset";

export async function resetBegin(input: {
  roundId: string;
  expectedGeneration: number;
  requestedBy: string;
  scheduled: boolean;
  confirmRoundId: string | null;
}) {
  const started = await beginReset(
    input.roundId,
    { ...input, confirmRoundId: input.confirmRoundId ?? undefined, rejoin: true },
    clock().now(),
  );
  return { purgeGeneration: started.fromGeneration, toGeneration: started.toGeneration };
}

export async function resetPurgeBatch(input: { roundId: string; generation: number }) {
  return generationPurge({ roundId: input.roundId, generation: input.generation });
}

export async function resetFinish(input: { roundId: string; generation: number }) {
  await resetRepository.finish(input.roundId, input.generation, clock().now());
  const record = (await resetRepository.list(input.roundId)).find(
    (reset) => reset.fromGeneration === input.generation,
  );
  return { purgedItems: record?.purgedItems ?? 0, purgedObjects: record?.purgedObjects ?? 0 };
}
