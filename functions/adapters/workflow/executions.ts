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
  /**
   * The round's calendar, once per round and attempt (calendarExecutionName): a second start (a retried
   * creation, a double click on resume) joins the first.
   */
  startCalendar(roundId: string, attempt: number): Promise<void>;
  calendarStatus(name: string): Promise<ExecutionStatus>;
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
const calendarStateMachineArn = () => stateMachineArn("ROUND_CALENDAR_STATE_MACHINE_ARN");

async function statusOf(stateMachine: string, name: string): Promise<ExecutionStatus> {
  const executionArn = `${stateMachine.replace(":stateMachine:", ":execution:")}:${name}`;
  try {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status === "RUNNING" || status === "PENDING_REDRIVE") return "running";
    return status === "SUCCEEDED" ? "succeeded" : "failed";
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return "absent";
    throw error;
  }
}

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
  async startCalendar(roundId, attempt) {
    await startOnce(calendarStateMachineArn(), calendarExecutionName(roundId, attempt), { roundId });
  },

  calendarStatus: (name) => statusOf(calendarStateMachineArn(), name),

  async startReset(name, input) {
    await startOnce(resetStateMachineArn(), name, input);
  },

  resetStatus: (name) => statusOf(resetStateMachineArn(), name),
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

/**
 * One calendar execution per round (R3.4) and attempt: the first is named after the round; a resumption
 * after a failure runs under the next attempt's name, as Step Functions keeps a used name for 90 days.
 */
export function calendarExecutionName(roundId: string, attempt: number): string {
  return `calendar-${roundId}${attempt > 0 ? `-r${attempt}` : ""}`;
}
