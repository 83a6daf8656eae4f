import { spawn } from "node:child_process";
import { waitFor } from "./free-port";

export interface RunningService {
  endpoint: string;
  stop(): Promise<void>;
}

/** An emulator in a process of its own, which faults can stall. */
export interface ChildService extends RunningService {
  /** SIGSTOP: the process keeps its sockets but answers nothing, as a stalled service. */
  pause(): void;
  /** SIGCONT: it carries on with whatever arrived meanwhile. */
  resume(): void;
}

/**
 * Runs an emulator as a child process on a loopback port and waits until it answers HTTP. Stopping
 * sends SIGTERM and, if it lingers, SIGKILL, so nothing is left behind (a paused one is woken first).
 */
export async function startChildService(options: {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  port: number;
  timeoutMs: number;
}): Promise<ChildService> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  const endpoint = `http://127.0.0.1:${options.port}`;
  try {
    await waitFor(
      options.name,
      async () => {
        if (child.exitCode !== null) throw new Error(`${options.name} exited: ${stderr}`);
        // Any HTTP answer means it listens (DynamoDB Local rejects the unsigned probe with 400).
        return (await fetch(endpoint, { method: "POST" })).status > 0;
      },
      options.timeoutMs,
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  let paused = false;
  return {
    endpoint,
    pause() {
      if (child.exitCode === null && child.kill("SIGSTOP")) paused = true;
    },
    resume() {
      if (paused && child.kill("SIGCONT")) paused = false;
    },
    async stop() {
      if (child.exitCode !== null) return;
      if (paused) child.kill("SIGCONT");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
