import { calendarWorkflowRepository } from "../adapters/dynamodb/calendar-workflow-repository";
import { type RoundRecord, roundRepository } from "../adapters/dynamodb/round-repository";
import {
  calendarExecutionName,
  type ExecutionStatus,
  workflowExecutions,
} from "../adapters/workflow/executions";
import { DomainError } from "../core/errors";

/** Where the office resumes a round's calendar (the route of functions/http/routes/rounds.ts). */
const resumePath = (roundId: string) => `/admin/rounds/${roundId}/calendar-resumptions`;

export interface CalendarWorkflowState {
  execution: string;
  status: ExecutionStatus;
  failure?: { at?: string; error: string; reason: string };
  resume?: { method: "POST"; path: string; body: { failedExecution: string }; note: string };
}

function failureOf(round: RoundRecord, execution: string, status: ExecutionStatus) {
  const recorded = round.calendarFailure?.execution === execution ? round.calendarFailure : undefined;
  if (recorded) {
    return {
      at: recorded.at,
      error: recorded.error,
      reason: recorded.serviceUnavailable
        ? "日程流程的一个步骤在多次重试后仍未完成：数据服务暂时不可用。服务恢复后即可恢复日程流程。"
        : "日程流程的一个步骤在多次重试后仍然出错，请技术人员按告警查明原因后恢复日程流程。",
    };
  }
  // The failure path could not write its record (the table itself was out of reach): the alert says why.
  if (status === "failed") {
    return {
      error: "RoundCalendarFailed",
      reason: "日程流程已失败，失败原因见告警。服务恢复后即可恢复日程流程。",
    };
  }
  return undefined;
}

/**
 * The calendar workflow as the office sees it on the round (R3): its execution, whether it runs, what
 * failed, and the request that resumes it. A resumption performs what is due then, once: each step
 * checks what the round has recorded and writes conditionally.
 */
export async function calendarWorkflowOf(round: RoundRecord): Promise<CalendarWorkflowState> {
  const execution = calendarExecutionName(round.roundId, round.calendarAttempt);
  const status = await workflowExecutions().calendarStatus(execution);
  const failure = failureOf(round, execution, status);
  // Absent: the attempt was recorded but its start was lost (or the local runtime restarted).
  const resumable = failure !== undefined || status === "absent";
  return {
    execution,
    status,
    ...(failure ? { failure } : {}),
    ...(resumable
      ? {
          resume: {
            method: "POST" as const,
            path: resumePath(round.roundId),
            body: { failedExecution: execution },
            note: "恢复后，日程流程从当前时刻应办理的事项继续办理（开放阶段、截止处理），已办理的不会重复。",
          },
        }
      : {}),
  };
}

function notFailed(execution: string, status: ExecutionStatus): DomainError {
  const label = { running: "运行中", succeeded: "已完成", failed: "已失败", absent: "未启动" }[status];
  return new DomainError(
    "CALENDAR_NOT_FAILED",
    `该轮次日程流程当前的执行“${execution}”${label}，没有需要恢复的失败；请刷新轮次信息后再操作。`,
    { fields: [{ path: "body.failedExecution", message: "不是当前失败的执行" }] },
  );
}

export interface CalendarResumed {
  roundId: string;
  execution: string;
  /** False when another request resumed it first: this one joined that execution. */
  resumed: boolean;
}

/**
 * Resumes the round's calendar after a failure, under the next attempt's execution name (Step Functions
 * keeps a used name for 90 days). The request names the execution it saw fail: a second click, or a
 * second office user, finds it resumed already and joins the new execution.
 */
export async function resumeCalendar(
  round: RoundRecord,
  failedExecution: string,
  actor: string,
  now: Date,
): Promise<CalendarResumed> {
  const { roundId } = round;
  const current = calendarExecutionName(roundId, round.calendarAttempt);
  const executions = workflowExecutions();
  if (failedExecution !== current) {
    const earlier = Array.from({ length: round.calendarAttempt }, (_, attempt) =>
      calendarExecutionName(roundId, attempt),
    );
    if (earlier.includes(failedExecution)) return { roundId, execution: current, resumed: false };
    throw notFailed(current, await executions.calendarStatus(current));
  }
  const status = await executions.calendarStatus(current);
  if (status === "absent") {
    await executions.startCalendar(roundId, round.calendarAttempt);
    return { roundId, execution: current, resumed: true };
  }
  if (failureOf(round, current, status) === undefined) throw notFailed(current, status);
  if (await calendarWorkflowRepository.nextAttempt(roundId, round.calendarAttempt, actor, now)) {
    await executions.startCalendar(roundId, round.calendarAttempt + 1);
    return { roundId, execution: calendarExecutionName(roundId, round.calendarAttempt + 1), resumed: true };
  }
  const moved = await roundRepository.get(roundId);
  return {
    roundId,
    execution: calendarExecutionName(roundId, moved?.calendarAttempt ?? round.calendarAttempt + 1),
    resumed: false,
  };
}
