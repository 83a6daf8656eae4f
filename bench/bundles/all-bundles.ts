import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Bundle, bundleFunction, bundleSource, functionNames } from "./build";
import { type SdkImports, sdkImportsOf, sdkOnlyEntry, sdkSetKey } from "./sdk-imports";

const ZOD_ONLY = 'import * as z from "zod/mini";\nexport const schema = z.object({ name: z.string() });';

export interface FunctionBundles {
  name: string;
  house: Bundle;
  uncut: Bundle;
  /** Which SDK-only bundle is this function's floor. */
  sdkKey: string;
}

export interface SdkOnlyBundles {
  imports: SdkImports;
  house: Bundle;
  uncut: Bundle;
}

export interface AllBundles {
  functions: FunctionBundles[];
  sdkOnly: Map<string, SdkOnlyBundles>;
  /** An empty module: what a Node process costs before any code of ours. */
  empty: string;
  /** zod alone, imported as our code imports it: the largest library on top of the SDK. */
  zodOnly: Bundle;
}

/** Every function, and the SDK-only bundle of the clients it uses, each with and without the cuts. */
export async function buildAllBundles(outDir: string): Promise<AllBundles> {
  const functions: FunctionBundles[] = [];
  const sdkOnly = new Map<string, SdkOnlyBundles>();
  for (const name of functionNames()) {
    const [house, uncut] = await Promise.all([
      bundleFunction(name, outDir, "house"),
      bundleFunction(name, outDir, "uncut"),
    ]);
    const imports = sdkImportsOf(house.metafile);
    const sdkKey = sdkSetKey(imports);
    if (!sdkOnly.has(sdkKey)) {
      const entry = sdkOnlyEntry(imports);
      const [sdkHouse, sdkUncut] = await Promise.all([
        bundleSource(`sdk-${sdkKey}`, entry, outDir, "house"),
        bundleSource(`sdk-${sdkKey}`, entry, outDir, "uncut"),
      ]);
      sdkOnly.set(sdkKey, { imports, house: sdkHouse, uncut: sdkUncut });
    }
    functions.push({ name, house, uncut, sdkKey });
  }
  const empty = join(outDir, "empty.mjs");
  writeFileSync(empty, "");
  const zodOnly = await bundleSource("zod-only", ZOD_ONLY, outDir, "house");
  return { functions, sdkOnly, empty, zodOnly };
}
