import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { applicationKeys } from "../../functions/adapters/dynamodb/application-keys";
import { documentClient, tableName } from "../../functions/adapters/dynamodb/client";
import type { GenerationScope } from "../../functions/adapters/dynamodb/keys";
import { API_GATEWAY_TIMEOUT_SECONDS } from "../../functions/function-timeouts";
import type { Submission } from "./surge";

/** An application as the table holds it after the surge and the expiry sweep. */
export interface Stored {
  state: string;
  evidenceCount: number;
  submissions: { evidence: unknown[]; requestKey?: string; submittedAt: string }[];
  transitions: string[];
}

export async function readStored(scope: GenerationScope, applicationId: string): Promise<Stored> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: "PK = :pk",
        ExpressionAttributeValues: { ":pk": applicationKeys.partition(scope, applicationId) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  const sk = (item: Record<string, unknown>) => String(item.SK);
  const head = items.find((item) => sk(item) === "APPLICATION");
  return {
    state: String(head?.state ?? "(missing)"),
    evidenceCount: items.filter((item) => sk(item).startsWith("EVIDENCE#")).length,
    submissions: items.filter((item) => sk(item).startsWith("SUBMISSION#")) as Stored["submissions"],
    transitions: items
      .filter((item) => sk(item).startsWith("AUDIT#") && item.toState !== undefined)
      .map((item) => String(item.action)),
  };
}

export interface Invariant {
  name: string;
  held: boolean;
  /** Up to a few of the applications that broke it, with what was seen. */
  counterexamples: string[];
}

const SUBMITTED_STATES = new Set(["submitted"]);

function check(name: string, broken: string[]): Invariant {
  return { name, held: broken.length === 0, counterexamples: broken.slice(0, 5) };
}

/**
 * What must hold after deadline night, whatever the timing or the faults: checked per applicant over
 * the answers they got and the table, and for the unit over its list.
 */
export function checkInvariants(input: {
  deadline: Date;
  faults: boolean;
  submissions: Submission[];
  stored: Map<string, Stored>;
  unitList: Set<string>;
}): Invariant[] {
  const deadline = input.deadline.getTime();
  const broken = {
    answers: [] as string[],
    fast: [] as string[],
    finalAnswer: [] as string[],
    inTime: [] as string[],
    late: [] as string[],
    once: [] as string[],
    both: [] as string[],
    unit: [] as string[],
  };
  const allowed = (status: number, code: string, rule: string) =>
    status === 200 ||
    (status === 422 && code === "DEADLINE_PASSED" && rule.startsWith("R3")) ||
    (input.faults && status === 503 && code === "SERVICE_UNAVAILABLE");
  const submittedIds = new Set<string>();
  for (const submission of input.submissions) {
    const id = submission.draft.applicationId;
    const stored = input.stored.get(id);
    const final = submission.attempts.at(-1);
    for (const attempt of submission.attempts) {
      if (!allowed(attempt.status, attempt.code, attempt.rule)) {
        broken.answers.push(`${id}: ${attempt.status} ${attempt.code} ${attempt.rule}`);
      }
      if (attempt.status === 503 && attempt.retryAfter === null)
        broken.answers.push(`${id}: 503 without Retry-After`);
      if (attempt.ms > API_GATEWAY_TIMEOUT_SECONDS * 1000)
        broken.fast.push(`${id}: ${Math.round(attempt.ms)} ms`);
      // Answered before the deadline: it cannot have been refused for it.
      if (attempt.answeredAt < deadline && attempt.code === "DEADLINE_PASSED") {
        broken.inTime.push(`${id}: refused at ${new Date(attempt.answeredAt).toISOString()}`);
      }
    }
    if (!final || final.status === 503 || !stored) {
      broken.finalAnswer.push(`${id}: ${final ? `${final.status} ${final.code}` : "no answer"}`);
      continue;
    }
    const submitted = SUBMITTED_STATES.has(stored.state);
    if (submitted) submittedIds.add(id);
    const submits = stored.transitions.filter((action) => action === "submit").length;
    if (final.status === 200) {
      const [record] = stored.submissions;
      const pinned =
        record !== undefined && record.evidence.length === stored.evidenceCount && stored.evidenceCount > 0;
      if (!submitted || stored.submissions.length !== 1 || submits !== 1 || !pinned) {
        broken.once.push(
          `${id}: ${stored.state}, ${stored.submissions.length} submission records, ${submits} submit audit records, ` +
            `${record?.evidence.length ?? 0}/${stored.evidenceCount} evidence pinned`,
        );
      }
      // Accepted after the deadline only as the replay of an answer given in time.
      const first = submission.attempts[0];
      if (first && first.sentAt >= deadline && !(record && Date.parse(record.submittedAt) < deadline)) {
        broken.late.push(`${id}: sent after the deadline, accepted`);
      }
      if (record && record.requestKey !== undefined && record.requestKey !== submission.idempotencyKey) {
        broken.once.push(`${id}: the submission keeps another Idempotency-Key`);
      }
    } else {
      if (submitted || stored.submissions.length > 0 || submits > 0 || stored.state !== "expired") {
        broken.late.push(
          `${id}: refused, yet ${stored.state} with ${stored.submissions.length} submission records`,
        );
      }
    }
    if (stored.transitions.includes("submit") && stored.transitions.includes("expire")) {
      broken.both.push(`${id}: ${stored.transitions.join(" → ")}`);
    }
  }
  for (const id of submittedIds)
    if (!input.unitList.has(id)) broken.unit.push(`${id}: submitted, not on the unit's list`);
  const ours = new Set(input.submissions.map((submission) => submission.draft.applicationId));
  for (const id of input.unitList) {
    if (ours.has(id) && !submittedIds.has(id)) broken.unit.push(`${id}: on the unit's list, not submitted`);
  }
  return [
    check(
      "every answer is 200, 422 DEADLINE_PASSED naming R3" +
        (input.faults ? ", or 503 SERVICE_UNAVAILABLE with Retry-After" : ""),
      broken.answers,
    ),
    check(`every answer within API Gateway's ${API_GATEWAY_TIMEOUT_SECONDS} s`, broken.fast),
    check(
      "every applicant ends with an answer that is not 503 (retries with the same Idempotency-Key complete)",
      broken.finalAnswer,
    ),
    check("no request answered before the deadline is refused for it", broken.inTime),
    check(
      "every accepted submission is submitted exactly once: one submission record with its pins, one audit record",
      broken.once,
    ),
    check(
      "every late submission is refused with the deadline's rule and stays unsubmitted (expired by the sweep)",
      broken.late,
    ),
    check("no application is both expired and submitted", broken.both),
    check("the unit's list holds exactly the submitted applications", broken.unit),
  ];
}
