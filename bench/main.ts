import "./quiet-logs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { documentClient } from "../functions/adapters/dynamodb/client";
import type { GenerationScope } from "../functions/adapters/dynamodb/keys";
import { roundRepository } from "../functions/adapters/dynamodb/round-repository";
import { PROJECT_ROOT } from "../infra/constructs/bundling-options";
import { DEMO_PASSWORD } from "../infra/local/seed";
import { buildAllBundles } from "./bundles/all-bundles";
import { bundleFigures } from "./bundles/figures";
import { smokeTestBundles } from "./bundles/smoke";
import { blacklistImportFigure } from "./dynamodb/blacklist-import";
import { CapacityRecorder } from "./dynamodb/capacity-recorder";
import { applicationTemplate } from "./dynamodb/clone-applications";
import { lifecycleCost } from "./dynamodb/lifecycle-cost";
import { progressCost } from "./dynamodb/progress-cost";
import { resetFigure } from "./dynamodb/reset-figure";
import { unitListScaling } from "./dynamodb/unit-list";
import { applicationPath, createDraft, DEMO_UNIT, register } from "./http/applicant-journey";
import { completeFigure } from "./http/complete-figure";
import { apiLatency } from "./http/latency";
import { unitHandlerToken } from "./http/unit-staff";
import { frameworkTax } from "./in-process/framework-tax";
import { prepareDrafts } from "./prepare-drafts";
import { figureTable, formatNumber, type Section } from "./results";
import { deadlineSurge } from "./surge/deadline-surge";
import { openPhase, startBenchSystem } from "./system/bench-system";
import { timeoutsFigure } from "./timeouts/timeouts-figure";

const COLD_START_ROUNDS = 20;
const SUBMIT_SAMPLES = 20;

const phases: [string, number][] = [];
const started = performance.now();

async function phase<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  process.stdout.write(`bench: ${name}…`);
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  phases.push([name, seconds]);
  process.stdout.write(` ${seconds.toFixed(1)} s\n`);
  return result;
}

function report(sections: Section[], smoke: string[]): string {
  const total = (performance.now() - started) / 1000;
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return [
    "# Benchmarks",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString()} — Node ${process.versions.node}, ${cpus().length} × ${cpu}, ` +
      `${total.toFixed(0)} s in all. Every figure is a ratio taken side by side in the same run (this machine is ` +
      "shared and noisy); absolute times are in the details below and are not judged. “median” is the median of " +
      "the runs, “min–max” their spread; a bundle size is exact (deterministic).",
    "",
    figureTable(sections.flatMap((section) => section.rows)),
    "",
    "## Details",
    "",
    ...sections.flatMap((section) => section.details.flatMap((detail) => [detail, ""])),
    "### The bundles that deploy still work",
    "",
    "The cuts in infra/constructs/bundling-options.ts (LAMBDA_ALIASES) are kept only because the house bundles " +
      "pass these calls against DynamoDB Local and s3rver, with credentials from the environment as in Lambda:",
    "",
    ...smoke.map((check) => `- ${check}`),
    "",
    "### Time per phase",
    "",
    phases.map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`).join(" · "),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  if (process.versions.node.split(".")[0] !== "22") {
    throw new Error(
      `run the bench through npm (Node 22, the Lambda runtime); this is Node ${process.versions.node}`,
    );
  }
  const outDir = mkdtempSync(join(tmpdir(), "title-review-bundles-"));
  const sections: Section[] = [];
  const bundles = await phase("building every function with the house options", () =>
    buildAllBundles(outDir),
  );
  sections.push(
    await phase(`cold-start proxy, ${COLD_START_ROUNDS} rounds`, () =>
      bundleFigures(bundles, COLD_START_ROUNDS),
    ),
  );

  const bench = await phase("starting the local runtime (DynamoDB Local, s3rver)", () => startBenchSystem());
  const stopOnSignal = () => void bench.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  let smoke: string[] = [];
  let surgeInput: { scope: GenerationScope; recorded: Parameters<typeof deadlineSurge>[1] } | undefined;
  try {
    const { api } = bench;
    await phase("opening the application window", () =>
      openPhase(bench, "2024-10-15T10:00:00+08:00", "application"),
    );
    const round = await roundRepository.get("2024");
    if (!round) throw new Error("the seeded round is missing");
    const scope = { roundId: "2024", generation: round.generation };

    const recorder = new CapacityRecorder();
    recorder.install(documentClient);
    recorder.installEverywhere();
    const lifecycle = await phase("one applicant's lifecycle with capacity recorded", () =>
      lifecycleCost(api, recorder, "bench-lifecycle"),
    );
    sections.push(lifecycle.section);
    const { submitted } = lifecycle;
    const template = await applicationTemplate(scope, submitted.applicationId, submitted.applicant.accountId);
    const submitter = { applicationId: submitted.applicationId, unitId: DEMO_UNIT };
    const writes = lifecycle.submitCalls.flatMap((call) => call.partitions);
    // Pure computation, run once the runtime has stopped: it would hold up the server's event loop.
    surgeInput = { scope, recorded: { submitter, at: bench.system.clock.now(), writes } };

    const probe = {
      token: submitted.applicant.token,
      applicationPath: applicationPath(submitted.applicationId),
    };
    const officeToken = await api.login("office-admin", DEMO_PASSWORD);
    smoke = await phase("running the house bundles against the emulators", () =>
      smokeTestBundles(bundles, bench, probe, officeToken, outDir),
    );
    sections.push(
      await phase("framework tax", () =>
        frameworkTax(bench, probe.applicationPath, submitted.applicant.token),
      ),
    );

    const readyToSubmit = await phase(`preparing ${SUBMIT_SAMPLES} applications to submit`, () =>
      prepareDrafts(api, "bench-submit", SUBMIT_SAMPLES),
    );
    const draft = await createDraft(api, await register(api, "bench-latency"));
    const handlerToken = await unitHandlerToken(api);
    sections.push(
      await phase("API latency over HTTP", () =>
        apiLatency(api, {
          draft,
          readyToSubmit,
          unitHandlerToken: handlerToken,
          officeToken,
          rounds: { created: 0 },
        }),
      ),
    );
    const uploader = await createDraft(api, await register(api, "bench-complete"));
    sections.push(await phase("completing uploads over HTTP", () => completeFigure(api, uploader)));
    const largeUploader = await createDraft(api, await register(api, "bench-timeouts"));
    sections.push(
      await phase("each function's slowest operation against its timeout", () =>
        timeoutsFigure(api, largeUploader, template),
      ),
    );
    sections.push(
      await phase("unit list with 10, 100 and 10,000 applications", () => unitListScaling(template)),
    );
    sections.push(
      await phase("blacklist register import, 1,000 rows per request", async () =>
        blacklistImportFigure(api, recorder, await api.login("office-admin", DEMO_PASSWORD)),
      ),
    );
    sections.push(
      await phase("round progress: tally writes and reads", () => progressCost(api, recorder, officeToken)),
    );
    // Last: it moves the round's generation and purges the old one.
    const probeRequest = { label: "probe", method: "GET", path: probe.applicationPath, token: probe.token };
    sections.push(
      await phase("reset with 100 and 5,000 applications", () => resetFigure(bench, template, probeRequest)),
    );
  } finally {
    await phase("stopping", () => bench.stop());
    rmSync(outDir, { recursive: true, force: true });
  }
  const surge = surgeInput;
  if (surge)
    sections.push(await phase("deadline surge simulation", () => deadlineSurge(surge.scope, surge.recorded)));
  const order = (section: Section) => Number(section.rows[0]?.figure.split(" ")[0] ?? 9);
  const markdown = report(
    sections.sort((a, b) => order(a) - order(b)),
    smoke,
  );
  writeFileSync(join(PROJECT_ROOT, "bench", "results.md"), markdown);
  console.log(`\n${markdown}`);
  console.log(`bench/results.md written (${formatNumber((performance.now() - started) / 1000)} s)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
