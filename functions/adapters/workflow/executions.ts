import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";
import { clientSettings } from "../aws-clients";

/** Input of the reset state machine (statemachines/reset.asl.json); every field present, as it reads them. */
export interface ResetExecutionInput {
  roundId: string;
  expectedGeneration: number;
  requestedBy: string;
  scheduled: boolean;
  confirmRoundId: string | null;
}

export type ExecutionStatus = "absent" | "running" | "succeeded" | "failed";

/** Starts and inspects workflow executions: Step Functions in AWS, the in-process runner locally. */
export interface WorkflowExecutions {
  /** The round's calendar, once per round: a second start (a retried creation) joins the first. */
  startCalendar(roundId: string): Promise<void>;
  /** Idempotent by name: a second start with the same name joins the first. */
  startReset(name: string, input: ResetExecutionInput): Promise<void>;
  resetStatus(name: string): Promise<ExecutionStatus>;
}

const sfn = new SFNClient(clientSettings("stepFunctions"));

function stateMachineArn(variable: "RESET_STATE_MACHINE_ARN" | "ROUND_CALENDAR_STATE_MACHINE_ARN"): string {
  const arn = process.env[variable];
  if (!arn) throw new Error(`${variable} is not set`);
  return arn;
}

const resetStateMachineArn = () => stateMachineArn("RESET_STATE_MACHINE_ARN");

/** Step Functions refuses a second execution of the same name: that is what makes a start happen once. */
async function startOnce(arn: string, name: string, input: unknown): Promise<void> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }));
  } catch (error) {
    // Same name: started already, by a retry or a second click.
    if (!(error instanceof ExecutionAlreadyExists)) throw error;
  }
}

const stepFunctions: WorkflowExecutions = {
  async startCalendar(roundId) {
    await startOnce(stateMachineArn("ROUND_CALENDAR_STATE_MACHINE_ARN"), calendarExecutionName(roundId), {
      roundId,
    });
  },

  async startReset(name, input) {
    await startOnce(resetStateMachineArn(), name, input);
  },

  async resetStatus(name) {
    const executionArn = `${resetStateMachineArn().replace(":stateMachine:", ":execution:")}:${name}`;
    try {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (status === "RUNNING" || status === "PENDING_REDRIVE") return "running";
      return status === "SUCCEEDED" ? "succeeded" : "failed";
    } catch (error) {
      if (error instanceof ExecutionDoesNotExist) return "absent";
      throw error;
    }
  },
};

let installed: WorkflowExecutions = stepFunctions;

export function workflowExecutions(): WorkflowExecutions {
  return installed;
}

/** The local runtime runs the same ASL files in-process and installs its runner here. */
export function installWorkflowExecutions(replacement: WorkflowExecutions): void {
  installed = replacement;
}

/**
 * One execution per round, generation and attempt: the name makes a double start a no-op, and a
 * purge that failed is resumed under the next attempt's name.
 */
export function resetExecutionName(roundId: string, fromGeneration: number, attempt: number): string {
  return `reset-${roundId}-g${fromGeneration}${attempt > 0 ? `-a${attempt}` : ""}`;
}

/** One calendar execution per round (R3.4): the name is the round's. */
export function calendarExecutionName(roundId: string): string {
  return `calendar-${roundId}`;
}
