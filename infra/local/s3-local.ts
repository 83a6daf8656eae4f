import { mkdirSync } from "node:fs";
import S3rver from "s3rver";
import type { RunningService } from "./dynamodb-local";
import { freePort } from "./free-port";

/**
 * An S3-compatible server on loopback. It does not enforce presigned-POST policies, which is why the
 * server-side verification of every upload (DESIGN.md §6) is the check that counts.
 */
export async function startS3Local(options: { dataDir: string }): Promise<RunningService> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = await freePort();
  const server = new S3rver({ address: "127.0.0.1", port, silent: true, directory: options.dataDir });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
    },
  };
}
