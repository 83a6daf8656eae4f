import "../quiet-logs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { keys } from "../../functions/adapters/dynamodb/keys";
import { roundRepository } from "../../functions/adapters/dynamodb/round-repository";
import { calendarExecutionName } from "../../functions/adapters/workflow/executions";
import { PROJECT_ROOT } from "../../infra/constructs/bundling-options";
import { DEMO_PASSWORD } from "../../infra/local/seed";
import { DEMO_UNIT } from "../http/applicant-journey";
import { unitHandlerToken } from "../http/unit-staff";
import { prepareDrafts } from "../prepare-drafts";
import { openPhase, startBenchSystem } from "../system/bench-system";
import { checkInvariants, readStored, type Stored } from "./invariants";
import { parseLoadOptions } from "./options";
import { type FaultFigures, type LoadRun, loadSection, mergeResults } from "./report";
import { runSurge } from "./surge";

const DEADLINE = new Date("2024-10-21T00:00:00+08:00");
/** Requests per applicant the preparation may take (register, draft, sections, pledge, ~20 uploads). */
const PREPARATION_REQUESTS_PER_APPLICANT = 120;
const SUBMIT_ATTEMPTS = 4;
const GET_ITEM_SAMPLES = 300;
/** DynamoDB Local stalled (SIGSTOP) this long, this long before the deadline. */
// Longer than one DynamoDB call can wait before it fails (aws-clients.ts worstCaseMs, 9.6 s): requests
// in flight answer 503; shorter stalls are ridden out by the client's own attempts.
const FAULT = { beforeDeadlineMs: 28_000, lengthMs: 12_000 };

const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, Math.max(0, ms)));

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let index = 0; index < items.length; index += size) {
    results.push(...(await Promise.all(items.slice(index, index + size).map(run))));
  }
  return results;
}

async function bareGetItemMs(): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < GET_ITEM_SAMPLES; n += 1) {
    const start = performance.now();
    await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.round("2024") }));
    samples.push(performance.now() - start);
  }
  return samples;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`load: timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function main(): Promise<number> {
  const options = parseLoadOptions(process.argv.slice(2));
  if (process.versions.node.split(".")[0] !== "22") {
    throw new Error(
      `run the harness through npm (Node 22, the Lambda runtime); this is Node ${process.versions.node}`,
    );
  }
  const started = performance.now();
  const mode = options.faults ? "faults" : "plain";
  console.log(
    `load: ${options.applicants} applicants${options.faults ? ", with faults" : ""}, at most ${options.maxSeconds} s`,
  );
  const bench = await startBenchSystem();
  const bound = setTimeout(() => {
    console.error(`load: stopped at the time bound of ${options.maxSeconds} s (--max-seconds)`);
    console.log("load: invariants NOT checked: the run did not finish");
    void bench.stop().finally(() => process.exit(2));
  }, options.maxSeconds * 1000);
  try {
    const { api, system } = bench;
    let requests = 0;
    const requestLimit = options.applicants * PREPARATION_REQUESTS_PER_APPLICANT;
    api.beforeEach = () => {
      requests += 1;
      if (requests > requestLimit)
        throw new Error(`load: more than ${requestLimit} requests in the preparation`);
    };
    await openPhase(bench, "2024-09-11T00:00:00+08:00", "application");
    await api.json({
      label: "set the clock",
      method: "POST",
      path: "/dev/clock",
      body: { at: "2024-10-20T23:30:00+08:00", frozen: true },
    });
    const handlerToken = await unitHandlerToken(api);
    if (!handlerToken) throw new Error("load: the unit handler could not be granted its role");
    const preparing = performance.now();
    const drafts = await prepareDrafts(api, "load", options.applicants, 8);
    const preparationSeconds = (performance.now() - preparing) / 1000;
    const preparationRequests = requests;
    console.log(
      `load: ${drafts.length} applications prepared in ${preparationSeconds.toFixed(0)} s (${requests} requests)`,
    );
    api.beforeEach = () => undefined;
    const getItemMs = await bareGetItemMs();

    // The surge: the virtual clock runs at wall speed from a little before the first submit.
    const beforeMs = options.faults ? 30_000 : 8_000;
    const afterMs = 2_000;
    await api.json({
      label: "set the clock",
      method: "POST",
      path: "/dev/clock",
      body: { at: new Date(DEADLINE.getTime() - beforeMs - 1_000).toISOString(), frozen: false },
    });
    let fault: FaultFigures | undefined;
    const faultDone = options.faults
      ? (async () => {
          await sleep(DEADLINE.getTime() - FAULT.beforeDeadlineMs - system.clock.now().getTime());
          const pausedAt = system.clock.now().getTime();
          bench.dynamodb.pause();
          await sleep(FAULT.lengthMs);
          bench.dynamodb.resume();
          const resumedAt = system.clock.now().getTime();
          fault = {
            description: `DynamoDB Local stalled (SIGSTOP) for ${FAULT.lengthMs / 1000} s, from ${FAULT.beforeDeadlineMs / 1000} s before the deadline`,
            pausedAt,
            resumedAt,
            recoveryMs: undefined,
            calendarResumed: false,
          };
        })()
      : Promise.resolve();
    const surgeStart = performance.now();
    const submissions = await runSurge(api, system.clock, drafts, {
      deadline: DEADLINE,
      beforeMs,
      afterMs,
      maxAttempts: SUBMIT_ATTEMPTS,
    });
    const surgeSeconds = (performance.now() - surgeStart) / 1000;
    await faultDone;
    console.log(`load: surge done in ${surgeSeconds.toFixed(1)} s`);

    const office = await api.login("office-admin", DEMO_PASSWORD);
    if (fault) {
      const { resumedAt } = fault;
      const accepted = submissions
        .flatMap((submission) => submission.attempts)
        .filter((attempt) => attempt.status === 200 && attempt.sentAt >= resumedAt)
        .map((attempt) => attempt.answeredAt - resumedAt);
      fault.recoveryMs = accepted.length > 0 ? Math.min(...accepted) : undefined;
      // A calendar step that met the stall past its retries: the office resumes it, as its view says.
      const round = await roundRepository.get("2024");
      const execution = calendarExecutionName("2024", round?.calendarAttempt ?? 0);
      if (system.workflows.statusOf(execution) === "failed") {
        await api.json(
          {
            label: "resume the calendar",
            method: "POST",
            path: "/admin/rounds/2024/calendar-resumptions",
            body: { failedExecution: execution },
            token: office,
          },
          202,
        );
        fault.calendarResumed = true;
      }
    }

    // Past the in-flight grace: the expiry sweep runs; late drafts must end expired, never submitted.
    await api.json({
      label: "set the clock",
      method: "POST",
      path: "/dev/clock",
      body: { at: new Date(DEADLINE.getTime() + 31_000).toISOString(), frozen: false },
    });
    await until(
      "the expiry sweep",
      async () => (await roundRepository.get("2024"))?.progress.unsubmittedExpired === true,
      120_000,
    );
    const round = await roundRepository.get("2024");
    const scope = { roundId: "2024", generation: round?.generation ?? 0 };
    const stored = new Map<string, Stored>(
      await inBatches(
        submissions,
        8,
        async (submission) =>
          [submission.draft.applicationId, await readStored(scope, submission.draft.applicationId)] as const,
      ),
    );
    const unitList = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await api.json<{ applications: { applicationId: string }[]; nextCursor?: string }>({
        label: "list the unit's applications",
        method: "GET",
        path: `/rounds/2024/units/${DEMO_UNIT}/applications?state=submitted${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        token: handlerToken,
      });
      for (const application of page.applications) unitList.add(application.applicationId);
      cursor = page.nextCursor;
    } while (cursor);

    const invariants = checkInvariants({
      deadline: DEADLINE,
      faults: options.faults,
      submissions,
      stored,
      unitList,
    });
    const run: LoadRun = {
      mode,
      applicants: options.applicants,
      preparationSeconds,
      preparationRequests,
      surgeSeconds,
      getItemMs,
      submissions,
      deadline: DEADLINE,
      ...(fault ? { fault } : {}),
      invariants,
      totalSeconds: (performance.now() - started) / 1000,
    };
    const section = loadSection(run);
    const file = join(PROJECT_ROOT, "bench", "load-results.md");
    writeFileSync(file, mergeResults(existsSync(file) ? readFileSync(file, "utf8") : "", run, section));
    console.log(`\n${section}`);
    console.log(`load: written to ${file}`);
    const broken = invariants.filter((invariant) => !invariant.held);
    console.log(
      broken.length === 0
        ? `load: every invariant held (${invariants.length} of ${invariants.length})`
        : `load: INVARIANTS BROKEN (${broken.length} of ${invariants.length}): ${broken.map((invariant) => invariant.name).join("; ")}`,
    );
    return broken.length === 0 ? 0 : 1;
  } finally {
    clearTimeout(bound);
    await bench.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log("load: invariants NOT checked: the run failed");
    process.exit(2);
  },
);
