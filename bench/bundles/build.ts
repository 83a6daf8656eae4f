import { readdirSync } from "node:fs";
import { join } from "node:path";
import { build, type Metafile } from "esbuild";
import { esbuildBuildOptions, PROJECT_ROOT } from "../../infra/constructs/bundling-options";

export interface Bundle {
  file: string;
  /** The minified JavaScript file alone (the source map is not loaded at start). */
  bytes: number;
  metafile: Metafile;
}

/** `house`: exactly what CDK deploys; `uncut`: the same without LAMBDA_ALIASES, to show what they save. */
export type Variant = "house" | "uncut";

/** Every Lambda function: one folder with an index.ts under functions/handlers/. */
export function functionNames(): string[] {
  const dir = join(PROJECT_ROOT, "functions", "handlers");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .filter((entry) => readdirSync(join(dir, entry.name)).includes("index.ts"))
    .map((entry) => entry.name)
    .sort();
}

function outputOf(metafile: Metafile, outfile: string): Bundle {
  const [, output] =
    Object.entries(metafile.outputs).find(([path]) => path.endsWith(".mjs")) ??
    Object.entries(metafile.outputs)[0] ??
    [];
  if (!output) throw new Error(`esbuild wrote nothing for ${outfile}`);
  return { file: outfile, bytes: output.bytes, metafile };
}

export async function bundleFunction(name: string, outDir: string, variant: Variant): Promise<Bundle> {
  const outfile = join(outDir, `${variant}-${name}`, "index.mjs");
  const options = esbuildBuildOptions(outfile, variant === "uncut" ? { alias: {} } : {});
  const result = await build({
    ...options,
    entryPoints: [join(PROJECT_ROOT, "functions/handlers", name, "index.ts")],
  });
  return outputOf(result.metafile, outfile);
}

/** A bundle of generated source, resolved from the project root like our own files. */
export async function bundleSource(
  label: string,
  contents: string,
  outDir: string,
  variant: Variant,
): Promise<Bundle> {
  const outfile = join(outDir, `${variant}-${label}`, "index.mjs");
  const options = esbuildBuildOptions(outfile, variant === "uncut" ? { alias: {} } : {});
  const result = await build({
    ...options,
    stdin: { contents, resolveDir: PROJECT_ROOT, sourcefile: `${label}.mjs`, loader: "js" },
  });
  return outputOf(result.metafile, outfile);
}
