import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { median, spread } from "../stats";
import type { BenchSystem } from "../system/bench-system";
import { apiEvent, type LambdaRequest, lambdaContext } from "./lambda-event";

const TARGET = 0.1;
const BATCHES = 20;
const PAIRS_PER_BATCH = 25;
const WARM_UP = 30;

type Send = (command: unknown) => Promise<unknown>;
type CommandClass = new (input: unknown) => unknown;

interface Call {
  type: CommandClass;
  input: unknown;
  start: number;
  end: number;
}

const HANDLERS: Record<string, () => Promise<{ handler: unknown }>> = {
  submission: () => import("../../functions/handlers/submission/index"),
  publicity: () => import("../../functions/handlers/publicity/index"),
};

type Invoke = (event: APIGatewayProxyEventV2WithJWTAuthorizer) => Promise<APIGatewayProxyStructuredResultV2>;

const originalSend = documentClient.send.bind(documentClient) as Send;

function setSend(send: Send | undefined): void {
  if (send)
    Object.defineProperty(documentClient, "send", { value: send, configurable: true, writable: true });
  else Reflect.deleteProperty(documentClient, "send");
}

/** The DynamoDB calls one invocation makes, in order, with when each started and ended. */
async function recordCalls(run: () => Promise<unknown>): Promise<Call[]> {
  const calls: Call[] = [];
  setSend(async (command) => {
    const start = performance.now();
    try {
      return await originalSend(command);
    } finally {
      const { input } = command as { input: unknown };
      calls.push({
        type: (command as object).constructor as CommandClass,
        input: structuredClone(input),
        start,
        end: performance.now(),
      });
    }
  });
  try {
    await run();
  } finally {
    setSend(undefined);
  }
  return calls.sort((a, b) => a.start - b.start);
}

/** Calls that overlapped ran concurrently (Promise.all); the bare handler keeps that shape. */
function waves(calls: Call[]): Call[][] {
  const result: Call[][] = [];
  let current: Call[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const call of calls) {
    if (current.length > 0 && call.start >= firstEnd) {
      result.push(current);
      current = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    current.push(call);
    firstEnd = Math.min(firstEnd, call.end);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** The same DynamoDB calls through the same document client, and a JSON answer: no middy, no zod, no mapper. */
function bareHandler(plan: Call[][]): () => Promise<APIGatewayProxyStructuredResultV2> {
  return async () => {
    const results: unknown[] = [];
    for (const wave of plan) {
      results.push(
        ...(await Promise.all(wave.map((call) => originalSend(new call.type(structuredClone(call.input)))))),
      );
    }
    return { statusCode: 200, body: JSON.stringify(results) };
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

interface TaxResult {
  label: string;
  ratios: number[];
  framework: number[];
  bare: number[];
  calls: number;
  waves: number;
}

async function measure(bench: BenchSystem, label: string, request: LambdaRequest): Promise<TaxResult> {
  const { group, event } = await apiEvent(bench, request);
  const load = HANDLERS[group];
  if (!load) throw new Error(`no in-process handler for ${group}`);
  const handler = (await load()).handler as (
    event: unknown,
    context: unknown,
  ) => Promise<APIGatewayProxyStructuredResultV2>;
  const invoke: Invoke = (input) => handler(input, lambdaContext(group));
  const first = await invoke(structuredClone(event));
  if (first.statusCode !== 200) throw new Error(`${label} answered ${first.statusCode}: ${first.body}`);
  const plan = waves(await recordCalls(() => invoke(structuredClone(event))));
  const bare = bareHandler(plan);
  for (let i = 0; i < WARM_UP; i += 1) {
    await invoke(structuredClone(event));
    await bare();
  }
  const result: TaxResult = {
    label,
    ratios: [],
    framework: [],
    bare: [],
    calls: plan.flat().length,
    waves: plan.length,
  };
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const framework: number[] = [];
    const plain: number[] = [];
    for (let pair = 0; pair < PAIRS_PER_BATCH; pair += 1) {
      const copy = structuredClone(event);
      // Alternate which goes first, so that neither always follows the other's garbage.
      if (pair % 2 === 0) {
        framework.push(await timed(() => invoke(copy)));
        plain.push(await timed(bare));
      } else {
        plain.push(await timed(bare));
        framework.push(await timed(() => invoke(copy)));
      }
    }
    result.ratios.push((median(framework) - median(plain)) / median(plain));
    result.framework.push(...framework);
    result.bare.push(...plain);
  }
  return result;
}

/** Figure 3: what middy, zod, the access check's code and the error mapper add to a warm invocation. */
export async function frameworkTax(
  bench: BenchSystem,
  applicationPath: string,
  token: string,
): Promise<Section> {
  const results = [
    await measure(bench, "GET a round (public)", { method: "GET", path: "/rounds/2024" }),
    await measure(bench, "GET an application", { method: "GET", path: applicationPath, token }),
  ];
  const rows: FigureRow[] = results.map((result) => ({
    figure: `3 framework tax, warm: ${result.label} (p50 handler − p50 bare) / p50 bare`,
    value: spread(result.ratios),
    target: TARGET,
    unit: "×",
  }));
  const details = [
    `### 3. Framework tax (in-process against DynamoDB Local; ${BATCHES} batches of ${PAIRS_PER_BATCH} alternating pairs, ratio per batch)`,
    markdownTable(
      [
        "route",
        "DynamoDB calls (concurrent waves)",
        "p50 through the handler group",
        "p50 bare",
        "difference",
      ],
      results.map((result) => [
        result.label,
        `${result.calls} (${result.waves})`,
        `${formatNumber(median(result.framework))} ms`,
        `${formatNumber(median(result.bare))} ms`,
        `${formatNumber(median(result.framework) - median(result.bare))} ms`,
      ]),
    ),
  ];
  return { rows, details };
}
