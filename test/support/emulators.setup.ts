import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunningService } from "../../infra/local/child-service";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { startS3Local } from "../../infra/local/s3-local";

/**
 * Starts one DynamoDB Local (in memory) and one local S3 server for the integration and e2e
 * projects, and stops them after the run. Test files reach them through the SDK's own endpoint
 * variables, inherited by the workers.
 */
let running: { services: RunningService[]; dir: string; users: number } | undefined;

export default async function setup(): Promise<() => Promise<void>> {
  if (!running) {
    const dir = mkdtempSync(join(tmpdir(), "title-review-test-"));
    const [dynamodb, s3] = await Promise.all([
      startDynamoDbLocal(),
      startS3Local({ dataDir: join(dir, "s3") }),
    ]);
    running = { services: [dynamodb, s3], dir, users: 0 };
    Object.assign(process.env, {
      AWS_REGION: "cn-northwest-1",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      // s3rver itself: a local system puts its gateway in AWS_ENDPOINT_URL_S3 for everything after it.
      TEST_S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: "true",
      POWERTOOLS_LOG_LEVEL: "SILENT",
      // DynamoDB Local takes seconds over two concurrent 100-item transactions on a busy 2-core machine.
      DYNAMODB_REQUEST_TIMEOUT_SCALE: "2",
    });
  }
  running.users += 1;
  return async () => {
    if (!running) return;
    running.users -= 1;
    if (running.users > 0) return;
    for (const service of running.services) await service.stop();
    rmSync(running.dir, { recursive: true, force: true });
    running = undefined;
  };
}
