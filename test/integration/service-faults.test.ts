import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import type { ChildService } from "../../infra/local/child-service";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local";
import { startS3Local } from "../../infra/local/s3-local";
import { type LocalSystem, startLocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  applicationPath,
  createApplication,
  fillApplication,
  json,
  listEvidence,
  objectKeys,
  postFile,
  registerApplicant,
  requestUpload,
  setClock,
  type UploadTicket,
  untilOpen,
  uploadEverythingMissing,
} from "../support/applicant";
import { makePng } from "../support/evidence-files";
import { type Client, client } from "../support/local-system";
import { until } from "../support/refusals";

/**
 * DynamoDB Local and the local S3 server of this file's own, in processes that the faults really stall
 * (SIGSTOP) or stop: the suite's shared emulators serve other files meanwhile.
 */
let dir: string;
let dynamodb: ChildService;
let s3: ChildService;
let system: LocalSystem;
let api: Client;
let token: string;
let applicationId: string;
const environment = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "title-review-faults-"));
  [dynamodb, s3] = await Promise.all([startDynamoDbLocal(), startS3Local({ dataDir: join(dir, "s3") })]);
  system = await startLocalSystem({
    dataDir: join(dir, "local"),
    fresh: true,
    port: 0,
    endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint },
  });
  api = client(system);
  await setClock(api, "2024-09-11T00:00:00+08:00");
  await untilOpen(api, "application");
  await setClock(api, "2024-10-15T10:00:00+08:00");
  const applicant = await registerApplicant(api, "fault-applicant");
  token = await api.login(applicant.username, APPLICANT_PASSWORD);
  const created = await createApplication(api, token, applicant);
  applicationId = created.applicationId;
  await fillApplication(api, token, applicant, created);
}, 120_000);

afterAll(async () => {
  await system?.stop();
  await Promise.all([dynamodb?.stop(), s3?.stop()]);
  rmSync(dir, { recursive: true, force: true });
  // This worker runs other files next: they must find the suite's emulators again.
  for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
  Object.assign(process.env, environment);
});

interface Answered {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
}

async function answered(response: Promise<Response>): Promise<Answered> {
  const received = await response;
  return {
    status: received.status,
    retryAfter: received.headers.get("retry-after"),
    body: (await received.json()) as Record<string, unknown>,
  };
}

/** What a person must get from a stalled service: 503, when to come back, a Chinese sentence, nothing else. */
function expectUnavailable(answer: Answered, what: string): void {
  expect(answer.status, what).toBe(503);
  expect(answer.retryAfter, what).toBe("5");
  expect(Object.keys(answer.body).sort(), what).toEqual(["code", "message", "requestId"]);
  expect(answer.body.code, what).toBe("SERVICE_UNAVAILABLE");
  expect(String(answer.body.message), what).toMatch(/^\p{Script=Han}.*请在5秒后重试/u);
}

const submit = (key: string, expectedVersion: number, id = applicationId, as = token) =>
  fetch(`${system.url}${applicationPath(id, "/submit")}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${as}`,
      "idempotency-key": key,
    },
    body: JSON.stringify({ expectedVersion }),
  });

const complete = (evidenceId: string) =>
  api.send("POST", applicationPath(applicationId, `/evidence/${evidenceId}/complete`), undefined, token);

/** The application's partition as stored, read after the fault: what a half-written change would show. */
async function stored(id = applicationId) {
  const found = await documentClient.send(
    new QueryCommand({
      TableName: process.env.TABLE_NAME,
      KeyConditionExpression: "PK = :pk",
      ExpressionAttributeValues: { ":pk": `ROUND#2024#G2#APP#${id}` },
      ConsistentRead: true,
    }),
  );
  const items = found.Items ?? [];
  const head = items.find((item) => item.SK === "APPLICATION") ?? {};
  const events = items.filter((item) => String(item.SK).startsWith("AUDIT#"));
  return {
    state: head.state as string,
    version: head.version as number,
    submissions: head.submissions as number,
    submissionRecords: items.filter((item) => String(item.SK).startsWith("SUBMISSION#")).length,
    submitEvents: events.filter((event) => event.action === "submit").length,
    // Every change of the head writes its audit record under the version it made, in one transaction.
    versionsWithoutRecord: Array.from({ length: head.version as number }, (_, i) => i + 1).filter(
      (version) => !events.some((event) => Number(String(event.SK).split("#")[2]) === version),
    ),
  };
}

describe("faults survived: a stalled or stopped service answers 503, writes nothing half, and a retry completes once", () => {
  it("S3 stalled during a completion, then stopped: 503 each time; the upload stays pending; once back, it completes once", async () => {
    const photo = makePng();
    const ticket = await json<UploadTicket>(
      await requestUpload(api, token, applicationId, {
        slotId: "id_photo",
        contentType: "image/png",
        size: photo.length,
      }),
      201,
    );
    await postFile(ticket, photo);
    const { evidenceId } = ticket.evidence;

    // In flight when S3 stops answering: the client's idle timeout ends each attempt.
    const stalled = complete(evidenceId);
    s3.pause();
    expectUnavailable(await answered(stalled), "completion in flight while S3 stalls");
    s3.resume();
    await s3.stop();
    expectUnavailable(await answered(complete(evidenceId)), "completion while S3 is stopped");

    expect((await listEvidence(api, token, applicationId)).map((item) => item.status)).toEqual(["pending"]);
    s3 = await startS3Local({ dataDir: join(dir, "s3"), port: Number(new URL(s3.endpoint).port) });
    expect(await objectKeys(`verified/rounds/2024/g2/applications/${applicationId}/`)).toEqual([]);

    const completed = await json<{ status: string }>(await complete(evidenceId), 200);
    expect(completed.status).toBe("verified");
    expect(await objectKeys(`verified/rounds/2024/g2/applications/${applicationId}/`)).toHaveLength(1);
    expect(await objectKeys(`incoming/rounds/2024/g2/applications/${applicationId}/`)).toEqual([]);
    expect((await listEvidence(api, token, applicationId)).map((item) => item.status)).toEqual(["verified"]);
  }, 120_000);

  it("DynamoDB paused under a submission: in-flight and new requests 503; no half state; the same key then submits exactly once", async () => {
    await uploadEverythingMissing(api, token, applicationId);
    const { version } = await json<{ version: number }>(
      await api.get(applicationPath(applicationId), token),
      200,
    );
    const key = "fault-submit-0001";

    const inFlight = answered(submit(key, version));
    dynamodb.pause();
    const [first, read, sameKey] = await Promise.all([
      inFlight,
      answered(api.get(applicationPath(applicationId), token)),
      answered(submit(key, version)),
    ]);
    dynamodb.resume();
    expectUnavailable(first, "the submission in flight");
    expectUnavailable(read, "a read during the pause");
    expectUnavailable(sameKey, "the same submission again during the pause");

    // Whatever reached the table before it stalled is whole: state, records and audit go together.
    const during = await stored();
    expect(during.versionsWithoutRecord).toEqual([]);
    expect([during.submissionRecords, during.submitEvents]).toEqual([during.submissions, during.submissions]);
    expect(during.state).toBe(during.submissions === 0 ? "draft" : "submitted");

    // The interrupted attempt may still hold the key (409 REQUEST_IN_PROGRESS) until its time is up.
    let retried: Answered | undefined;
    await until(
      "the retry with the same key to complete",
      async () => {
        retried = await answered(submit(key, version));
        return retried.status !== 503 && retried.body.code !== "REQUEST_IN_PROGRESS";
      },
      60_000,
    );
    expect(retried?.status).toBe(200);
    expect(retried?.body).toMatchObject({ state: "submitted", submission: 1 });

    const after = await stored();
    expect(after).toMatchObject({
      state: "submitted",
      submissions: 1,
      submissionRecords: 1,
      submitEvents: 1,
    });
    expect(after.versionsWithoutRecord).toEqual([]);
    // And once more: the first answer again, nothing written.
    const again = await answered(submit(key, version));
    expect(again.status).toBe(200);
    expect(again.body.submittedAt).toBe(retried?.body.submittedAt);
    expect(await stored()).toEqual(after);
  }, 150_000);

  it("a submission whose write reached the table but whose answer was lost: 503, then the same key answers that submission", async () => {
    const applicant = await registerApplicant(api, "fault-lost-answer");
    const own = await api.login(applicant.username, APPLICANT_PASSWORD);
    const created = await createApplication(api, own, applicant);
    await fillApplication(api, own, applicant, created);
    await uploadEverythingMissing(api, own, created.applicationId);
    const { version } = await json<{ version: number }>(
      await api.get(applicationPath(created.applicationId), own),
      200,
    );
    // What no emulator does on cue: the transaction commits, then the answer times out on its way back.
    let lose = true;
    const loseAnswer = (next: (args: unknown) => Promise<unknown>) => async (args: { input?: object }) => {
      const result = await next(args);
      if (lose && args.input && "TransactItems" in args.input) {
        lose = false;
        throw Object.assign(new Error("socket timed out"), { name: "TimeoutError" });
      }
      return result;
    };
    documentClient.middlewareStack.add(loseAnswer as never, {
      step: "initialize",
      name: "loseAnswerForTest",
    });
    try {
      expectUnavailable(
        await answered(submit("lost-answer-0001", version, created.applicationId, own)),
        "lost",
      );
    } finally {
      documentClient.middlewareStack.remove("loseAnswerForTest");
    }
    expect(lose).toBe(false);
    expect(await stored(created.applicationId)).toMatchObject({ state: "submitted", submissionRecords: 1 });

    // The retry finds its own submission by the key: the answer, not STALE_VERSION; nothing written twice.
    const retried = await answered(submit("lost-answer-0001", version, created.applicationId, own));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: "submitted", submission: 1, version: version + 1 });
    expect(await stored(created.applicationId)).toMatchObject({
      submissions: 1,
      submissionRecords: 1,
      submitEvents: 1,
      versionsWithoutRecord: [],
    });
    // Another key is another request: the version it names is gone.
    const other = await answered(submit("lost-answer-0002", version, created.applicationId, own));
    expect([other.status, other.body.code]).toEqual([409, "STALE_VERSION"]);
  }, 120_000);
});
