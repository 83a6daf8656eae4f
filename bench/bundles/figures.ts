import { type FigureRow, formatNumber, kilobytes, markdownTable, type Section } from "../results";
import { seededRandom, shuffled, spread } from "../stats";
import type { AllBundles } from "./all-bundles";
import { timeColdImport } from "./cold-start";
import {
  bytesByGroup,
  bytesByPackage,
  clientPackages,
  clientsReachedWithout,
  commonJsBytes,
  credentialChainBytes,
  duplicatedPackages,
} from "./composition";

/** The targets of the cold-start work; the certificate function carries a font and a PDF library. */
const BUNDLE_TARGET = 1.5;
const COLD_START_TARGET = 1.3;
const CERTIFICATE_COLD_START_TARGET = 2.0;
const bundleTarget = (name: string) => (name === "certificate" ? undefined : BUNDLE_TARGET);
const coldStartTarget = (name: string) =>
  name === "certificate" ? CERTIFICATE_COLD_START_TARGET : COLD_START_TARGET;
const DYNAMODB_ONLY = "client-dynamodb+lib-dynamodb";
const HANDLER_GROUP = "functions/http/handler-group.ts";

function sizeRows(bundles: AllBundles): FigureRow[] {
  return bundles.functions.map((fn) => {
    const sdk = bundles.sdkOnly.get(fn.sdkKey);
    return {
      figure: `1 bundle: ${fn.name} / SDK-only (${fn.sdkKey})`,
      value: { median: fn.house.bytes / (sdk?.house.bytes ?? Number.NaN), runs: "deterministic" },
      target: bundleTarget(fn.name),
      unit: "×",
    };
  });
}

function sizeDetails(bundles: AllBundles): string[] {
  const groups = ["AWS SDK", "zod", "Powertools + middy", "our code", "other libraries"];
  const rows = bundles.functions.map((fn) => {
    const byGroup = bytesByGroup(fn.house.metafile);
    const sdk = bundles.sdkOnly.get(fn.sdkKey);
    return [
      fn.name,
      kilobytes(fn.house.bytes),
      kilobytes(fn.uncut.bytes),
      kilobytes(sdk?.house.bytes ?? 0),
      ...groups.map((group) => kilobytes(byGroup.get(group) ?? 0)),
      clientPackages(fn.house.metafile).join(", "),
    ];
  });
  const floor = bundles.sdkOnly.get(DYNAMODB_ONLY);
  const details = [
    "### 1. Bundle sizes (minified JS, source map excluded)",
    markdownTable(
      [
        "function",
        "bundle",
        "before cuts",
        "SDK-only",
        ...groups.map((g) => `of which ${g}`),
        "clients carried",
      ],
      rows,
    ),
  ];
  if (floor) {
    const top = (metafile: typeof floor.house.metafile) =>
      bytesByPackage(metafile)
        .slice(0, 8)
        .map(([pkg, bytes]) => `${pkg} ${kilobytes(bytes)}`)
        .join(", ");
    details.push(
      `**The DynamoDB-client floor** (DynamoDBClient + DynamoDBDocumentClient and the commands we use): ` +
        `${kilobytes(floor.uncut.bytes)} before the cuts, ${kilobytes(floor.house.bytes)} after. Before: ` +
        `the default credential chain (SSO, INI, process, web identity, container/IMDS providers and the ` +
        `STS/SSO/sign-in clients in @aws-sdk/nested-clients) was ${kilobytes(credentialChainBytes(floor.uncut.metafile))}; ` +
        `after: ${kilobytes(credentialChainBytes(floor.house.metafile))}. Largest parts now: ${top(floor.house.metafile)}.`,
    );
  }
  const duplicates = bundles.functions.flatMap((fn) =>
    duplicatedPackages(fn.uncut.metafile).map(([pkg, bytes]) => `${fn.name}: ${pkg} (${kilobytes(bytes)})`),
  );
  const duplicatesAfter = bundles.functions.flatMap((fn) =>
    duplicatedPackages(fn.house.metafile).map(([pkg]) => `${fn.name}: ${pkg}`),
  );
  const cjs = new Map<string, number>();
  for (const fn of bundles.functions) {
    for (const [pkg, bytes] of commonJsBytes(fn.house.metafile))
      cjs.set(pkg, Math.max(cjs.get(pkg) ?? 0, bytes));
  }
  for (const fn of bundles.functions) {
    const carried = clientPackages(fn.house.metafile);
    const reached = clientsReachedWithout(
      fn.house.metafile,
      `functions/handlers/${fn.name}/index.ts`,
      HANDLER_GROUP,
    );
    const unused = carried.filter((client) => !reached.includes(client));
    if (unused.length === 0) continue;
    details.push(
      `**${fn.name}** carries ${unused.join(", ")} that its own code never reaches: only the handler group's ` +
        "access check (and its repositories), imported statically, brings it in. Importing the check only " +
        "for authenticated routes would drop it from this bundle.",
    );
  }
  details.push(
    `**Duplicated packages** before the cuts: ${duplicates.join("; ") || "none"}; after: ${duplicatesAfter.join("; ") || "none"}. ` +
      `**CommonJS inputs** (not tree-shaken): ${
        [...cjs].map(([pkg, bytes]) => `${pkg} ${kilobytes(bytes)}`).join(", ") || "none"
      }.`,
  );
  return details;
}

interface Candidate {
  key: string;
  file: string;
}

/** Every round times each file once, in a fresh order, so drift on a shared machine hits all alike. */
function coldRounds(candidates: Candidate[], rounds: number): Map<string, number>[] {
  for (const candidate of candidates) timeColdImport(candidate.file);
  const random = seededRandom(9);
  const results: Map<string, number>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const times = new Map<string, number>();
    for (const candidate of shuffled(candidates, random))
      times.set(candidate.key, timeColdImport(candidate.file));
    results.push(times);
  }
  return results;
}

function coldStart(bundles: AllBundles, rounds: number): Section {
  const candidates: Candidate[] = [{ key: "empty", file: bundles.empty }];
  for (const [key, sdk] of bundles.sdkOnly) candidates.push({ key: `sdk:${key}`, file: sdk.house.file });
  const floor = bundles.sdkOnly.get(DYNAMODB_ONLY);
  if (floor) candidates.push({ key: "floor:uncut", file: floor.uncut.file });
  for (const fn of bundles.functions) candidates.push({ key: `fn:${fn.name}`, file: fn.house.file });
  candidates.push({ key: "zod", file: bundles.zodOnly.file });
  const results = coldRounds(candidates, rounds);
  const times = (key: string) => results.map((round) => round.get(key) ?? Number.NaN);
  const at = (key: string, round: number) => results[round]?.get(key) ?? Number.NaN;

  const rows: FigureRow[] = bundles.functions.map((fn) => ({
    figure: `2 cold start: ${fn.name} (fn − empty) / (SDK-only − empty)`,
    value: spread(
      results.map(
        (_, round) =>
          (at(`fn:${fn.name}`, round) - at("empty", round)) /
          (at(`sdk:${fn.sdkKey}`, round) - at("empty", round)),
      ),
    ),
    target: coldStartTarget(fn.name),
    unit: "×",
  }));
  const ms = (key: string) => `${formatNumber(spread(times(key)).median)} ms`;
  const details = [
    `### 2. Cold-start proxy (wall time of \`node <bundle>\`, NODE_OPTIONS=${"`"}--enable-source-maps${"`"}, ${rounds} rounds, medians)`,
    markdownTable(
      ["process imports", "median"],
      [
        ["an empty module", ms("empty")],
        ...[...bundles.sdkOnly.keys()].map((key) => [`SDK-only ${key}`, ms(`sdk:${key}`)]),
        ...(floor ? [[`SDK-only ${DYNAMODB_ONLY}, before the cuts`, ms("floor:uncut")]] : []),
        ...bundles.functions.map((fn) => [`function ${fn.name}`, ms(`fn:${fn.name}`)]),
        [`zod alone (one schema, ${kilobytes(bundles.zodOnly.bytes)})`, ms("zod")],
      ],
    ),
  ];
  if (floor) {
    const floorBefore = spread(results.map((_, r) => at("floor:uncut", r) - at("empty", r))).median;
    const floorAfter = spread(results.map((_, r) => at(`sdk:${DYNAMODB_ONLY}`, r) - at("empty", r))).median;
    details.push(
      `**DynamoDB floor above an empty process**: ${formatNumber(floorBefore)} ms before the cuts, ` +
        `${formatNumber(floorAfter)} ms after (${kilobytes(floor.uncut.bytes)} → ${kilobytes(floor.house.bytes)}).`,
    );
  }
  return { rows, details };
}

/** Figures 1 and 2: bundle sizes from the metafile, and the cold-start proxy. */
export function bundleFigures(bundles: AllBundles, rounds: number): Section {
  const cold = coldStart(bundles, rounds);
  return { rows: [...sizeRows(bundles), ...cold.rows], details: [...sizeDetails(bundles), ...cold.details] };
}
