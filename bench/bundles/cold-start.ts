import { spawnSync } from "node:child_process";
import { HOUSE_NODE_OPTIONS } from "../../infra/constructs/bundling-options";

/**
 * What a fresh Lambda-like process sees: the house NODE_OPTIONS, a region and credentials in the
 * environment, and the function's variables, but nothing to connect to (module load makes no calls).
 */
function coldEnvironment(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_OPTIONS: HOUSE_NODE_OPTIONS,
    AWS_REGION: "cn-northwest-1",
    AWS_ACCESS_KEY_ID: "cold-start-proxy",
    AWS_SECRET_ACCESS_KEY: "cold-start-proxy",
    TABLE_NAME: "title-review",
    EVIDENCE_BUCKET: "title-review-evidence",
    POWERTOOLS_SERVICE_NAME: "bench",
    POWERTOOLS_LOG_LEVEL: "WARN",
  };
}

/** Wall time, in milliseconds, of a new Node process that imports `file` and exits. */
export function timeColdImport(file: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [file], {
    env: coldEnvironment(),
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 30_000,
  });
  const elapsed = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`importing ${file} failed (${result.status ?? result.signal}): ${result.stderr}`);
  }
  return elapsed;
}
