import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

interface State {
  Type: string;
  Next?: string;
  Default?: string;
  End?: boolean;
  Retry?: { ErrorEquals: string[] }[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Choices?: { Next: string }[];
}

const dir = new URL("../../statemachines/", import.meta.url);
const files = readdirSync(dir).filter((file) => file.endsWith(".asl.json"));

describe.each(files)("%s", (file) => {
  const definition = JSON.parse(readFileSync(new URL(file, dir), "utf8")) as {
    StartAt: string;
    States: Record<string, State>;
  };
  const states = Object.entries(definition.States);

  it("starts at an existing state and every transition targets an existing state", () => {
    expect(definition.States[definition.StartAt]).toBeDefined();
    for (const [name, state] of states) {
      const targets = [
        state.Next,
        state.Default,
        ...(state.Choices ?? []).map((c) => c.Next),
        ...(state.Catch ?? []).map((c) => c.Next),
      ];
      for (const target of targets.filter(Boolean))
        expect(definition.States[target as string], `${name} → ${target}`).toBeDefined();
    }
  });

  it("gives every Task a Retry on Lambda service errors and a Catch-all", () => {
    const tasks = states.filter(([, state]) => state.Type === "Task");
    expect(tasks.length).toBeGreaterThan(0);
    for (const [name, task] of tasks) {
      expect(task.Retry?.length, name).toBeGreaterThan(0);
      expect(
        task.Catch?.some((c) => c.ErrorEquals.includes("States.ALL")),
        name,
      ).toBe(true);
    }
    const lambdaTasks = tasks.filter(([, t]) => JSON.stringify(t).includes("lambda:invoke"));
    for (const [name, task] of lambdaTasks) {
      expect(task.Retry?.[0]?.ErrorEquals, name).toContain("Lambda.ServiceException");
    }
  });

  it("every non-terminal state leads somewhere and a failure ends in the alert", () => {
    for (const [name, state] of states) {
      if (["Succeed", "Fail"].includes(state.Type)) continue;
      expect(state.Next ?? state.Default ?? state.End, name).toBeDefined();
    }
    expect(definition.States.Alert?.Type).toBe("Task");
    expect(JSON.stringify(definition.States.Alert)).toContain("sns:publish");
  });
});

interface Retry {
  ErrorEquals: string[];
  IntervalSeconds: number;
  MaxAttempts: number;
  BackoffRate: number;
}

describe("round-calendar.asl.json", () => {
  const definition = JSON.parse(readFileSync(new URL("round-calendar.asl.json", dir), "utf8")) as {
    States: Record<string, Omit<State, "Retry"> & { Retry?: Retry[] }>;
  };

  it("retries a failing calendar step through an outage of a minute before its failure path", () => {
    const retry = definition.States.Advance?.Retry?.find((r) => r.ErrorEquals.includes("States.TaskFailed"));
    expect(retry).toBeDefined();
    const { IntervalSeconds, MaxAttempts, BackoffRate } = retry as NonNullable<typeof retry>;
    const waited = Array.from({ length: MaxAttempts }, (_, n) => IntervalSeconds * BackoffRate ** n);
    expect(waited.reduce((sum, seconds) => sum + seconds, 0)).toBeGreaterThanOrEqual(60);
    // Past the retries: the failure is recorded on the round, then alerted (the office resumes it).
    expect(definition.States.Advance?.Catch?.[0]?.Next).toBe("RecordFailure");
    expect(definition.States.RecordFailure?.Next).toBe("Alert");
  });
});
