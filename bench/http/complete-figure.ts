import { s3 } from "../../functions/adapters/s3/client";
import { makePdf } from "../../test/support/evidence-files";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { median, percentile, spread } from "../stats";
import type { Api } from "./api";
import { applicationPath, type Draft } from "./applicant-journey";
import { bareGetItem } from "./latency";

const SAMPLES = 40;
/** What `complete` may cost in S3 (DESIGN.md §6): one read, one server-side copy, one delete. */
const BUDGET: [command: string, label: string][] = [
  ["GetObjectCommand", "reads"],
  ["CopyObjectCommand", "copies"],
  ["DeleteObjectCommand", "deletes"],
];

interface UploadTicket {
  evidence: { evidenceId: string };
  upload: { url: string; fields: Record<string, string> };
}

/** Records the name of every S3 command the functions' shared client sends while a recording runs. */
function s3CommandRecorder(): { start(): void; stop(): string[] } {
  let recording: string[] | undefined;
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      recording?.push(String(context.commandName));
      return next(args);
    },
    { step: "initialize", name: "benchS3CommandRecorder" },
  );
  return {
    start: () => {
      recording = [];
    },
    stop: () => {
      const recorded = recording ?? [];
      recording = undefined;
      return recorded;
    },
  };
}

/** One upload asked for and sent to S3 as a browser would: everything before `complete`, untimed. */
export async function sentUpload(
  api: Api,
  draft: Draft,
  index: number,
  file: Uint8Array,
  contentType: "application/pdf" | "image/png" = "application/pdf",
): Promise<string> {
  const ticket = await api.json<UploadTicket>(
    {
      label: "ask to upload evidence",
      method: "POST",
      path: applicationPath(draft.applicationId, "/evidence"),
      // One place per sample: a place takes at most 20 files.
      body: {
        slotId: "work_experience_evidence",
        index,
        fileName: "扫描件",
        contentType,
        size: file.length,
      },
      token: draft.applicant.token,
    },
    201,
  );
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append("file", new Blob([file]), contentType === "image/png" ? "scan.png" : "scan.pdf");
  const posted = await fetch(ticket.upload.url, { method: "POST", body: form });
  if (posted.status >= 300) throw new Error(`the presigned POST answered ${posted.status}`);
  return ticket.evidence.evidenceId;
}

/**
 * Figure 4, `complete`: over HTTP, each completion of a 2-page PDF (read, checked, copied to its
 * verified key, incoming object deleted) followed by a bare GetItem, as the other routes of figure 4;
 * and the S3 commands each completion sent, recorded on the functions' own S3 client.
 */
export async function completeFigure(api: Api, draft: Draft): Promise<Section> {
  const recorder = s3CommandRecorder();
  const pdf = await makePdf(2);
  const times: number[] = [];
  const bare: number[] = [];
  const commands: string[][] = [];
  for (let i = 0; i < 10; i += 1) await bareGetItem();
  for (let sample = 0; sample < SAMPLES; sample += 1) {
    const evidenceId = await sentUpload(api, draft, sample, pdf);
    recorder.start();
    const start = performance.now();
    const answer = await api.json<{ status: string }>({
      label: "complete an upload",
      method: "POST",
      path: applicationPath(draft.applicationId, `/evidence/${evidenceId}/complete`),
      token: draft.applicant.token,
    });
    times.push(performance.now() - start);
    commands.push(recorder.stop());
    if (answer.status !== "verified") throw new Error(`complete answered ${answer.status}`);
    bare.push(await bareGetItem());
  }
  const divisor = median(bare);
  const ratios = times.map((time) => time / divisor);
  const counted = (command: string) => commands.map((sent) => sent.filter((name) => name === command).length);
  const others = [...new Set(commands.flat().filter((name) => !BUDGET.some(([known]) => known === name)))];
  const rows: FigureRow[] = [
    { figure: "4 API p50: complete an upload / p50 bare GetItem", value: spread(ratios), unit: "×" },
    {
      figure: "4 API p99: complete an upload / p50 bare GetItem",
      value: {
        median: percentile(ratios, 99),
        min: Math.min(...ratios),
        max: Math.max(...ratios),
        runs: ratios.length,
      },
      unit: "×",
    },
    ...BUDGET.map(
      ([command, label]): FigureRow => ({
        figure: `4 complete: S3 ${label} per completion (${command.replace(/Command$/, "")})`,
        value: spread(counted(command)),
        target: 1,
        unit: label,
      }),
    ),
    {
      figure: "4 complete: any other S3 request per completion",
      value: spread(commands.map((sent) => sent.length - BUDGET.length)),
      target: 0,
      unit: "requests",
    },
  ];
  const details = [
    "### 4. `complete` (quarantine, then verified)",
    `${SAMPLES} completions over HTTP of a ${formatNumber(pdf.length / 1024)} KB 2-page PDF, each asked for and sent ` +
      "to its incoming key beforehand (untimed), each followed by a bare GetItem. S3 commands were recorded on the " +
      "functions' own S3 client, in order, for every completion: " +
      `${[...new Set(commands.map((sent) => sent.join(" → ")))].map((order) => `\`${order}\``).join(", ")}` +
      `${others.length > 0 ? `; unexpected: ${others.join(", ")}` : ""}.`,
    markdownTable(
      ["", "requests", "p50", "p99", "p50 / GetItem p50"],
      [
        [
          "bare GetItem to DynamoDB Local",
          String(bare.length),
          `${formatNumber(divisor)} ms`,
          `${formatNumber(percentile(bare, 99))} ms`,
          "1",
        ],
        [
          "complete an upload",
          String(times.length),
          `${formatNumber(median(times))} ms`,
          `${formatNumber(percentile(times, 99))} ms`,
          formatNumber(median(times) / divisor),
        ],
      ],
    ),
  ];
  return { rows, details };
}
