import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { applicationKeys } from "../../functions/adapters/dynamodb/application-keys";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import { PAGE_SIZE } from "../../functions/adapters/dynamodb/page";
import { ROUTES } from "../../functions/http/route-catalogue";
import { routeKey } from "../../functions/http/route-spec";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import { median, spread } from "../stats";
import { putAll } from "./bulk-write";
import { type ApplicationTemplate, cloneHead } from "./clone-applications";

const UNIT = "bench-unit";
const SIZES = [10, 100, 10_000] as const;
const BATCHES = 20;
const PER_BATCH = 10;
const TARGET = 1.2;
const LIST_ROUTE = "GET /rounds/{roundId}/units/{unitId}/applications";

/** Generations of their own, far from the round's, so that each size is alone in its unit's list. */
const scopeOf = (size: number): GenerationScope => ({ roundId: "2024", generation: 90_000 + size });

/**
 * The first page of the unit's list as the unit review desk asks for it: its GSI1 partition, newest
 * first, one page (functions/adapters/dynamodb/page.ts).
 */
async function firstPage(scope: GenerationScope): Promise<number> {
  const start = performance.now();
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: "GSI1",
      KeyConditionExpression: "GSI1PK = :pk",
      ExpressionAttributeValues: { ":pk": applicationKeys.unitIndex(scope, UNIT, "", "").GSI1PK },
      ScanIndexForward: false,
      Limit: PAGE_SIZE,
    }),
  );
  if ((page.Items ?? []).length === 0) throw new Error("the unit list is empty");
  return performance.now() - start;
}

/** Figure 8: the unit list's first page with 10, 100 and 10,000 submitted applications in the unit. */
export async function unitListScaling(template: ApplicationTemplate): Promise<Section> {
  const base = Date.parse("2024-10-01T00:00:00Z");
  for (const size of SIZES) {
    await putAll(
      Array.from({ length: size }, (_, index) => {
        const at = new Date(base + index * 1000).toISOString();
        return cloneHead(template, scopeOf(size), {
          unitId: UNIT,
          state: "submitted",
          firstSubmittedAt: at,
          lastSubmittedAt: at,
        });
      }),
    );
  }
  for (let i = 0; i < 20; i += 1) for (const size of SIZES) await firstPage(scopeOf(size));
  const times = new Map<number, number[]>(SIZES.map((size) => [size, []]));
  const ratios = { tiny: [] as number[], full: [] as number[] };
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const mine = new Map<number, number[]>(SIZES.map((size) => [size, []]));
    for (let i = 0; i < PER_BATCH; i += 1) {
      for (const size of i % 2 === 0 ? SIZES : [...SIZES].reverse())
        mine.get(size)?.push(await firstPage(scopeOf(size)));
    }
    for (const [size, list] of mine) times.get(size)?.push(...list);
    const p50 = (size: number) => median(mine.get(size) ?? []);
    ratios.tiny.push(p50(10_000) / p50(10));
    ratios.full.push(p50(10_000) / p50(100));
  }
  const routeExists = ROUTES.some((spec) => routeKey(spec) === LIST_ROUTE);
  const rows: FigureRow[] = [
    {
      figure: "8 unit list first page: 10,000 / 10 applications",
      value: spread(ratios.tiny),
      target: TARGET,
      unit: "×",
    },
    {
      figure: "8 unit list first page: 10,000 / 100 applications (both full pages)",
      value: spread(ratios.full),
      target: TARGET,
      unit: "×",
    },
  ];
  const details = [
    "### 8. Scaling of the unit's application list",
    `Measured on the paged query itself, in-process against DynamoDB Local: the unit's GSI1 partition ` +
      `(applicationKeys.unitIndex), newest first, ${PAGE_SIZE} per page. ${
        routeExists
          ? `The route ${LIST_ROUTE} now exists; the unit list page over HTTP is in figure 4.`
          : `The route ${LIST_ROUTE} does not exist yet (issue #7 is building it).`
      } Heads are copies of the submitted application (${SIZES.map((size) => size.toLocaleString("en")).join(", ")} in one unit each).`,
    markdownTable(
      ["applications in the unit", "items on the first page", "p50"],
      SIZES.map((size) => [
        size.toLocaleString("en"),
        String(Math.min(size, PAGE_SIZE)),
        `${formatNumber(median(times.get(size) ?? []))} ms`,
      ]),
    ),
    "With 10 applications the first page holds 10 heads, with 10,000 it holds 100: the first ratio measures the " +
      "page's size as much as the list's; the second compares full pages and shows what the total costs.",
  ];
  return { rows, details };
}
