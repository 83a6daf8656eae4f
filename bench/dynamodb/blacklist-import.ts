import { residentIdCheckCharacter } from "../../functions/core/identity";
import type { Api, ApiRequest } from "../http/api";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { spread } from "../stats";
import type { CapacityRecorder, RecordedCall } from "./capacity-recorder";

/** Issue #13: the import of an earlier register must take at least 1,000 entries in one request. */
const ROWS = 1_000;
const TIMED_RUNS = 5;
const LABEL = "import 1,000 register entries";

/** Distinct valid resident ID numbers: one birth day per thousand, the sequence within it. */
function residentId(serial: number): string {
  const born = new Date(Date.UTC(1970, 0, 1) + Math.floor(serial / 1000) * 86_400_000);
  const body = `620102${born.toISOString().slice(0, 10).replaceAll("-", "")}${String(serial % 1000).padStart(3, "0")}`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

/** A register of ROWS fresh entries (run `run`), shaped like an earlier year's list. */
function register(run: number) {
  return Array.from({ length: ROWS }, (_, index) => ({
    residentId: residentId(run * ROWS + index),
    realName: "往年名单",
    ground: "earlier_register",
    decisionDate: "2023-03-01",
    documentNumber: `甘职改〔2023〕${run + 1}号`,
    reason: "2023年度职称申报中提供虚假论文检索证明，经核实列入黑名单",
  }));
}

function importRequest(token: string, entries: unknown[]): ApiRequest {
  return { label: LABEL, method: "POST", path: "/admin/blacklist/imports", body: { entries }, token };
}

async function timed(api: Api, request: ApiRequest, expectRecorded: number): Promise<number> {
  const start = performance.now();
  const answer = await api.json<{ recorded: number }>(request);
  const ms = performance.now() - start;
  if (answer.recorded !== expectRecorded) {
    throw new Error(`${request.label}: recorded ${answer.recorded}, expected ${expectRecorded}`);
  }
  return ms;
}

function totals(calls: readonly RecordedCall[]) {
  const sum = (pick: (call: RecordedCall) => number) => calls.reduce((total, call) => total + pick(call), 0);
  return {
    calls: calls.length,
    transactions: calls.filter((call) => call.command === "TransactWriteItems").length,
    batchReads: calls.filter((call) => call.command === "BatchGetItem").length,
    read: sum((call) => call.reportedRead),
    keysBatchRead: sum((call) => (call.command === "BatchGetItem" ? call.keysRead : 0)),
    tableWrite: sum((call) => call.tableWrite),
    indexWrite: sum((call) => call.indexWrite),
    items: sum((call) => call.itemsWritten),
  };
}

/**
 * Figure 9: the bulk import of an earlier blacklist register over HTTP (POST /admin/blacklist/imports).
 * One import of 1,000 fresh rows with every DynamoDB call recorded (capacity per entry), then timed
 * imports of 1,000 fresh rows each with the recorder off, and the same rows sent again (a retried
 * import: every row already recorded, nothing written).
 */
export async function blacklistImportFigure(
  api: Api,
  recorder: CapacityRecorder,
  officeToken: string,
): Promise<Section> {
  recorder.calls.length = 0;
  recorder.label = LABEL;
  recorder.on = true;
  try {
    await timed(api, importRequest(officeToken, register(0)), ROWS);
  } finally {
    recorder.on = false;
  }
  const cost = totals(recorder.callsOf(LABEL));

  const fresh: number[] = [];
  const repeated: number[] = [];
  for (let run = 1; run <= TIMED_RUNS; run += 1) {
    const entries = register(run);
    fresh.push(await timed(api, importRequest(officeToken, entries), ROWS));
    repeated.push(await timed(api, importRequest(officeToken, entries), 0));
  }
  const seconds = (samples: number[]) => spread(samples.map((ms) => ms / 1000));

  const rows: FigureRow[] = [
    {
      figure: "9 blacklist import: table WCU / logical writes (entry + its audit record)",
      value: { median: cost.tableWrite / cost.items, runs: "deterministic" },
      target: 2,
      unit: "×",
    },
    {
      figure: "9 blacklist import: WCU per entry (table + indexes)",
      value: { median: (cost.tableWrite + cost.indexWrite) / ROWS, runs: "deterministic" },
      unit: "WCU",
    },
    {
      // DynamoDB Local reports next to nothing for keys not found; DynamoDB bills each consistent read of
      // an item up to 4 KB one unit, found or not.
      figure: "9 blacklist import: RCU per entry, billed (keys read consistently)",
      value: { median: cost.keysBatchRead / ROWS, runs: "deterministic" },
      unit: "RCU",
    },
    { figure: "9 blacklist import of 1,000 rows: time over HTTP", value: seconds(fresh), unit: "s" },
    {
      figure: "9 blacklist import of the same 1,000 rows again (retry): time over HTTP",
      value: seconds(repeated),
      unit: "s",
    },
  ];
  const details = [
    "### 9. Bulk import of an earlier blacklist register (1,000 rows per request)",
    markdownTable(
      [
        "DynamoDB calls",
        "of which transactions",
        "of which batch reads",
        "items written",
        "keys read (BatchGetItem)",
        "RCU as DynamoDB Local reports",
        "WCU table + indexes",
      ],
      [
        [
          String(cost.calls),
          String(cost.transactions),
          String(cost.batchReads),
          String(cost.items),
          String(cost.keysBatchRead),
          formatNumber(cost.read),
          `${formatNumber(cost.tableWrite)} + ${formatNumber(cost.indexWrite)}`,
        ],
      ],
    ),
    `Each entry is one transactional put (only if absent) with its audit record: ${ROWS} entries in ` +
      `${cost.transactions} transactions of at most 100 items, two in flight. Every row is first looked up ` +
      "(BatchGetItem, 100 keys a call, read consistently: 1 RCU per entry as DynamoDB bills it, found or not — DynamoDB Local reports next to nothing for keys not found) so that a row contradicting an entry " +
      "already on the register is refused before anything is written. The transaction doubles the table " +
      "units (entry and audit record each 1 KB or less → 4 WCU per entry); the entry's two index entries (the " +
      "register list and the lookup by id) add 2. Timed runs are over HTTP on the local runtime with the " +
      `recorder off, ${TIMED_RUNS} imports of fresh rows and the same rows again; absolute times depend on ` +
      "this machine and DynamoDB Local, not on AWS.",
  ];
  return { rows, details };
}
