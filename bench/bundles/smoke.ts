import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
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
    await invokeBundle(bundles, bench, "admin", {
      method: "GET",
      path: "/admin/rounds/2024",
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
  return checks;
}
