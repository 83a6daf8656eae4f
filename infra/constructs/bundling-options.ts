import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { type BundlingOptions, OutputFormat } from "aws-cdk-lib/aws-lambda-nodejs";
import type { BuildOptions } from "esbuild";

/** The project root: esbuild resolves the aliases below from here, in CDK and in `npm run bench`. */
export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Lambda's Node runs every function with these (source-mapped stack traces in the logs). */
export const HOUSE_NODE_OPTIONS = "--enable-source-maps";

/**
 * Packages replaced in every bundle by what Lambda actually runs. Each one is checked by
 * `npm run bench`, which runs the bundles against the local emulators.
 * - The SDK's default credential chain carries SSO, INI files, credential processes, web identity,
 *   container and instance metadata, and the STS/SSO/sign-in clients they need: about 40% of a
 *   DynamoDB-only bundle. Lambda always hands a function its role's credentials in environment
 *   variables, so the chain never gets past its first link there.
 * - `@aws-sdk/s3-presigned-post` pins a second, older copy of `@aws-sdk/client-s3`; this points it
 *   at the one the rest of the code uses.
 * - `subset-font` converts WOFF2 fonts through `wawoff2`, 1.2 MB of compiled code; the certificate font
 *   is TrueType in and TrueType out, so the converter is never called.
 */
export const LAMBDA_ALIASES: Record<string, string> = {
  "@aws-sdk/credential-provider-node": "./infra/constructs/lambda-credentials.ts",
  "@aws-sdk/client-s3": "./node_modules/@aws-sdk/client-s3",
  wawoff2: "./infra/constructs/no-woff2.ts",
};

/**
 * `subset-font` loads its WebAssembly with `require.resolve` from the bundle's folder: the certificate
 * function ships the file at this path beside its bundle, where that lookup finds it.
 */
export const HARFBUZZ_SUBSET_WASM = "node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm";

/** The WebAssembly file `subset-font` loads, found the way it finds it. */
export function harfbuzzSubsetWasm(): string {
  const subsetFont = createRequire(import.meta.url).resolve("subset-font");
  return createRequire(subsetFont).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm");
}

/**
 * How every function is bundled, in esbuild's own terms: one minified ESM file for Node 22 with
 * source maps, the AWS SDK bundled (its version is ours, not the runtime's), ES module builds
 * preferred over CommonJS ones.
 */
export const HOUSE_BUNDLING = {
  format: "esm",
  target: "node22",
  platform: "node",
  minify: true,
  sourcemap: true,
  metafile: true,
  mainFields: ["module", "main"],
  // Some CommonJS dependencies call require(); ESM bundles need it defined.
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  alias: LAMBDA_ALIASES,
} as const;

/** The house options as the CDK construct takes them (it runs the esbuild CLI from the project root). */
export function cdkBundlingOptions(): BundlingOptions {
  return {
    format: OutputFormat.ESM,
    target: HOUSE_BUNDLING.target,
    platform: HOUSE_BUNDLING.platform,
    minify: HOUSE_BUNDLING.minify,
    sourceMap: HOUSE_BUNDLING.sourcemap,
    metafile: HOUSE_BUNDLING.metafile,
    mainFields: [...HOUSE_BUNDLING.mainFields],
    // Bundle the SDK too: an empty list overrides the default that leaves @aws-sdk/* to the runtime.
    externalModules: [],
    banner: HOUSE_BUNDLING.banner,
    esbuildArgs: {
      "--alias": Object.entries(HOUSE_BUNDLING.alias).map(([from, to]) => `${from}=${to}`),
    },
  };
}

/**
 * The same options for esbuild's JavaScript API, so that `npm run bench` measures exactly what CDK
 * deploys; the caller names the entry. `{ alias: {} }` builds a bundle as it was before the cuts.
 */
export function esbuildBuildOptions(
  outfile: string,
  overrides: Pick<BuildOptions, "alias"> = {},
): BuildOptions & { metafile: true } {
  return {
    outfile,
    bundle: true,
    absWorkingDir: PROJECT_ROOT,
    format: HOUSE_BUNDLING.format,
    target: HOUSE_BUNDLING.target,
    platform: HOUSE_BUNDLING.platform,
    minify: HOUSE_BUNDLING.minify,
    sourcemap: HOUSE_BUNDLING.sourcemap,
    metafile: HOUSE_BUNDLING.metafile,
    mainFields: [...HOUSE_BUNDLING.mainFields],
    banner: { js: HOUSE_BUNDLING.banner },
    alias: { ...HOUSE_BUNDLING.alias },
    logLevel: "warning",
    ...overrides,
  };
}
