import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type ChildService, startChildService } from "./child-service";
import { freePort } from "./free-port";

/** Java is the one prerequisite npm cannot install; say so in one line instead of a stack trace. */
export function assertJava(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "DynamoDB Local needs a Java runtime (17 or newer) on the PATH: install it, e.g. `apt-get install openjdk-17-jre-headless`.",
    );
  }
}

function emulatorDirectory(): string {
  const pkg = createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json");
  return join(dirname(pkg), "emulator");
}

/**
 * The official DynamoDB Local, run from the jar that ships inside an npm package. `dataDir` keeps the
 * data between runs; without it the database lives in memory (tests).
 */
export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<ChildService> {
  assertJava();
  const port = await freePort();
  const dir = emulatorDirectory();
  const storage = options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  return startChildService({
    name: "DynamoDB Local",
    command: "java",
    args: [
      "-Xms128m",
      "-XX:+UseSerialGC",
      "-XX:TieredStopAtLevel=1",
      `-Djava.library.path=${join(dir, "DynamoDBLocal_lib")}`,
      "-jar",
      join(dir, "DynamoDBLocal.jar"),
      "-port",
      String(port),
      "-sharedDb",
      ...storage,
    ],
    cwd: dir,
    port,
    timeoutMs: 30_000,
  });
}
