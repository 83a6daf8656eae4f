import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildService, RunningService } from "../../infra/local/child-service";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { LocalIdentityProvider } from "../../infra/local/identity-provider";
import { startS3Local } from "../../infra/local/s3-local";
import { type LocalSystem, startLocalSystem } from "../../infra/local/system";
import { Api } from "../http/api";

export interface BenchSystem {
  system: LocalSystem;
  api: Api;
  /** The local identity provider's key, to turn tokens into the claims API Gateway would pass. */
  idp: LocalIdentityProvider;
  workDir: string;
  /** The emulators' processes, which the load harness stalls (`npm run load -- --faults`). */
  dynamodb: ChildService;
  s3: ChildService;
  stop(): Promise<void>;
}

/**
 * The local runtime in this process, over its own DynamoDB Local (in memory) and local S3 on loopback
 * ports, with a fresh seeded round: nothing of `npm start`'s `.local/` is touched.
 */
export async function startBenchSystem(workDir = mkdtempSync(join(tmpdir(), "title-review-bench-"))) {
  process.env.POWERTOOLS_LOG_LEVEL ??= "ERROR";
  const services: RunningService[] = [];
  const stopServices = async () => {
    for (const service of services.splice(0).reverse()) await service.stop();
  };
  try {
    const [dynamodb, s3] = await Promise.all([
      startDynamoDbLocal(),
      startS3Local({ dataDir: join(workDir, "s3") }),
    ]);
    services.push(dynamodb, s3);
    const dataDir = join(workDir, "local");
    const system = await startLocalSystem({
      dataDir,
      fresh: true,
      port: 0,
      endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint },
    });
    const idp = await LocalIdentityProvider.create("local-idp", join(dataDir, "idp-key.json"));
    const bench: BenchSystem = {
      system,
      api: new Api(system.url),
      idp,
      workDir,
      dynamodb,
      s3,
      async stop() {
        await system.stop();
        await stopServices();
        rmSync(workDir, { recursive: true, force: true });
      },
    };
    return bench;
  } catch (error) {
    await stopServices();
    throw error;
  }
}

/** Moves the virtual clock and waits for the round workflow (0.5 s polls) to open the phase. */
export async function openPhase(bench: BenchSystem, at: string, phase: string): Promise<void> {
  await bench.api.json({
    label: "set the clock",
    method: "POST",
    path: "/dev/clock",
    body: { at, frozen: true },
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const round = await bench.api.json<{ openPhase: string | null }>({
      label: "read the round",
      method: "GET",
      path: "/rounds/2024",
    });
    if (round.openPhase === phase) return;
    if (Date.now() > deadline) throw new Error(`the ${phase} phase did not open`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}
