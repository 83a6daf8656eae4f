import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { freePort, waitFor } from "./free-port";

export interface RunningService {
  endpoint: string;
  stop(): Promise<void>;
}

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
export async function startDynamoDbLocal(options: { dataDir?: string } = {}): Promise<RunningService> {
  assertJava();
  const port = await freePort();
  const dir = emulatorDirectory();
  const storage = options.dataDir ? ["-dbPath", options.dataDir] : ["-inMemory"];
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const child: ChildProcess = spawn(
    "java",
    [
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
    { cwd: dir, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      "DynamoDB Local",
      async () => {
        if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${stderr}`);
        // Any HTTP answer means the server listens; it rejects unsigned requests with 400.
        const response = await fetch(endpoint, { method: "POST" });
        return response.status > 0;
      },
      30_000,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
