import { GetCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { LocalSystem } from "../../infra/local/system";
import { type Client, client, startTestSystem } from "../support/local-system";
import { until } from "../support/refusals";

let system: LocalSystem;
let api: Client;

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
});
afterAll(async () => {
  await system?.stop();
});

interface CalendarWorkflow {
  execution: string;
  status: string;
  failure?: { at?: string; error: string; reason: string };
  resume?: { method: string; path: string; body: { failedExecution: string }; note: string };
}

interface AdminRoundState {
  generation: number;
  openedPhases: string[];
  calendarWorkflow: CalendarWorkflow;
}

const ROUND_KEY = { PK: "ROUND#2024", SK: "ROUND" };

async function adminRound(token: string): Promise<AdminRoundState> {
  const response = await api.get("/admin/rounds/2024", token);
  expect(response.status).toBe(200);
  return (await response.json()) as AdminRoundState;
}

async function roundAudit(): Promise<{ action: string; detail: Record<string, unknown> }[]> {
  const { Items = [] } = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": "AUDIT#ROUND#2024" },
    }),
  );
  return Items as { action: string; detail: Record<string, unknown> }[];
}

const resume = (failedExecution: string, token: string) =>
  api.send("POST", "/admin/rounds/2024/calendar-resumptions", { failedExecution }, token);

describe("a calendar workflow that fails past its retries (R3, DESIGN.md §8)", () => {
  let calendar: unknown;

  it("reaches the failure path, which records the failure on the round", async () => {
    const office = await api.login("office-admin");
    await until("preparation to open", async () =>
      (await adminRound(office)).openedPhases.includes("preparation"),
    );
    const stored = await documentClient.send(
      new GetCommand({ TableName: process.env.TABLE_NAME, Key: ROUND_KEY }),
    );
    calendar = stored.Item?.calendar;
    expect(calendar).toBeDefined();
    // Data the calendar step cannot read: every retry fails the same way.
    await documentClient.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: ROUND_KEY,
        UpdateExpression: "SET calendar = :broken",
        ExpressionAttributeValues: { ":broken": { applicationStart: "not a date" } },
      }),
    );
    await until(
      "the calendar execution to fail",
      async () => system.workflows.statusOf("calendar-2024") === "failed",
    );
    const failures = (await roundAudit()).filter((entry) => entry.action === "workflow_failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.detail).toMatchObject({ workflow: "round-calendar", execution: "calendar-2024" });
  });

  it("while failed nothing that falls due is performed, and the office's view says why and how to resume", async () => {
    // The reset and the application window fall due while the calendar is down.
    await api.send("POST", "/dev/clock", { at: "2024-09-11T00:00:05+08:00", frozen: true });
    await documentClient.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: ROUND_KEY,
        UpdateExpression: "SET calendar = :calendar",
        ExpressionAttributeValues: { ":calendar": calendar },
      }),
    );
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 1200));
    const office = await api.login("office-admin");
    const round = await adminRound(office);
    expect(round.generation).toBe(1);
    expect(round.openedPhases).not.toContain("application");
    expect(round.calendarWorkflow).toMatchObject({
      execution: "calendar-2024",
      status: "failed",
      resume: {
        method: "POST",
        path: "/admin/rounds/2024/calendar-resumptions",
        body: { failedExecution: "calendar-2024" },
      },
    });
    expect(round.calendarWorkflow.failure?.error).not.toBe("");
    expect(round.calendarWorkflow.failure?.at).toMatch(/^2024-/);
    // An error in the data, not an outage: the operators are asked to look first.
    expect(round.calendarWorkflow.failure?.reason).toContain("技术人员");
  });

  it("refuses to resume an execution that is not the failed one", async () => {
    const office = await api.login("office-admin");
    const refused = await resume("calendar-2024-r7", office);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "CALENDAR_NOT_FAILED" });
    const bad = await resume("reset-2024-g1", office);
    expect(bad.status).toBe(400);
    expect((await adminRound(office)).calendarWorkflow.execution).toBe("calendar-2024");
  });

  it("is resumed by the office only, and a double click resumes once", async () => {
    const unitAdmin = await api.login("unit-admin");
    expect((await resume("calendar-2024", unitAdmin)).status).toBe(403);

    const office = await api.login("office-admin");
    const answers = await Promise.all([resume("calendar-2024", office), resume("calendar-2024", office)]);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as {
      execution: string;
      resumed: boolean;
    }[];
    expect(bodies.map((body) => body.execution)).toEqual(["calendar-2024-r1", "calendar-2024-r1"]);
    expect(bodies.map((body) => body.resumed).sort()).toEqual([false, true]);
  });

  it("the resumed calendar performs what fell due, exactly once", async () => {
    const office = await api.login("office-admin");
    await until("the application window", async () =>
      (await adminRound(office)).openedPhases.includes("application"),
    );
    // Let the resumed execution tick a few more times: nothing may run again.
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 1500));
    const after = await adminRound(office);
    expect(after.generation).toBe(2);
    expect(after.openedPhases.filter((phase) => phase === "application")).toHaveLength(1);
    expect(after.calendarWorkflow).toEqual({ execution: "calendar-2024-r1", status: "running" });

    const { resets } = (await (await api.get("/admin/rounds/2024/resets", office)).json()) as {
      resets: unknown[];
    };
    expect(resets).toHaveLength(1);
    const audit = await roundAudit();
    expect(audit.filter((entry) => entry.action === "resume_calendar")).toHaveLength(1);
    expect(audit.filter((entry) => entry.action === "workflow_failed")).toHaveLength(1);
    // The failed execution's name, clicked again later, joins the running one.
    const late = await resume("calendar-2024", office);
    expect(late.status).toBe(202);
    expect(await late.json()).toMatchObject({ execution: "calendar-2024-r1", resumed: false });
  });
});
