import "../quiet-logs";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { applicationTemplate } from "../dynamodb/clone-applications";
import { createDraft, register } from "../http/applicant-journey";
import { figureTable } from "../results";
import { openPhase, startBenchSystem } from "../system/bench-system";
import { timeoutsFigure } from "./timeouts-figure";

/**
 * Figure 10 alone (`npm run bench:timeouts`), on a local system of its own: what `npm run bench` measures
 * for it, printed instead of written to bench/results.md.
 */
async function main(): Promise<void> {
  if (process.versions.node.split(".")[0] !== "22") {
    throw new Error(`run through npm (Node 22, the Lambda runtime); this is Node ${process.versions.node}`);
  }
  const bench = await startBenchSystem();
  const stopOnSignal = () => void bench.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  try {
    await openPhase(bench, "2024-10-15T10:00:00+08:00", "application");
    const round = await roundRepository.get("2024");
    if (!round) throw new Error("the seeded round is missing");
    const draft = await createDraft(bench.api, await register(bench.api, "bench-timeouts"));
    const template = await applicationTemplate(
      { roundId: "2024", generation: round.generation },
      draft.applicationId,
      draft.applicant.accountId,
    );
    const section = await timeoutsFigure(bench.api, draft, template, (step) =>
      process.stdout.write(`bench: ${step}\n`),
    );
    console.log(`\n${figureTable(section.rows)}\n\n${section.details.join("\n\n")}`);
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
