import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import type { PartitionWrite } from "../dynamodb/write-model";
import { type FigureRow, formatNumber, type Section } from "../results";
import { seededRandom, spread } from "../stats";
import { pricedModel, type Submitter, submitWrites } from "./submit-writes";

const APPLICANTS = 50_000;
const LAST_HOUR_SHARE = 0.5;
const UNITS = 500;
const SECONDS = 3_600;
const PARTITION_KEY_LIMIT_WCU = 1_000;
const TARGET = 0.1;
const RUNS = 20;

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(random() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, "0"),
  ).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

/** Unit sizes follow Zipf's law: a few large units, many small ones (the largest has ~15% of applicants). */
function unitSampler(random: () => number): () => string {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= UNITS; rank += 1) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return `unit-${low + 1}`;
  };
}

interface Busiest {
  partitionKey: string;
  index: string;
  peakPerSecond: number;
  meanPerSecond: number;
}

interface KeyLoad {
  index: string;
  perSecond: Map<number, number>;
  total: number;
  writers: Set<string>;
}

function busiestOf(perKey: Map<string, KeyLoad>, accept: (load: KeyLoad) => boolean): Busiest {
  let busiest: Busiest = { partitionKey: "", index: "", peakPerSecond: 0, meanPerSecond: 0 };
  for (const [key, load] of perKey) {
    if (!accept(load)) continue;
    const peak = Math.max(...load.perSecond.values());
    if (peak > busiest.peakPerSecond) {
      busiest = {
        partitionKey: key.slice(load.index.length + 1),
        index: load.index,
        peakPerSecond: peak,
        meanPerSecond: load.total / SECONDS,
      };
    }
  }
  return busiest;
}

/** One simulated last hour: WCU per partition key per second; the busiest key, and the busiest shared one. */
function simulate(
  unitWrites: (submitter: Submitter, at: Date) => PartitionWrite[],
  seed: number,
): { any: Busiest; shared: Busiest } {
  const random = seededRandom(seed);
  const unitOf = unitSampler(random);
  const perKey = new Map<string, KeyLoad>();
  const deadline = Date.parse("2024-10-20T16:00:00Z");
  for (let applicant = 0; applicant < APPLICANTS; applicant += 1) {
    const unitId = unitOf();
    if (random() >= LAST_HOUR_SHARE) continue;
    const submitter = { applicationId: uuidFrom(random), unitId };
    const second = Math.floor(random() * SECONDS);
    for (const write of unitWrites(submitter, new Date(deadline - (SECONDS - second) * 1000))) {
      const key = `${write.index} ${write.partitionKey}`;
      const load = perKey.get(key) ?? {
        index: write.index,
        perSecond: new Map(),
        total: 0,
        writers: new Set(),
      };
      load.perSecond.set(second, (load.perSecond.get(second) ?? 0) + write.units);
      load.total += write.units;
      if (load.writers.size < 2) load.writers.add(submitter.applicationId);
      perKey.set(key, load);
    }
  }
  return { any: busiestOf(perKey, () => true), shared: busiestOf(perKey, (load) => load.writers.size > 1) };
}

/**
 * Figure 6: 50,000 applicants, half of them submitting in the last hour at random seconds; the busiest
 * partition key's write units in its busiest second, against DynamoDB's 1,000 WCU per partition key.
 */
export function deadlineSurge(
  scope: GenerationScope,
  recordedSubmit: { submitter: Submitter; at: Date; writes: PartitionWrite[] },
): Section {
  const template = pricedModel(
    submitWrites(scope, recordedSubmit.submitter, recordedSubmit.at),
    recordedSubmit.writes,
  );
  const unitWrites = (submitter: Submitter, at: Date): PartitionWrite[] =>
    submitWrites(scope, submitter, at).map((write, index) => ({
      ...write,
      units: template[index]?.units ?? 0,
    }));
  const runs = Array.from({ length: RUNS }, (_, run) => simulate(unitWrites, 1000 + run));
  const worst = runs.map((run) => run.any).reduce((a, b) => (b.peakPerSecond > a.peakPerSecond ? b : a));
  const worstShared = runs
    .map((run) => run.shared)
    .reduce((a, b) => (b.peakPerSecond > a.peakPerSecond ? b : a));
  const perSubmit = template.reduce((sum, write) => sum + write.units, 0);
  const everyoneInOneUnit =
    ((APPLICANTS * LAST_HOUR_SHARE) / SECONDS) *
    (template.find((write) => write.index === "GSI1")?.units ?? 0);
  const rows: FigureRow[] = [
    {
      figure: "6 deadline surge: busiest partition key WCU/s (peak second) / 1,000",
      value: spread(runs.map((run) => run.any.peakPerSecond / PARTITION_KEY_LIMIT_WCU)),
      target: TARGET,
      unit: "×",
    },
    {
      figure: "6 deadline surge: busiest key shared by applications WCU/s (peak second) / 1,000",
      value: spread(runs.map((run) => run.shared.peakPerSecond / PARTITION_KEY_LIMIT_WCU)),
      target: TARGET,
      unit: "×",
    },
  ];
  const details = [
    "### 6. Deadline surge (key distribution only)",
    `${APPLICANTS.toLocaleString("en")} applicants in ${UNITS} units of Zipf-distributed size, ${LAST_HOUR_SHARE * 100}% submitting ` +
      `at uniformly random seconds of the last hour; ${RUNS} simulations. One submit writes ${template.length} partition ` +
      `keys for ${perSubmit} WCU, priced from the recorded real submit (the model matched it key for key): ` +
      template
        .map(
          (write) => `${write.index} ${write.partitionKey.replace(/[0-9a-f-]{36}/g, "<id>")} ${write.units}`,
        )
        .join("; ") +
      `. Busiest key over all runs: ${worst.index} \`${worst.partitionKey}\`, ${formatNumber(worst.peakPerSecond)} WCU in its ` +
      `busiest second (${formatNumber(worst.meanPerSecond)} WCU/s on average over the hour): one application's own ` +
      `submit. Busiest key shared by applications: ${worstShared.index} \`${worstShared.partitionKey}\`, ` +
      `${formatNumber(worstShared.peakPerSecond)} WCU in its busiest second, ${formatNumber(worstShared.meanPerSecond)} WCU/s ` +
      `on average. Bound: if every applicant ` +
      `were in one unit, its list partition would take ${formatNumber(everyoneInOneUnit)} WCU/s on average. No counter or ` +
      "single item is written by every submit: the state index is sharded 16 ways and everything else is per application.",
  ];
  return { rows, details };
}
