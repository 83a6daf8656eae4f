import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { PROJECT_ROOT } from "../../infra/constructs/bundling-options";

/** The values our own code imports from each AWS SDK package, e.g. `@aws-sdk/client-s3` → S3Client. */
export type SdkImports = Map<string, Set<string>>;

const NAMED_IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*"(@aws-sdk\/[^"]+)"/g;

/**
 * Read from the sources of our files that made it into the bundle (the metafile's inputs), so that the
 * SDK-only bundle holds exactly the clients and commands the function uses; type-only imports vanish
 * in the build and are skipped.
 */
export function sdkImportsOf(metafile: Metafile): SdkImports {
  const found: SdkImports = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    if (input.includes("node_modules") || !/\.(ts|js|mjs)$/.test(input)) continue;
    const source = readFileSync(join(PROJECT_ROOT, input), "utf8");
    for (const match of source.matchAll(NAMED_IMPORT)) {
      if (match[1]) continue;
      const names = found.get(match[3] ?? "") ?? new Set<string>();
      for (const part of (match[2] ?? "").split(",")) {
        const name = part.trim();
        if (!name || name.startsWith("type ")) continue;
        names.add(name.split(/\s+as\s+/)[0] ?? name);
      }
      if (names.size > 0) found.set(match[3] ?? "", names);
    }
  }
  return found;
}

/** A stable name for a set of packages, so that functions using the same clients share one bundle. */
export function sdkSetKey(imports: SdkImports): string {
  return [...imports.keys()]
    .sort()
    .map((pkg) => pkg.replace("@aws-sdk/", ""))
    .join("+");
}

/**
 * The entry of the SDK-only bundle: the same imports, and each client constructed once, as our
 * modules do at load time (a document client wraps the DynamoDB client).
 */
export function sdkOnlyEntry(imports: SdkImports): string {
  const lines: string[] = [];
  const all: string[] = [];
  for (const [pkg, names] of [...imports].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`import { ${[...names].join(", ")} } from "${pkg}";`);
    all.push(...names);
  }
  const clients = all.filter((name) => /^[A-Z]\w*Client$/.test(name) && name !== "DynamoDBDocumentClient");
  lines.push(`export const clients = [${clients.map((name) => `new ${name}({})`).join(", ")}];`);
  const dynamo = clients.indexOf("DynamoDBClient");
  if (all.includes("DynamoDBDocumentClient") && dynamo >= 0) {
    lines.push(`clients.push(DynamoDBDocumentClient.from(clients[${dynamo}]));`);
  }
  lines.push(`export const used = [${all.join(", ")}];`);
  return lines.join("\n");
}
