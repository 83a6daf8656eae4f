import type { Metafile } from "esbuild";

/** The installed package an input file belongs to, with its nesting: `a>b` is b installed under a. */
export function packageOf(input: string): string {
  const parts = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((match) => match[1] ?? "");
  if (parts.length > 0) return parts.join(">");
  return input.startsWith("functions/") ? "(our code)" : input;
}

function outputInputs(metafile: Metafile): Record<string, { bytesInOutput: number }> {
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith(".mjs"))?.[1];
  return output?.inputs ?? {};
}

/** Bytes in the minified output per package, largest first. */
export function bytesByPackage(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(outputInputs(metafile))) {
    const pkg = packageOf(input);
    totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

const GROUPS: [string, RegExp][] = [
  [
    "AWS SDK",
    /^(@aws-sdk|@smithy|@aws-crypto|@aws\/)|^(mnemonist|obliterator|fast-xml-parser|strnum|tslib|bowser)\b/,
  ],
  ["zod", /^zod\b/],
  ["Powertools + middy", /^(@aws-lambda-powertools|@middy)/],
  ["our code", /^\(our code\)$/],
];

/** Bytes per coarse group: what the SDK floor is, and what sits on top of it. */
export function bytesByGroup(metafile: Metafile): Map<string, number> {
  const groups = new Map<string, number>();
  for (const [pkg, bytes] of bytesByPackage(metafile)) {
    const leaf = pkg.split(">").pop() ?? pkg;
    const group = GROUPS.find(([, pattern]) => pattern.test(leaf))?.[0] ?? "other libraries";
    groups.set(group, (groups.get(group) ?? 0) + bytes);
  }
  return groups;
}

/** Packages bundled from more than one installed copy, with the bytes of the extra (nested) copies. */
export function duplicatedPackages(metafile: Metafile): [string, number][] {
  const copies = new Map<string, [string, number][]>();
  for (const [pkg, bytes] of bytesByPackage(metafile)) {
    const leaf = pkg.split(">").pop() ?? pkg;
    copies.set(leaf, [...(copies.get(leaf) ?? []), [pkg, bytes]]);
  }
  return [...copies]
    .filter(([, paths]) => paths.length > 1)
    .map(([leaf, paths]) => [
      leaf,
      paths.filter(([pkg]) => pkg.includes(">")).reduce((sum, [, bytes]) => sum + bytes, 0),
    ]);
}

/** Bytes that came in as CommonJS (esbuild wraps them and cannot tree-shake them). */
export function commonJsBytes(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(outputInputs(metafile))) {
    if (metafile.inputs[input]?.format !== "cjs") continue;
    const pkg = packageOf(input);
    totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** The credential providers of the default chain, and the STS/SSO clients only they use. */
export function credentialChainBytes(metafile: Metafile): number {
  return bytesByPackage(metafile)
    .filter(([pkg]) =>
      /credential-provider|token-providers|nested-clients|credential-provider-imds/.test(
        pkg.split(">").pop() ?? "",
      ),
    )
    .reduce((sum, [, bytes]) => sum + bytes, 0);
}

/** AWS SDK client packages in a bundle: a function should carry only the clients it calls. */
export function clientPackages(metafile: Metafile): string[] {
  const clients = new Set<string>();
  for (const [pkg] of bytesByPackage(metafile)) {
    const leaf = pkg.split(">").pop() ?? pkg;
    if (/^@aws-sdk\/client-/.test(leaf)) clients.add(leaf.replace("@aws-sdk/", ""));
  }
  return [...clients].sort();
}

/**
 * The SDK clients a function's own code reaches (its handler folder and what that imports), leaving
 * out what only `through` brings in: a client reachable only that way is one the function never calls.
 */
export function clientsReachedWithout(metafile: Metafile, entry: string, through: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length > 0) {
    const input = queue.shift() ?? "";
    if (input === through) continue;
    for (const imported of metafile.inputs[input]?.imports ?? []) {
      if (seen.has(imported.path) || !metafile.inputs[imported.path]) continue;
      seen.add(imported.path);
      queue.push(imported.path);
    }
  }
  const clients = new Set<string>();
  for (const input of seen) {
    const leaf = packageOf(input).split(">").pop() ?? "";
    if (/^@aws-sdk\/client-/.test(leaf)) clients.add(leaf.replace("@aws-sdk/", ""));
  }
  return [...clients].sort();
}
