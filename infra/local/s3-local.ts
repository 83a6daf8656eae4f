import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ChildService, startChildService } from "./child-service";
import { freePort } from "./free-port";

/**
 * An S3-compatible server (s3rver) on loopback, in a child process of its own, like the real service.
 * It signs list continuation tokens with DES, which OpenSSL 3 only offers through its legacy
 * provider, hence the flag; without it every truncated listing (the purge's paging) fails.
 * It does not enforce presigned-POST policies, which is why the server-side verification of every
 * upload (DESIGN.md §6) is the check that counts. `port` starts it again where it was (after a stop,
 * over the same folder), as a service coming back.
 */
export async function startS3Local(options: { dataDir: string; port?: number }): Promise<ChildService> {
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const bin = join(
    dirname(createRequire(import.meta.url).resolve("s3rver/package.json")),
    "bin",
    "s3rver.js",
  );
  return startChildService({
    name: "local S3",
    command: process.execPath,
    args: [
      "--openssl-legacy-provider",
      bin,
      "--directory",
      options.dataDir,
      "--address",
      "127.0.0.1",
      "--port",
      String(port),
      "--silent",
    ],
    port,
    timeoutMs: 15_000,
  });
}
