import type { VirtualClock } from "../../infra/local/virtual-clock";
import type { Api } from "../http/api";
import { type Draft, submitRequest } from "../http/applicant-journey";
import { seededRandom } from "../stats";

/** One HTTP attempt of a submission, timed in wall milliseconds and placed on the virtual clock. */
export interface Attempt {
  sentAt: number;
  answeredAt: number;
  ms: number;
  status: number;
  code: string;
  rule: string;
  retryAfter: string | null;
}

export interface Submission {
  draft: Draft;
  idempotencyKey: string;
  /** When the applicant presses submit, relative to the deadline (ms, virtual clock). */
  offsetMs: number;
  attempts: Attempt[];
}

export interface SurgePlan {
  deadline: Date;
  /** Offsets are drawn uniformly from [-before, +after] around the deadline. */
  beforeMs: number;
  afterMs: number;
  /** A 503 is retried with the same Idempotency-Key after its Retry-After, at most this often. */
  maxAttempts: number;
}

const sleep = (ms: number) => new Promise((resolveDelay) => setTimeout(resolveDelay, Math.max(0, ms)));

async function attempt(api: Api, clock: VirtualClock, submission: Submission): Promise<Attempt> {
  const sentAt = clock.now().getTime();
  const start = performance.now();
  const response = await api.raw(submitRequest(submission.draft, submission.idempotencyKey));
  const text = await response.text();
  const ms = performance.now() - start;
  let body: { code?: string; rule?: string } = {};
  try {
    body = text ? (JSON.parse(text) as typeof body) : {};
  } catch {
    // Not JSON: counted under its status with no code, and the invariants reject it.
  }
  return {
    sentAt,
    answeredAt: clock.now().getTime(),
    ms,
    status: response.status,
    code: response.status < 300 ? "" : (body.code ?? "(no code)"),
    rule: body.rule ?? "",
    retryAfter: response.headers.get("retry-after"),
  };
}

/** The submit of one applicant at its moment, retried as a browser told "retry after n s" would. */
async function submitAtItsMoment(api: Api, clock: VirtualClock, plan: SurgePlan, submission: Submission) {
  await sleep(plan.deadline.getTime() + submission.offsetMs - clock.now().getTime());
  for (let n = 0; n < plan.maxAttempts; n += 1) {
    const answered = await attempt(api, clock, submission);
    submission.attempts.push(answered);
    if (answered.status !== 503) return;
    await sleep(Math.min(Number(answered.retryAfter ?? "5"), 5) * 1000);
  }
}

/**
 * Every draft submitted at a seeded random moment around the deadline, all at once: the virtual clock
 * runs at wall speed, so a moment on it is a moment in time.
 */
export async function runSurge(api: Api, clock: VirtualClock, drafts: Draft[], plan: SurgePlan) {
  const random = seededRandom(2024_10_21);
  const submissions: Submission[] = drafts.map((draft, index) => ({
    draft,
    idempotencyKey: `load-${index}-${draft.applicationId}`,
    offsetMs: Math.round(-plan.beforeMs + random() * (plan.beforeMs + plan.afterMs)),
    attempts: [],
  }));
  await Promise.all(submissions.map((submission) => submitAtItsMoment(api, clock, plan, submission)));
  return submissions;
}
