import { readFileSync } from "node:fs";
import { App } from "aws-cdk-lib";
import { buildStacks } from "../../infra/stacks/build";

/**
 * The app as `cdk synth` builds it, with cdk.json's context and any `extra` (as `-c` would add);
 * synthesized once per test file.
 */
export function buildTestApp(extra: Record<string, unknown> = {}) {
  const { context } = JSON.parse(readFileSync(new URL("../../cdk.json", import.meta.url), "utf8")) as {
    context: Record<string, unknown>;
  };
  const app = new App({ context: { ...context, ...extra } });
  return { app, ...buildStacks(app) };
}
