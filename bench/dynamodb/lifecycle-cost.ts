import type { Api } from "../http/api";
import {
  applicationPath,
  createDraft,
  currentVersion,
  type Draft,
  fillDraft,
  register,
  submitRequest,
  uploadMissingEvidence,
} from "../http/applicant-journey";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { spread } from "../stats";
import type { CapacityRecorder, RecordedCall } from "./capacity-recorder";

/** Logins are the local identity provider's; in AWS they are Cognito's and touch no table. */
const LOCAL_ONLY = new Set(["log in (local only)"]);

interface Invocation {
  label: string;
  calls: RecordedCall[];
}

function totals(calls: RecordedCall[]) {
  const sum = (pick: (call: RecordedCall) => number) => calls.reduce((total, call) => total + pick(call), 0);
  return {
    calls: calls.length,
    read: sum((call) => call.reportedRead),
    reportedWrite: sum((call) => call.reportedWrite),
    tableWrite: sum((call) => call.tableWrite),
    indexWrite: sum((call) => call.indexWrite),
    items: sum((call) => call.itemsWritten),
    transactional: calls.some((call) => call.transactional),
  };
}

/**
 * What the transactions cost over the same writes made one by one (half their table units), and why
 * they are kept: each guards a version-checked head together with what the change writes beside it.
 */
function transactionNote(perLabel: { label: string; invocations: Invocation[] }[]): string {
  const extra = perLabel
    .map(({ label, invocations: mine }) => {
      const calls = mine.flatMap((invocation) => invocation.calls).filter((call) => call.transactional);
      const doubled = calls.reduce((sum, call) => sum + call.tableWrite / 2, 0) / Math.max(1, mine.length);
      return { label, doubled };
    })
    .filter(({ doubled }) => doubled > 0);
  return (
    "**Transactions** double the table units: " +
    extra.map(({ label, doubled }) => `${label} +${formatNumber(doubled)} WCU`).join(", ") +
    " per invocation. They are worth it wherever a write must land together with the head's version check " +
    "and its audit record — sections, pledge, evidence records, the state change — because the optimistic lock " +
    "(409 STALE_VERSION) and the audit trail are only true if nothing lands alone, and because the one-active-" +
    "application claim of create and the username/ID claims of register must be all-or-nothing. They are not " +
    "worth it for bulk: the submission record carries every pinned upload (~8 KB here) and so pays twice its " +
    "size; written first with its own attribute_not_exists condition and referenced by the transaction (or " +
    "with pins stored compactly), submit would cost about half."
  );
}

/**
 * Figure 5: one applicant from registration to submission over HTTP, every DynamoDB call recorded
 * under the API operation that made it. Answers the submitted draft and its recorded submit.
 */
export async function lifecycleCost(
  api: Api,
  recorder: CapacityRecorder,
  username: string,
): Promise<{ section: Section; submitted: Draft; submitCalls: RecordedCall[] }> {
  const invocations: Invocation[] = [];
  api.beforeEach = (label) => {
    invocations.push({ label, calls: [] });
    recorder.label = `${invocations.length}`;
  };
  recorder.calls.length = 0;
  recorder.on = true;
  let submitted: Draft;
  try {
    const applicant = await register(api, username);
    const filled = await fillDraft(api, await createDraft(api, applicant));
    await uploadMissingEvidence(api, filled);
    submitted = { ...filled, version: await currentVersion(api, filled) };
    await api.json(submitRequest(submitted, `lifecycle-${username}`));
    await api.json({
      label: "read the status",
      method: "GET",
      path: applicationPath(submitted.applicationId, "/status"),
      token: applicant.token,
    });
  } finally {
    recorder.on = false;
    api.beforeEach = () => undefined;
  }
  for (const [index, invocation] of invocations.entries())
    invocation.calls = recorder.callsOf(`${index + 1}`);

  const labels = [...new Set(invocations.map((invocation) => invocation.label))];
  const perLabel = labels.map((label) => {
    const mine = invocations.filter((invocation) => invocation.label === label);
    return { label, invocations: mine, sum: totals(mine.flatMap((invocation) => invocation.calls)) };
  });
  const rows: FigureRow[] = perLabel
    .filter(({ sum }) => sum.items > 0)
    .map(({ label, invocations: mine }) => ({
      figure: `5 table WCU / logical writes: ${label}`,
      value: spread(
        mine.map((invocation) => {
          const sum = totals(invocation.calls);
          return sum.tableWrite / Math.max(1, sum.items);
        }),
      ),
      target: 2,
      unit: "×",
    }));
  const lifecycle = totals(
    invocations
      .filter((invocation) => !LOCAL_ONLY.has(invocation.label))
      .flatMap((invocation) => invocation.calls),
  );
  rows.push(
    {
      figure: "5 lifecycle registration → submit: index WCU / table WCU",
      value: { median: lifecycle.indexWrite / lifecycle.tableWrite, runs: "deterministic" },
      unit: "×",
    },
    {
      figure: "5 lifecycle registration → submit: WCU (table + indexes)",
      value: { median: lifecycle.tableWrite + lifecycle.indexWrite, runs: "deterministic" },
      unit: "WCU",
    },
    {
      figure: "5 lifecycle registration → submit: RCU",
      value: { median: lifecycle.read, runs: "deterministic" },
      unit: "RCU",
    },
  );
  const perInvocation = (value: number, count: number) => formatNumber(value / count);
  const details = [
    "### 5. DynamoDB capacity per API operation (one applicant, registration → submit; per invocation)",
    markdownTable(
      [
        "operation",
        "invocations",
        "DynamoDB calls",
        "RCU",
        "WCU billed: table + indexes",
        "WCU as DynamoDB Local reports",
        "items written",
        "transaction",
      ],
      perLabel.map(({ label, invocations: mine, sum }) => [
        label,
        String(mine.length),
        perInvocation(sum.calls, mine.length),
        perInvocation(sum.read, mine.length),
        `${perInvocation(sum.tableWrite, mine.length)} + ${perInvocation(sum.indexWrite, mine.length)}`,
        perInvocation(sum.reportedWrite, mine.length),
        perInvocation(sum.items, mine.length),
        sum.transactional ? "yes" : "no",
      ]),
    ),
    `**Lifecycle** (registration → submit, logins excluded): ${lifecycle.calls} calls, ${formatNumber(lifecycle.read)} RCU, ` +
      `${formatNumber(lifecycle.tableWrite)} WCU on the table + ${formatNumber(lifecycle.indexWrite)} WCU on the indexes ` +
      `for ${lifecycle.items} item writes.`,
    "RCU are what DynamoDB Local reports through ReturnConsumedCapacity. Writes are priced from each item's " +
      "size before and after the call (read back by the recorder): the larger image in 1 KB units on the table, " +
      "twice inside a transaction, plus one index write per index entry put or deleted (two when the key moves; " +
      "index writes are not doubled by a transaction). DynamoDB Local's own write figures are shown beside them: " +
      "for transactions it reports 4 × the transaction's total size in KB instead of 2 × each item's, so they " +
      "are not the bill.",
  ];
  details.push(transactionNote(perLabel));
  const submitCalls = invocations
    .filter((invocation) => invocation.label === "submit")
    .flatMap((invocation) => invocation.calls);
  return { section: { rows, details }, submitted, submitCalls };
}
