import { evidenceMaxBytes } from "../../functions/adapters/s3/evidence-objects";
import {
  API_GATEWAY_TIMEOUT_SECONDS,
  FUNCTION_TIMEOUT_SECONDS,
  type FunctionName,
} from "../../functions/function-timeouts";
import type { ApplicationTemplate } from "../dynamodb/clone-applications";
import type { Api } from "../http/api";
import { applicationPath, type Draft } from "../http/applicant-journey";
import { sentUpload } from "../http/complete-figure";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { median, since, spread } from "../stats";
import { largeScanPdf, scanPng } from "./large-evidence";
import { purgeBatchTimes, sweepStepTimes } from "./workflow-steps";

/** A function's slowest operation may take half its timeout here: Lambda's share of a CPU is smaller. */
const TARGET = 0.5;
const PDF_PAGES = 100;
const COMPLETE_RUNS = 5;
const MERGE_RUNS = 3;
/** The most images one merge takes (functions/http/routes/evidence.ts). */
const MERGE_IMAGES = 20;
const WORKFLOW_RUNS = 3;

interface Operation {
  label: string;
  fn: FunctionName;
  /** Behind the HTTP API, so also held against API Gateway's own timeout. */
  http: boolean;
  times: number[];
  what: string;
}

/** Completions over HTTP of a 20 MB PDF, each sent to its incoming key beforehand (untimed). */
async function completeLargePdf(api: Api, draft: Draft): Promise<Operation> {
  const pdf = await largeScanPdf(evidenceMaxBytes(), PDF_PAGES);
  const times: number[] = [];
  for (let run = 0; run < COMPLETE_RUNS; run += 1) {
    const evidenceId = await sentUpload(api, draft, run, pdf);
    const start = performance.now();
    const answer = await api.json<{ status: string; pageCount: number }>({
      label: "complete an upload",
      method: "POST",
      path: applicationPath(draft.applicationId, `/evidence/${evidenceId}/complete`),
      token: draft.applicant.token,
    });
    times.push(since(start));
    if (answer.status !== "verified" || answer.pageCount !== PDF_PAGES)
      throw new Error(`complete answered ${answer.status} with ${answer.pageCount} pages`);
  }
  return {
    label: "complete a 20 MB PDF",
    fn: "submission",
    http: true,
    times,
    what:
      `POST …/evidence/{id}/complete over HTTP, ${COMPLETE_RUNS} runs, of a ${formatNumber(pdf.length / 1024 / 1024)} MB ` +
      `PDF of ${PDF_PAGES} A4 pages (one image each): one read, the parse, one copy, one delete`,
  };
}

/** Merges over HTTP of the most images one merge takes, together just under the size limit. */
async function mergeLargestImages(api: Api, draft: Draft): Promise<Operation> {
  const perImage = Math.floor((evidenceMaxBytes() * 0.95) / MERGE_IMAGES);
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < MERGE_RUNS; run += 1) {
    // Each run merges images of its own item: a merge takes images of one place only.
    const place = COMPLETE_RUNS + run;
    const evidenceIds: string[] = [];
    total = 0;
    for (let image = 0; image < MERGE_IMAGES; image += 1) {
      const png = scanPng(perImage);
      total += png.length;
      const evidenceId = await sentUpload(api, draft, place, png, "image/png");
      await api.json({
        label: "complete an upload",
        method: "POST",
        path: applicationPath(draft.applicationId, `/evidence/${evidenceId}/complete`),
        token: draft.applicant.token,
      });
      evidenceIds.push(evidenceId);
    }
    const start = performance.now();
    const merged = await api.json<{ pageCount: number }>(
      {
        label: "merge evidence images",
        method: "POST",
        path: applicationPath(draft.applicationId, "/evidence/merge"),
        body: { evidenceIds },
        token: draft.applicant.token,
      },
      201,
    );
    times.push(since(start));
    if (merged.pageCount !== MERGE_IMAGES) throw new Error(`the merge made ${merged.pageCount} pages`);
  }
  return {
    label: `merge ${MERGE_IMAGES} images into one PDF`,
    fn: "submission",
    http: true,
    times,
    what:
      `POST …/evidence/merge over HTTP, ${MERGE_RUNS} runs, of ${MERGE_IMAGES} PNG scans at 150 dpi ` +
      `(1240 × 1754 pixels, ${formatNumber(total / 1024 / 1024)} MB together): ${MERGE_IMAGES} reads, ` +
      "every pixel decoded and deflated into the PDF, the PDF checked, one write, the images deleted",
  };
}

function ratioRows(operation: Operation): FigureRow[] {
  const timeout = FUNCTION_TIMEOUT_SECONDS[operation.fn];
  const rows: FigureRow[] = [
    {
      figure: `10 ${operation.label} / ${operation.fn} timeout (${timeout} s)`,
      value: spread(operation.times.map((time) => time / 1000 / timeout)),
      target: TARGET,
      unit: "×",
    },
  ];
  if (operation.http) {
    rows.push({
      figure: `10 ${operation.label} / API Gateway's ${API_GATEWAY_TIMEOUT_SECONDS} s`,
      value: spread(operation.times.map((time) => time / 1000 / API_GATEWAY_TIMEOUT_SECONDS)),
      target: TARGET,
      unit: "×",
    });
  }
  return rows;
}

/**
 * Figure 10: each function's slowest operation, run in the bench's own local system, as a share of the
 * timeout functions/function-timeouts.ts gives that function, and for the routes of the HTTP API as a
 * share of API Gateway's 30 s.
 */
export async function timeoutsFigure(
  api: Api,
  uploader: Draft,
  template: ApplicationTemplate,
  progress: (step: string) => void = () => undefined,
): Promise<Section> {
  progress("completing a 20 MB PDF");
  const complete = await completeLargePdf(api, uploader);
  progress("merging 20 images");
  const merge = await mergeLargestImages(api, uploader);
  progress("one purge batch");
  const purge = await purgeBatchTimes(template, WORKFLOW_RUNS);
  progress("one expiry sweep step");
  const sweep = await sweepStepTimes(template, WORKFLOW_RUNS);
  const operations: Operation[] = [
    complete,
    merge,
    {
      label: "one purge batch",
      fn: "workflow",
      http: false,
      times: purge.times,
      what:
        `the reset workflow's purge task, ${WORKFLOW_RUNS} runs, each against a generation of its own holding more ` +
        `than a batch of both (${purge.done[0]} per batch: the ByGeneration index's 16 shards × 100, one DeleteObjects)`,
    },
    {
      label: "one expiry sweep step",
      fn: "workflow",
      http: false,
      times: sweep.times,
      what:
        `the calendar task's sweep at the application deadline, ${WORKFLOW_RUNS} runs, each over a full step's budget ` +
        `(${sweep.done[0]}: one transaction with its audit record each)`,
    },
  ];
  const rows = operations.flatMap(ratioRows);
  const details = [
    "### 10. Timeouts that fit",
    "Each function's slowest operation, run against DynamoDB Local and s3rver in this process, held against the " +
      "timeout functions/function-timeouts.ts gives the function (the CDK stack deploys the same table) and, for the " +
      `routes behind the HTTP API, against API Gateway's ${API_GATEWAY_TIMEOUT_SECONDS} s. The target is half the ` +
      "timeout: a Lambda function of 1,024 MB has a fraction of this machine's CPU core, and the same timeout must " +
      "also hold one AWS call failing after all its attempts (functions/adapters/aws-clients.ts).",
    markdownTable(
      ["operation", "function", "timeout", "median", "max", "what was run"],
      operations.map((operation) => [
        operation.label,
        operation.fn,
        `${FUNCTION_TIMEOUT_SECONDS[operation.fn]} s`,
        `${formatNumber(median(operation.times) / 1000)} s`,
        `${formatNumber(Math.max(...operation.times) / 1000)} s`,
        operation.what,
      ]),
    ),
  ];
  return { rows, details };
}
