import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  SFNClient,
  StartExecutionCommand,
} from "@aws-sdk/client-sfn";

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
  /** Idempotent by name: a second start with the same name joins the first. */
  startReset(name: string, input: ResetExecutionInput): Promise<void>;
  resetStatus(name: string): Promise<ExecutionStatus>;
}

const sfn = new SFNClient({});

function resetStateMachineArn(): string {
  const arn = process.env.RESET_STATE_MACHINE_ARN;
  if (!arn) throw new Error("RESET_STATE_MACHINE_ARN is not set");
  return arn;
}

const stepFunctions: WorkflowExecutions = {
  async startReset(name, input) {
    try {
      await sfn.send(
        new StartExecutionCommand({
          stateMachineArn: resetStateMachineArn(),
          name,
          input: JSON.stringify(input),
        }),
      );
    } catch (error) {
      // Same name: the reset of that generation was started already, by a retry or a second click.
      if (!(error instanceof ExecutionAlreadyExists)) throw error;
    }
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
