import { randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { certificateFont } from "../../functions/adapters/certificate-font";
import { HARFBUZZ_SUBSET_WASM, harfbuzzSubsetWasm } from "../../infra/constructs/bundling-options";
import { apiEvent, type LambdaRequest, lambdaContext } from "../in-process/lambda-event";
import type { BenchSystem } from "../system/bench-system";
import type { AllBundles } from "./all-bundles";
import { bundleSource } from "./build";

type BundledHandler = (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

/** The presigned POST as the submission function makes it, through the one aliased copy of the S3 client. */
const PRESIGNED_POST_ROUND_TRIP = `
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { createPresignedPost } from "@aws-sdk/s3-presigned-post";
export async function roundTrip(bucket, key) {
  const s3 = new S3Client({ forcePathStyle: true });
  const { url, fields } = await createPresignedPost(s3, {
    Bucket: bucket, Key: key, Expires: 60,
    Conditions: [["content-length-range", 1, 1024]], Fields: { "Content-Type": "text/plain" },
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append("file", new Blob(["bench"]), "bench.txt");
  const posted = await fetch(url, { method: "POST", body: form });
  if (posted.status >= 300) throw new Error("presigned POST answered " + posted.status);
  const read = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return read.Body.transformToString();
}`;

/** The certificate's font subset, bundled as CDK bundles it (the WOFF2 codec aliased away). */
const CERTIFICATE_SUBSET = `
import { printableSubset } from "./functions/services/certificate-font-subset.ts";
export { printableSubset };`;

/**
 * The subsetter's WebAssembly where the certificate function's asset puts it, and no WOFF2 codec: the
 * bundle must still cut a subset of the certificate font that has every character asked for.
 */
async function certificateSubsetWorks(outDir: string): Promise<string> {
  const bundle = await bundleSource("certificate-subset", CERTIFICATE_SUBSET, outDir, "house");
  const wasm = join(dirname(bundle.file), HARFBUZZ_SUBSET_WASM);
  mkdirSync(dirname(wasm), { recursive: true });
  copyFileSync(harfbuzzSubsetWasm(), wasm);
  const { printableSubset } = (await import(pathToFileURL(bundle.file).href)) as {
    printableSubset: (font: Uint8Array, text: string) => Promise<Uint8Array>;
  };
  const font = await certificateFont();
  const subset = await printableSubset(font, "专业技术资格证书李晓燕GS2024-000001");
  if (subset.byteLength === 0 || subset.byteLength > font.byteLength / 100)
    throw new Error(`the bundled subsetter cut ${subset.byteLength} bytes`);
  return `certificate font subset through the house bundle (wawoff2 aliased, wasm beside it) → ${subset.byteLength} bytes`;
}

async function invokeBundle(
  bundles: AllBundles,
  bench: BenchSystem,
  name: string,
  request: LambdaRequest,
): Promise<string> {
  const bundle = bundles.functions.find((fn) => fn.name === name)?.house;
  if (!bundle) throw new Error(`no bundle of ${name}`);
  const { handler } = (await import(pathToFileURL(bundle.file).href)) as { handler: BundledHandler };
  const { event } = await apiEvent(bench, request);
  const answer = await handler(event, lambdaContext(name));
  if (answer.statusCode !== 200) {
    throw new Error(
      `the ${name} bundle answered ${request.method} ${request.path} with ${answer.statusCode}: ${answer.body}`,
    );
  }
  return `${name}: ${request.method} ${request.path} → 200`;
}

/**
 * The cuts of LAMBDA_ALIASES are only safe if the deployed bundles still work: run the house bundles
 * themselves (environment credentials, the deduplicated S3 client) against the local emulators.
 */
export async function smokeTestBundles(
  bundles: AllBundles,
  bench: BenchSystem,
  applicant: { token: string; applicationPath: string },
  officeToken: string,
  outDir: string,
): Promise<string[]> {
  const checks = [
    await invokeBundle(bundles, bench, "publicity", { method: "GET", path: "/rounds/2024" }),
    await invokeBundle(bundles, bench, "submission", {
      method: "GET",
      path: applicant.applicationPath,
      token: applicant.token,
    }),
    await invokeBundle(bundles, bench, "submission", {
      method: "GET",
      path: `${applicant.applicationPath}/evidence`,
      token: applicant.token,
    }),
    // The round view asks Step Functions for its calendar's execution, which has no local emulator.
    await invokeBundle(bundles, bench, "admin", {
      method: "GET",
      path: "/admin/blacklist",
      token: officeToken,
    }),
  ];
  const post = await bundleSource("presigned-post", PRESIGNED_POST_ROUND_TRIP, outDir, "house");
  const { roundTrip } = (await import(pathToFileURL(post.file).href)) as {
    roundTrip: (bucket: string, key: string) => Promise<string>;
  };
  const key = `bench/${randomUUID()}.txt`;
  if ((await roundTrip(process.env.EVIDENCE_BUCKET ?? "", key)) !== "bench")
    throw new Error("the presigned POST lost the file");
  checks.push("presigned POST and GetObject through the aliased @aws-sdk/client-s3 → the file came back");
  checks.push(await certificateSubsetWorks(outDir));
  return checks;
}
