import type { ActorRef, ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import { appraisalRepository, type RecordedAssignment } from "../adapters/dynamodb/appraisal-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import {
  type AppraisalOutcome,
  type AppraisalPassRule,
  type AppraisalVerdict,
  appraisalOutcome,
} from "../core/committee";
import { DomainError } from "../core/errors";
import { type LifecycleContext, STATE_LABELS } from "../core/lifecycle";

/** How a pass rule reads to the people it decides for. */
export function passRuleText(rule: AppraisalPassRule): string {
  if (rule.kind === "majority") return "过半数鉴定专家通过";
  if (rule.kind === "unanimous") return "全体鉴定专家通过";
  return `至少${rule.passes}名鉴定专家通过`;
}

/** The reason a failed appraisal records (R4.4): the count, never who voted how. */
export function failureReason(outcome: AppraisalOutcome, rule: AppraisalPassRule): string {
  const experts = outcome.passes + outcome.fails + outcome.pending;
  const pending = outcome.pending > 0 ? `、${outcome.pending}名尚未提交` : "";
  return `论文鉴定未通过：${experts}名鉴定专家中${outcome.passes}名通过、${outcome.fails}名不通过${pending}，未达到“${passRuleText(rule)}”的要求`;
}

/** Concurrent verdicts on one application are serialised by its version: the loser reads again. */
const ATTEMPTS = 3;
const RETRIED = new Set(["STALE_VERSION", "CONCURRENT_UPDATE"]);

/** A short random pause, so that verdicts that collided do not collide again on their retry. */
function pause(): Promise<void> {
  return new Promise((resolvePause) => setTimeout(resolvePause, 20 + Math.random() * 60));
}

function notAssigned(): DomainError {
  return new DomainError("NOT_FOUND", "未找到该记录，或您无权查看。");
}

export interface VerdictInput {
  scope: GenerationScope;
  applicationId: string;
  expert: ActorRef;
  verdict: AppraisalVerdict;
  comments: string;
  /** Clock and calendar; the reason of a failed appraisal is worked out here. */
  context: LifecycleContext;
}

async function attempt(input: VerdictInput) {
  const { scope, applicationId, expert, context } = input;
  const [application, assignments] = await Promise.all([
    applicationRepository.get(scope, applicationId),
    appraisalRepository.assignments(scope, applicationId),
  ]);
  const mine = assignments.find((assignment) => assignment.expertId === expert.id);
  if (!application?.appraisal || !mine) throw notAssigned();
  if (mine.verdict) {
    throw new DomainError("VERDICT_ALREADY_RECORDED", "您已提交过该申报的鉴定意见，鉴定意见提交后不能更改。");
  }
  if (application.state !== "appraisal") {
    throw new DomainError(
      "APPRAISAL_CLOSED",
      `该申报当前状态为“${STATE_LABELS[application.state]}”，论文鉴定已结束，不能再提交鉴定意见。`,
    );
  }
  const recorded: RecordedAssignment = {
    ...mine,
    verdict: input.verdict,
    comments: input.comments,
    recordedAt: context.now.toISOString(),
  };
  const { appraisal } = application;
  const verdictOf = (expertId: string) =>
    expertId === expert.id
      ? input.verdict
      : assignments.find((assignment) => assignment.expertId === expertId)?.verdict;
  const outcome = appraisalOutcome(appraisal.experts.map(verdictOf), appraisal.passRule);
  const decided = {
    passed: outcome.passed,
    passes: outcome.passes,
    fails: outcome.fails,
    decidedAt: recorded.recordedAt,
  };
  const saved = await appraisalRepository.recordVerdict({
    application,
    assignment: recorded,
    actor: expert,
    at: context.now,
    // Every assigned expert gives a verdict and comments (R4.4); the outcome is counted once all are in,
    // so an expert's appraisal is never cut short by the others'.
    ...(outcome.pending === 0
      ? {
          decides: {
            action: outcome.passed ? "pass_appraisal" : "fail_appraisal",
            context: outcome.passed
              ? context
              : { ...context, reason: failureReason(outcome, appraisal.passRule) },
            facts: { appraisal: { ...appraisal, outcome: decided } },
            detail: { verdict: input.verdict, passes: outcome.passes, fails: outcome.fails },
          },
        }
      : {}),
  });
  return { application: saved, assignment: recorded };
}

/**
 * R4.4: one verdict per assigned expert, with comments, while the appraisal is open. The last verdict
 * decides the outcome under the pass rule and moves the application to `appraisal_passed` or
 * `appraisal_failed` in the same transaction; verdicts that arrive together are retried in turn.
 */
export async function recordAppraisalVerdict(
  input: VerdictInput,
): Promise<{ application: ApplicationRecord; assignment: RecordedAssignment }> {
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt(input);
    } catch (error) {
      const retry = error instanceof DomainError && RETRIED.has(error.code) && tried < ATTEMPTS;
      if (!retry) throw error;
      await pause();
    }
  }
}
