import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import {
  stateTallies,
  TALLY_SHARDS,
  tallyWrite,
  transitionTally,
} from "../../functions/adapters/dynamodb/state-tallies";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { APPLICATION_STATES } from "../../functions/core/lifecycle";
import type { StateCounts } from "../../functions/core/progress";
import { DEMO } from "../../infra/local/seed";
import type { Api } from "../http/api";
import { type FigureRow, formatNumber, markdownTable, type Section } from "../results";
import type { CapacityRecorder, RecordedCall } from "./capacity-recorder";

/** A province's worth of applying units, in a generation of its own far from the round's. */
const UNITS = 1_000;
const DEPARTMENT_UNITS = 50;
const TRANSITIONS = 20;
const SCOPE: GenerationScope = { roundId: "2024", generation: 80_000 };
const SEED_IN_FLIGHT = 16;

const unitId = (index: number) => `bench-progress-unit-${String(index).padStart(4, "0")}`;

/** A unit in the middle of the review: a few drafts, some submitted, some in publicity or recommended. */
const MIDWAY: StateCounts = {
  draft: 2,
  submitted: 5,
  unit_publicity: 3,
  recommended: 4,
  returned_by_unit: 1,
};

/** Every state at once: the largest a tally item can grow. */
const EVERY_STATE: StateCounts = Object.fromEntries(APPLICATION_STATES.map((state) => [state, 1]));

async function seedTallies(): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < UNITS) {
      const index = next;
      next += 1;
      await writeTogether([tallyWrite(SCOPE, unitId(index), index === 0 ? EVERY_STATE : MIDWAY)]);
    }
  };
  await Promise.all(Array.from({ length: SEED_IN_FLIGHT }, worker));
}

function sum(calls: readonly RecordedCall[], pick: (call: RecordedCall) => number): number {
  return calls.reduce((total, call) => total + pick(call), 0);
}

async function recorded(recorder: CapacityRecorder, label: string, run: () => Promise<unknown>) {
  recorder.label = label;
  recorder.on = true;
  try {
    await run();
  } finally {
    recorder.on = false;
  }
  return recorder.callsOf(label);
}

/**
 * Read units as DynamoDB bills them at the least: Local reports nothing for an empty query page or a key
 * not found, where DynamoDB bills half a unit (eventually consistent) for each.
 */
function billedRead(call: RecordedCall): number {
  if (call.command === "BatchGetItem") return Math.max(call.reportedRead, 0.5 * call.keysRead);
  if (call.command === "Query" || call.command === "GetItem") return Math.max(call.reportedRead, 0.5);
  return call.reportedRead;
}

/**
 * WCU per transition (table + index) of the tally writes among `recordedCalls`; the round workflow's own
 * polls, which run meanwhile in this process, are left out.
 */
function perTransition(recordedCalls: readonly RecordedCall[]) {
  const calls = recordedCalls.filter((call) =>
    call.partitions.some((partition) => partition.partitionKey.includes("#TALLY#")),
  );
  if (calls.length === 0) throw new Error("no tally write was recorded");
  return {
    transitions: calls.length,
    table: sum(calls, (call) => call.tableWrite) / calls.length,
    index: sum(calls, (call) => call.indexWrite) / calls.length,
  };
}

/**
 * Figure 10: what round progress costs (DESIGN.md §7a). Writes: the tally update a transition adds to its
 * own transaction, measured alone (a transaction bills each item on its own, so this is its share of the
 * transition). Reads: the three tally reads at a province's scale, and the three progress routes over
 * HTTP as the title office calls them (tallies plus the unit and department directories and the
 * caller's scope).
 */
export async function progressCost(
  api: Api,
  recorder: CapacityRecorder,
  officeToken: string,
): Promise<Section> {
  await seedTallies();
  const units = Array.from({ length: UNITS }, (_, index) => unitId(index));

  const steady = await recorded(recorder, "tally: a transition", async () => {
    for (let i = 1; i <= TRANSITIONS; i += 1) {
      await writeTogether([transitionTally(SCOPE, unitId(i), "submitted", "returned_by_unit")]);
    }
  });
  const largest = await recorded(recorder, "tally: a transition, every state counted", () =>
    writeTogether([transitionTally(SCOPE, unitId(0), "submitted", "returned_by_unit")]),
  );
  const first = await recorded(recorder, "tally: a unit's first application", async () => {
    for (let i = 0; i < TRANSITIONS; i += 1) {
      await writeTogether([transitionTally(SCOPE, `bench-progress-new-${i}`, undefined, "draft")]);
    }
  });

  const reads = [
    {
      what: "a unit (its one tally)",
      calls: await recorded(recorder, "progress read: a unit", () => stateTallies.ofUnit(SCOPE, unitId(7))),
      items: 1,
    },
    {
      what: `a department of ${DEPARTMENT_UNITS} units (batch read)`,
      calls: await recorded(recorder, "progress read: a department", () =>
        stateTallies.ofUnits(SCOPE, units.slice(0, DEPARTMENT_UNITS)),
      ),
      items: DEPARTMENT_UNITS,
    },
    {
      what: `the office, ${UNITS.toLocaleString("en")} units (${TALLY_SHARDS} shard queries)`,
      calls: await recorded(recorder, "progress read: the office", async () => {
        const all = await stateTallies.all(SCOPE);
        if (all.length < UNITS) throw new Error(`the office read ${all.length} of ${UNITS} tallies`);
      }),
      items: UNITS,
    },
  ];

  const routes = [
    { what: "unit", path: `/rounds/2024/units/${DEMO.unitId}/progress` },
    { what: "department", path: `/rounds/2024/departments/${DEMO.departmentId}/progress` },
    { what: "office", path: "/rounds/2024/progress" },
  ];
  const routeCalls = [];
  for (const route of routes) {
    const label = `GET ${route.what} progress`;
    routeCalls.push({
      ...route,
      calls: await recorded(recorder, label, () =>
        api.json({ label, method: "GET", path: route.path, token: officeToken }),
      ),
    });
  }

  const steadyCost = perTransition(steady);
  const largestCost = perTransition(largest);
  const firstCost = perTransition(first);
  const deterministic = (median: number) => ({ median, runs: "deterministic" as const });
  const rows: FigureRow[] = [
    {
      figure: "11 progress tally: WCU per transition (table + index)",
      value: deterministic(steadyCost.table + steadyCost.index),
      unit: "WCU",
    },
    {
      figure: "11 progress tally: WCU per transition, every state counted (largest item)",
      value: deterministic(largestCost.table + largestCost.index),
      unit: "WCU",
    },
    ...reads.map((read) => ({
      figure: `11 progress read: RCU per read, ${read.what}`,
      value: deterministic(sum(read.calls, billedRead)),
      unit: "RCU",
    })),
    ...routeCalls.map((route) => ({
      figure: `11 progress route over HTTP: RCU per read, ${route.what} (as seeded)`,
      value: deterministic(sum(route.calls, billedRead)),
      unit: "RCU",
    })),
  ];
  const details = [
    "### 11. Round progress: tallies per unit (DESIGN.md §7a)",
    "Each unit has one tally item per generation, spread over " +
      `${TALLY_SHARDS} partitions; a state change adds its delta to its unit's tally inside its own ` +
      "transaction, so no request scans and no item is written by every submission. Writes are priced from " +
      "the item's images (a transaction bills twice the item's 1 KB units). Reads are what DynamoDB Local " +
      "reports through ReturnConsumedCapacity (eventually consistent: half a unit per 4 KB, per item for a " +
      "batch read, per page for a query), raised to the half unit DynamoDB bills at the least for a query " +
      "page or a key that Local reports as free (empty shards, units without applications).",
    markdownTable(
      ["tally write", "transitions", "table WCU each", "index WCU each"],
      (
        [
          ["a transition of a unit that has applications", steadyCost],
          ["the same with every state counted", largestCost],
          ["a unit's first application (creates its tally)", firstCost],
        ] as const
      ).map(([what, cost]) => [
        what,
        String(cost.transitions),
        formatNumber(cost.table),
        formatNumber(cost.index),
      ]),
    ),
    markdownTable(
      ["read", "DynamoDB calls", "items", "RCU as Local reports", "RCU billed at the least"],
      [
        ...reads.map((read) => [
          read.what,
          String(read.calls.length),
          String(read.items),
          formatNumber(sum(read.calls, (call) => call.reportedRead)),
          formatNumber(sum(read.calls, billedRead)),
        ]),
        ...routeCalls.map((route) => [
          `GET ${route.path} (the seeded organisations, office token)`,
          String(route.calls.length),
          "—",
          formatNumber(sum(route.calls, (call) => call.reportedRead)),
          formatNumber(sum(route.calls, billedRead)),
        ]),
      ],
    ),
    "A transition that moves several applications of one unit in one transaction (a notice opened for many " +
      "applicants, a page of results) folds them into one tally update: it pays the figure above once, not " +
      "per application. The routes add the caller's scope and the unit and department directories to the " +
      "tally reads; the office route reads every unit's directory entry, so it grows with the number of units " +
      "as the office read above does. Over HTTP the calls can include a poll of the round workflow that runs " +
      "in the same process meanwhile (a few GetItem and Query calls): those route figures are an upper bound.",
  ];
  return { rows, details };
}
