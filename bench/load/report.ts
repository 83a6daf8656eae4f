import { cpus } from "node:os";
import { formatNumber } from "../results";
import { percentile } from "../stats";
import type { Invariant } from "./invariants";
import type { Submission } from "./surge";

export interface FaultFigures {
  /** What was stalled, for how long, relative to the deadline. */
  description: string;
  pausedAt: number;
  resumedAt: number;
  /** Wall ms from the service's return to the first accepted submit sent after it. */
  recoveryMs: number | undefined;
  calendarResumed: boolean;
}

export interface LoadRun {
  mode: "plain" | "faults";
  applicants: number;
  preparationSeconds: number;
  preparationRequests: number;
  surgeSeconds: number;
  getItemMs: number[];
  submissions: Submission[];
  deadline: Date;
  fault?: FaultFigures;
  invariants: Invariant[];
  totalSeconds: number;
}

const ms = (value: number) => `${formatNumber(value)} ms`;

function answersTable(submissions: Submission[]): string[] {
  const counts = new Map<string, number>();
  for (const attempt of submissions.flatMap((submission) => submission.attempts)) {
    const key = `${attempt.status} | ${attempt.code || "—"}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [
    "| status | code | answers |",
    "| --- | --- | ---: |",
    ...[...counts.entries()].sort().map(([key, count]) => `| ${key} | ${count} |`),
  ];
}

/** The run's section of bench/load-results.md. */
export function loadSection(run: LoadRun): string {
  const attempts = run.submissions.flatMap((submission) => submission.attempts);
  const latencies = attempts.map((attempt) => attempt.ms);
  const getItem = percentile(run.getItemMs, 50);
  const inTime = run.submissions.filter((submission) => submission.offsetMs < 0).length;
  const accepted = run.submissions.filter((submission) => submission.attempts.at(-1)?.status === 200).length;
  const lines = [
    `## ${run.mode === "plain" ? "`npm run load`" : "`npm run load -- --faults`"}`,
    "",
    `Run on ${new Date().toISOString()} — Node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ` +
      `${formatNumber(run.totalSeconds)} s in all. ${run.applicants} applicants registered and prepared over HTTP ` +
      `(${run.preparationRequests} requests in ${formatNumber(run.preparationSeconds)} s), then each pressed submit at a ` +
      `seeded random moment between ${formatNumber(-Math.min(...run.submissions.map((s) => s.offsetMs)) / 1000)} s before and ` +
      `${formatNumber(Math.max(...run.submissions.map((s) => s.offsetMs)) / 1000)} s after the deadline ` +
      `${run.deadline.toISOString()} (10-20 24:00 Beijing time): ${inTime} pressed it in time, ${accepted} were accepted.`,
    "",
    "| figure | value |",
    "| --- | ---: |",
    `| submit requests (retries included) | ${attempts.length} |`,
    `| throughput over the surge (paced by the spread of arrivals) | ${formatNumber(attempts.length / run.surgeSeconds)} requests/s (${formatNumber(run.surgeSeconds)} s) |`,
    `| bare GetItem on the same DynamoDB Local, median of ${run.getItemMs.length} | ${ms(getItem)} |`,
    ...[50, 95, 99].map(
      (p) =>
        `| submit p${p} / bare GetItem | ${formatNumber(percentile(latencies, p) / getItem)}× (${ms(percentile(latencies, p))}) |`,
    ),
    `| slowest answer / API Gateway's 30 s | ${formatNumber(Math.max(...latencies) / 30_000)}× (${ms(Math.max(...latencies))}) |`,
    "",
    "Every answer, by status and code:",
    "",
    ...answersTable(run.submissions),
    "",
  ];
  if (run.fault) {
    const { fault } = run;
    const during = attempts.filter(
      (attempt) => attempt.sentAt < fault.resumedAt && attempt.answeredAt >= fault.pausedAt,
    );
    const unavailable = during.filter((attempt) => attempt.status === 503);
    const answered503 = attempts.filter((a) => a.status === 503).map((a) => a.ms);
    const retried = run.submissions.filter((submission) => submission.attempts.length > 1);
    lines.push(
      "Faults:",
      "",
      "| figure | value |",
      "| --- | ---: |",
      `| fault | ${fault.description} |`,
      `| submit requests in flight or sent during the fault | ${during.length} |`,
      `| … answered 503 SERVICE_UNAVAILABLE with Retry-After | ${unavailable.length} |`,
      `| … answered otherwise than 200, 422 or 503 | ${during.filter((a) => ![200, 422, 503].includes(a.status)).length} |`,
      `| slowest 503 | ${answered503.length > 0 ? ms(Math.max(...answered503)) : "none"} |`,
      `| applicants who retried with the same Idempotency-Key | ${retried.length} |`,
      `| … whose retry was accepted | ${retried.filter((s) => s.attempts.at(-1)?.status === 200).length} |`,
      `| time to recover: service back → first accepted submit sent after it | ${fault.recoveryMs === undefined ? "none accepted" : ms(fault.recoveryMs)} |`,
      `| calendar workflow failed and was resumed through the admin API | ${fault.calendarResumed ? "yes" : "no (it rode the fault out)"} |`,
      "",
    );
  }
  lines.push(
    `Invariants after the surge${run.fault ? " and the fault" : ""}, checked over HTTP and in the table (after the expiry sweep):`,
    "",
    ...run.invariants.map(
      (invariant) =>
        `- ${invariant.held ? "held" : "**BROKEN**"}: ${invariant.name}` +
        (invariant.held ? "" : ` — e.g. ${invariant.counterexamples.join("; ")}`),
    ),
    "",
    run.invariants.every((invariant) => invariant.held)
      ? `**Every invariant held (${run.invariants.length} of ${run.invariants.length}).**`
      : `**Invariants broken: ${run.invariants.filter((invariant) => !invariant.held).length} of ${run.invariants.length}.**`,
    "",
  );
  return lines.join("\n");
}

const MARK = (mode: string, end = false) => `<!-- load:${mode}${end ? ":end" : ""} -->`;

/** Replaces this mode's section of the results file, keeping the other mode's. */
export function mergeResults(existing: string, run: LoadRun, section: string): string {
  const sections = new Map<string, string>();
  for (const mode of ["plain", "faults"]) {
    const start = existing.indexOf(MARK(mode));
    const end = existing.indexOf(MARK(mode, true));
    if (start >= 0 && end > start) sections.set(mode, existing.slice(start + MARK(mode).length, end).trim());
  }
  sections.set(run.mode, section.trim());
  return [
    "# Load harness results",
    "",
    "Written by `npm run load` (and `npm run load -- --faults`): the whole local system on loopback, deadline night " +
      "replayed over HTTP. Latencies are ratios to a bare DynamoDB GetItem measured in the same run, as this machine is " +
      "shared; absolute times are beside them and are not judged. See the README's “Load harness” for what it proves.",
    "",
    ...["plain", "faults"].flatMap((mode) => {
      const text = sections.get(mode);
      return text ? [MARK(mode), text, MARK(mode, true), ""] : [];
    }),
  ].join("\n");
}
