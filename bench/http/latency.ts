import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import { keys } from "../../functions/adapters/dynamodb/keys";
import { ROUTES } from "../../functions/http/route-catalogue";
import { routeKey } from "../../functions/http/route-spec";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { median, percentile, spread } from "../stats";
import { type Api, ApiError } from "./api";
import { type LatencyContext, MEASURED_ROUTES } from "./measured-routes";

/** No route may take the bench longer than this, whatever its sample count. */
const ROUTE_TIME_LIMIT_MS = 45_000;

/** One GetItem of the round item: the divisor of every latency figure. */
export async function bareGetItem(): Promise<number> {
  const start = performance.now();
  await documentClient.send(new GetCommand({ TableName: tableName(), Key: keys.round("2024") }));
  return performance.now() - start;
}

interface RouteTimes {
  label: string;
  times: number[];
  skipped?: string;
}

/**
 * Figure 4: a bounded closed loop on loopback (one request in flight, a sample count and a time limit
 * per route), each request followed by a bare GetItem from the same process, so that the divisor sees
 * the same moment of a shared machine.
 */
export async function apiLatency(api: Api, context: LatencyContext): Promise<Section> {
  const existing = new Set(ROUTES.map((spec) => routeKey(spec)));
  const bare: number[] = [];
  const measured: RouteTimes[] = [];
  for (let i = 0; i < 20; i += 1) await bareGetItem();
  for (const route of MEASURED_ROUTES) {
    if (!existing.has(route.routeKey)) {
      measured.push({
        label: route.label,
        times: [],
        skipped: `${route.routeKey} is not in the route catalogue yet`,
      });
      continue;
    }
    const times: number[] = [];
    let skipped: string | undefined;
    const deadline = performance.now() + ROUTE_TIME_LIMIT_MS;
    while (times.length < route.samples && performance.now() < deadline) {
      const request = route.next(context);
      if (!request) break;
      const start = performance.now();
      let answer: Record<string, unknown>;
      try {
        answer = await api.json(request);
      } catch (error) {
        // A route that is still being built may refuse the bench's caller; it is reported, not fatal.
        if (times.length > 0 || !(error instanceof ApiError)) throw error;
        skipped = error.message;
        break;
      }
      times.push(performance.now() - start);
      route.after?.(context, answer);
      bare.push(await bareGetItem());
    }
    if (times.length === 0) skipped ??= "no request to make: the bench prepared nothing for it";
    measured.push({ label: route.label, times, ...(skipped ? { skipped } : {}) });
  }
  const divisor = median(bare);
  const rows: FigureRow[] = measured
    .filter((route) => route.times.length > 0)
    .flatMap((route) => {
      const ratios = route.times.map((time) => time / divisor);
      return [
        { figure: `4 API p50: ${route.label} / p50 bare GetItem`, value: spread(ratios), unit: "×" },
        {
          figure: `4 API p99: ${route.label} / p50 bare GetItem`,
          value: {
            median: percentile(ratios, 99),
            min: Math.min(...ratios),
            max: Math.max(...ratios),
            runs: ratios.length,
          },
          unit: "×",
        },
      ];
    });
  const details = [
    "### 4. API latency over HTTP (local runtime, loopback, one request in flight)",
    markdownTable(
      ["route", "requests", "p50", "p99", "p50 / GetItem p50", "p99 / GetItem p50"],
      [
        [
          "bare GetItem to DynamoDB Local",
          String(bare.length),
          `${formatNumber(divisor)} ms`,
          `${formatNumber(percentile(bare, 99))} ms`,
          "1",
          "—",
        ],
        ...measured.map((route) =>
          route.skipped
            ? [route.label, "0", "—", "—", "—", `skipped: ${route.skipped}`]
            : [
                route.label,
                String(route.times.length),
                `${formatNumber(median(route.times))} ms`,
                `${formatNumber(percentile(route.times, 99))} ms`,
                formatNumber(median(route.times) / divisor),
                formatNumber(percentile(route.times, 99) / divisor),
              ],
        ),
      ],
    ),
    "With fewer than 100 requests (submit: one per prepared application) the p99 is the slowest request.",
  ];
  return { rows, details };
}
