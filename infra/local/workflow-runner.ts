import { readFileSync } from "node:fs";
import { StateMachine } from "aws-local-stepfunctions";
import {
  calendarExecutionName,
  type ExecutionStatus,
  type ResetExecutionInput,
  type WorkflowExecutions,
} from "../../functions/adapters/workflow/executions";
import { invokeFunction } from "./lambda-host";

type Json = Parameters<StateMachine["run"]>[0];

const SUBSTITUTIONS: Record<string, string> = {
  WorkflowFunctionArn: "arn:aws:lambda:cn-northwest-1:000000000000:function:local-workflow",
  AlertTopicArn: "arn:aws:sns:cn-northwest-1:000000000000:local-workflow-alerts",
};

/** The same ASL file CDK deploys, with the same `${…}` substitutions filled in. */
function loadDefinition(file: string) {
  const text = readFileSync(new URL(`../../statemachines/${file}`, import.meta.url), "utf8").replace(
    /\$\{(\w+)\}/g,
    (_, name: string) => SUBSTITUTIONS[name] ?? `\${${name}}`,
  );
  return new StateMachine(JSON.parse(text));
}

/** `lambda:invoke` answers `{ Payload }`; the ASL's ResultSelector reads it from there. */
async function invokeWorkflow(parameters: Json): Promise<Json> {
  const payload = (parameters as { Payload: unknown }).Payload;
  return { StatusCode: 200, Payload: (await invokeFunction("workflow", payload)) as Json };
}

const alert = (input: Json): Json => {
  // Locally the SNS alert is a log line.
  console.error(`[workflow alert] ${(input as { Message?: string }).Message ?? JSON.stringify(input)}`);
  return { MessageId: "local" };
};

/**
 * Runs the round calendar and reset state machines in-process with aws-local-stepfunctions. Tasks
 * call the same workflow handler Lambda runs; the calendar's wait is shortened to a poll, so moving
 * the virtual clock past a boundary takes effect within a second.
 */
export class LocalWorkflowRunner implements WorkflowExecutions {
  private readonly calendar = loadDefinition("round-calendar.asl.json");
  private readonly reset = loadDefinition("reset.asl.json");
  private readonly executions = new Map<
    string,
    { result: Promise<unknown>; abort: () => void; status: ExecutionStatus }
  >();
  private readonly retryFast = {
    Advance: 200,
    Begin: 200,
    PurgeBatch: 200,
    Finish: 200,
    RecordFailure: 200,
    Alert: 200,
  };

  constructor(private readonly pollMs = 500) {}

  /** One calendar execution per round and attempt, as in AWS; a second start joins the running one. */
  async startCalendar(roundId: string, attempt: number): Promise<void> {
    // A failed calendar is logged and alerted by the runner; the API keeps serving.
    this.start(calendarExecutionName(roundId, attempt), () =>
      this.calendar.run({ roundId } as Json, {
        overrides: {
          taskResourceLocalHandlers: { Advance: invokeWorkflow, RecordFailure: invokeWorkflow, Alert: alert },
          waitTimeOverrides: { WaitForNextBoundary: this.pollMs },
          retryIntervalOverrides: this.retryFast,
        },
      }),
    ).catch(() => undefined);
  }

  async startReset(name: string, input: ResetExecutionInput): Promise<void> {
    void this.start(name, () =>
      this.reset.run(input as unknown as Json, {
        overrides: {
          taskResourceLocalHandlers: {
            Begin: invokeWorkflow,
            PurgeBatch: invokeWorkflow,
            Finish: invokeWorkflow,
            RecordFailure: invokeWorkflow,
            Alert: alert,
          },
          retryIntervalOverrides: this.retryFast,
        },
      }),
    ).catch(() => undefined);
  }

  async resetStatus(name: string): Promise<ExecutionStatus> {
    return this.statusOf(name);
  }

  async calendarStatus(name: string): Promise<ExecutionStatus> {
    return this.statusOf(name);
  }

  /** Any execution by its name: the calendar's too. */
  statusOf(name: string): ExecutionStatus {
    return this.executions.get(name)?.status ?? "absent";
  }

  stop(): void {
    for (const execution of this.executions.values()) execution.abort();
  }

  private start(name: string, run: () => { result: Promise<unknown>; abort: () => void }): Promise<unknown> {
    const existing = this.executions.get(name);
    if (existing) return existing.result;
    const execution = run();
    const entry = { result: execution.result, abort: execution.abort, status: "running" as ExecutionStatus };
    entry.result = execution.result.then(
      (output) => {
        entry.status = "succeeded";
        return output;
      },
      (error: unknown) => {
        entry.status = "failed";
        if ((error as Error).name !== "ExecutionAbortedError")
          console.error(`[workflow] ${name} failed:`, error);
        throw error;
      },
    );
    this.executions.set(name, entry);
    return entry.result;
  }
}
