import { resolve } from "node:path";
import { DEMO, DEMO_PASSWORD } from "./seed";
import { startLocalSystem } from "./system";

/**
 * `npm start`: the whole system on one machine. `--fresh` wipes `.local/` first; PORT picks the port.
 */
async function main(): Promise<void> {
  const fresh = process.argv.includes("--fresh");
  const port = Number(process.env.PORT ?? 3000);
  const startedAt = Date.now();
  const system = await startLocalSystem({ dataDir: resolve(".local"), fresh, port });
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`
职称申报评审系统 (local) ready in ${seconds}s at ${system.url}
  health      ${system.url}/health
  API docs    ${system.url}/docs   (OpenAPI: ${system.url}/openapi.json)
  clock       ${system.clock.now().toISOString()}  (GET/POST ${system.url}/dev/clock)
  data        .local/ ${system.seeded.created ? "(seeded now)" : "(kept from the last run; --fresh to start empty)"}

Log in:  curl -s -X POST ${system.url}/dev/login -H 'content-type: application/json' \\
           -d '{"username":"office-admin","password":"${DEMO_PASSWORD}"}'
Accounts (password ${DEMO_PASSWORD}):
${system.seeded.accounts.map((a) => `  ${a.username.padEnd(14)} ${a.realName}  ${a.role} @ ${a.orgId}`).join("\n")}
Round ${DEMO.roundId}: GET ${system.url}/rounds/${DEMO.roundId}
`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await system.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
