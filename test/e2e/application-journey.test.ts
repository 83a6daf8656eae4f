import { createHash } from "node:crypto";
import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRepository } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  type ApplicationAnswer,
  applicationPath,
  checklist,
  createApplication,
  DEMO_UNIT,
  fillApplication,
  json,
  listEvidence,
  objectKeys,
  postFile,
  READY,
  registerApplicant,
  requestUpload,
  sendFile,
  setClock,
  type UploadTicket,
  untilOpen,
  uploadEverythingMissing,
  uploadEvidence,
} from "../support/applicant";
import { apiFetch } from "../support/contract-validator";
import { makePdf, makePng } from "../support/evidence-files";
import { type Client, client, startTestSystem } from "../support/local-system";
import { createStaff, Sessions } from "../support/review";
import { ROUND_2024_CALENDAR } from "../support/round-2024";
import { tableSnapshot } from "../support/table-snapshot";

let system: LocalSystem;
let api: Client;
let first: Applicant;
let second: Applicant;
const token: Record<string, string> = {};
const applications: Record<string, ApplicationAnswer> = {};
const versions: Record<string, number> = {};
/** An upload completed minutes before the submission, with the ticket it was sent with. */
const lateUpload: { ticket?: UploadTicket; bytes: Uint8Array } = { bytes: new Uint8Array() };
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

const login = async (applicant: Applicant) => {
  token[applicant.username] = await api.login(applicant.username, APPLICANT_PASSWORD);
  return token[applicant.username] ?? "";
};

interface Status {
  state: string;
  version: number;
  nextSteps: string[];
  returnReason?: string;
  timeline: { action: string; role: string; fromState?: string; toState: string; reason?: string }[];
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  await setClock(api, "2024-09-02T09:00:00+08:00");
  await untilOpen(api, "preparation");
  first = await registerApplicant(api, "journey-first", "张三");
  second = await registerApplicant(api, "journey-second", "李四");
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

describe("an applicant's journey over HTTP on the local runtime (issue #5)", () => {
  it("R3.3 a draft of the pre-preparation is test data: the reset at 09-11 00:00 makes it disappear", async () => {
    const rehearsal = await createApplication(api, await login(first), first);
    expect(rehearsal.state).toBe("draft");
    const photo = await uploadEvidence(
      api,
      token[first.username] ?? "",
      rehearsal.applicationId,
      { slotId: "id_photo" },
      makePng(),
      "image/png",
    );
    expect(photo.status).toBe("verified");

    await setClock(api, "2024-09-11T00:00:00+08:00");
    await untilOpen(api, "application");
    const applicantToken = await login(first);
    const gone = await json<{ code: string }>(
      await api.get(applicationPath(rehearsal.applicationId), applicantToken),
      404,
    );
    expect(gone.code).toBe("NOT_FOUND");
    expect(await json(await api.get("/rounds/2024/applications", applicantToken), 200)).toEqual({
      applications: [],
    });
  });

  it("R4.1 R7.2 R7.3 fills the five sections, uploads and verifies every required piece, and sees an empty checklist", async () => {
    for (const applicant of [first, second]) {
      const applicantToken = await login(applicant);
      const application = await createApplication(api, applicantToken, applicant);
      applications[applicant.username] = application;
      const before = await checklist(api, applicantToken, application.applicationId);
      expect(before.ready).toBe(false);
      versions[applicant.username] = await fillApplication(api, applicantToken, applicant, application);
      // DESIGN.md §6: a file refused at completion never blocks; a new upload to its place clears it.
      const refused = await json<UploadTicket>(
        await requestUpload(api, applicantToken, application.applicationId, {
          slotId: "post_usage",
          contentType: "application/pdf",
          size: 100,
        }),
        201,
      );
      await postFile(refused, makePng());
      const refusal = await json<{ code: string; message: string }>(
        await api.send(
          "POST",
          applicationPath(application.applicationId, `/evidence/${refused.evidence.evidenceId}/complete`),
          undefined,
          applicantToken,
        ),
        422,
      );
      expect(refusal.code).toBe("EVIDENCE_TYPE_MISMATCH");
      const postUsage = (await checklist(api, applicantToken, application.applicationId)).sections
        .flatMap((section) => section.slots)
        .find((slot) => slot.slotId === "post_usage");
      expect(postUsage?.items).toEqual([
        expect.objectContaining({
          code: "EVIDENCE_MISSING",
          message: expect.stringContaining(refusal.message),
        }),
      ]);
      const uploaded = await uploadEverythingMissing(api, applicantToken, application.applicationId);
      expect(uploaded).toBeGreaterThanOrEqual(20);
      expect(await checklist(api, applicantToken, application.applicationId)).toEqual(READY);
      const listed = await listEvidence(api, applicantToken, application.applicationId);
      expect(listed.map((item) => item.evidenceId)).not.toContain(refused.evidence.evidenceId);
      expect(listed.every((item) => item.status === "verified")).toBe(true);
    }
  });

  it("R7.3 merges ordered images of one slot into one PDF that replaces them", async () => {
    const applicantToken = token[first.username] ?? "";
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const listed = await json<{ evidence: { evidenceId: string; slotId: string }[] }>(
      await api.get(applicationPath(applicationId, "/evidence"), applicantToken),
      200,
    );
    const postUsage = listed.evidence.find((item) => item.slotId === "post_usage");
    if (!postUsage) throw new Error("post_usage was not uploaded");
    await json(
      await api.send(
        "DELETE",
        applicationPath(applicationId, `/evidence/${postUsage.evidenceId}`),
        undefined,
        applicantToken,
      ),
      204,
    );
    const pages = [];
    for (const size of [
      [40, 60],
      [60, 40],
    ] as const) {
      pages.push(
        await uploadEvidence(
          api,
          applicantToken,
          applicationId,
          { slotId: "post_usage" },
          makePng(...size),
          "image/png",
        ),
      );
    }
    const merged = await json<{
      contentType: string;
      pageCount: number;
      mergedFrom: string[];
      sha256: string;
    }>(
      await api.send(
        "POST",
        applicationPath(applicationId, "/evidence/merge"),
        { evidenceIds: pages.map((page) => page.evidenceId) },
        applicantToken,
      ),
      201,
    );
    expect(merged).toMatchObject({ contentType: "application/pdf", pageCount: 2 });
    expect(merged.mergedFrom).toEqual(pages.map((page) => page.evidenceId));
    const after = await json<{ evidence: { evidenceId: string; slotId: string }[] }>(
      await api.get(applicationPath(applicationId, "/evidence"), applicantToken),
      200,
    );
    expect(after.evidence.filter((item) => item.slotId === "post_usage")).toHaveLength(1);
    expect(await checklist(api, applicantToken, applicationId)).toEqual(READY);
  });

  it("DESIGN.md §6 replaces the recommendation report shortly before submitting, keeping the upload ticket", async () => {
    await setClock(api, "2024-10-20T23:58:00+08:00");
    const applicantToken = await login(first);
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const report = (await listEvidence(api, applicantToken, applicationId)).find(
      (item) => item.slotId === "recommendation_report",
    );
    await json(
      await api.send(
        "DELETE",
        applicationPath(applicationId, `/evidence/${report?.evidenceId}`),
        undefined,
        applicantToken,
      ),
      204,
    );
    lateUpload.bytes = await makePdf(2);
    lateUpload.ticket = await json<UploadTicket>(
      await requestUpload(api, applicantToken, applicationId, {
        slotId: "recommendation_report",
        contentType: "application/pdf",
        size: lateUpload.bytes.length,
      }),
      201,
    );
    await postFile(lateUpload.ticket, lateUpload.bytes);
    const verified = await json<{ sha256: string }>(
      await api.send(
        "POST",
        applicationPath(applicationId, `/evidence/${lateUpload.ticket.evidence.evidenceId}/complete`),
        undefined,
        applicantToken,
      ),
      200,
    );
    expect(verified.sha256).toBe(sha256(lateUpload.bytes));
    expect(await checklist(api, applicantToken, applicationId)).toEqual(READY);
  });

  it("R3.1 R4.1 submits at 2024-10-20 23:59:59.999; a retried submit returns the first answer, never a second submission", async () => {
    await setClock(api, "2024-10-20T23:59:59.999+08:00");
    const applicantToken = await login(first);
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const current = await json<ApplicationAnswer>(
      await api.get(applicationPath(applicationId), applicantToken),
      200,
    );
    const submit = (key: string) =>
      apiFetch(`${system.url}${applicationPath(applicationId, "/submit")}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${applicantToken}`,
          "idempotency-key": key,
        },
        body: JSON.stringify({ expectedVersion: current.version }),
      });
    const answer = await json<{ state: string; submission: number; pinnedEvidence: number; version: number }>(
      await submit("first-submit-0001"),
      200,
    );
    expect(answer).toMatchObject({ state: "submitted", submission: 1 });
    expect(answer.pinnedEvidence).toBeGreaterThanOrEqual(20);
    expect(await json(await submit("first-submit-0001"), 200)).toEqual(answer);
    const another = await json<{ code: string }>(await submit("another-key-0002"), 409);
    expect(another.code).toBe("STALE_VERSION");

    const loaded = await applicationRepository.load({ roundId: "2024", generation: 2 }, applicationId);
    expect(loaded?.submissions).toHaveLength(1);
    const pinned = loaded?.submissions[0]?.evidence ?? [];
    expect(pinned.length).toBe(answer.pinnedEvidence);
    for (const pin of pinned) expect(pin.sha256).toMatch(/^[0-9a-f]{64}$/);
    versions[first.username] = answer.version;
  });

  it("DESIGN.md §6 a re-post of an old upload ticket after submission changes neither what reviewers download nor any pin", async () => {
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const { ticket, bytes } = lateUpload;
    if (!ticket) throw new Error("the late upload is missing");
    const scope = { roundId: "2024", generation: 2 };
    const pinsBefore = (await applicationRepository.load(scope, applicationId))?.submissions;
    expect(Date.parse(ticket.upload.expiresAt)).toBeGreaterThan(Date.parse("2024-10-20T23:59:59.999+08:00"));

    // The ticket is still valid for minutes, so S3 takes the new file — into quarantine, which nobody reads.
    const other = await makePdf(5);
    expect((await sendFile(ticket, other)).status).toBe(204);
    const [incoming] = generationObjectPrefixes(scope);
    expect((await objectKeys(incoming)).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(true);

    expect((await applicationRepository.load(scope, applicationId))?.submissions).toEqual(pinsBefore);
    const sessions = new Sessions(api);
    await createStaff(api, sessions, "unit-admin", DEMO_UNIT, "journey-handler", "周八", ["unit_handler"]);
    const review = await json<{
      evidence: { evidenceId: string; sha256: string; download: { url: string } }[];
    }>(
      await api.get(
        `/rounds/2024/review/applications/${applicationId}`,
        await sessions.as("journey-handler"),
      ),
      200,
    );
    const pinned = review.evidence.find((item) => item.evidenceId === ticket.evidence.evidenceId);
    expect(pinned?.sha256).toBe(sha256(bytes));
    const reviewerGot = new Uint8Array(await (await fetch(pinned?.download.url ?? "")).arrayBuffer());
    expect(sha256(reviewerGot)).toBe(sha256(bytes));
    expect(Buffer.from(reviewerGot)).toEqual(Buffer.from(bytes));
    const mine = await json<{ url: string; sha256: string }>(
      await api.get(
        applicationPath(applicationId, `/evidence/${ticket.evidence.evidenceId}/download`),
        await login(first),
      ),
      200,
    );
    expect(mine.sha256).toBe(sha256(bytes));
    expect(Buffer.from(await (await fetch(mine.url)).arrayBuffer())).toEqual(Buffer.from(bytes));
  });

  it("R3.1 refuses the first submission at 2024-10-21 00:00:00.000, one millisecond late, and writes nothing", async () => {
    // At this instant the workflow also expires unsubmitted drafts (R3); marked done here, so that this
    // request meets its own clock check (DESIGN.md §4) rather than racing the sweep.
    await documentClient.send(
      new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: { PK: "ROUND#2024", SK: "ROUND" },
        UpdateExpression: "SET progress.unsubmittedExpired = :done",
        ExpressionAttributeValues: { ":done": true },
      }),
    );
    await setClock(api, "2024-10-21T00:00:00.000+08:00");
    const applicantToken = await login(second);
    const { applicationId } = applications[second.username] ?? { applicationId: "" };
    const current = await json<ApplicationAnswer>(
      await api.get(applicationPath(applicationId), applicantToken),
      200,
    );
    const before = await tableSnapshot();
    const refused = await json<{ code: string; rule: string; message: string }>(
      await apiFetch(`${system.url}${applicationPath(applicationId, "/submit")}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${applicantToken}`,
          "idempotency-key": "late-submit-0001",
        },
        body: JSON.stringify({ expectedVersion: current.version }),
      }),
      422,
    );
    expect(refused).toMatchObject({ code: "DEADLINE_PASSED", rule: "R3" });
    expect(refused.message).toContain("2024-10-21 00:00");
    expect(await tableSnapshot()).toEqual(before);
    const refusedEdit = await json<{ code: string }>(
      await api.send(
        "PUT",
        applicationPath(applicationId, "/sections/summary"),
        { expectedVersion: current.version, confirmed: true, data: { text: "截止后修改" } },
        applicantToken,
      ),
      422,
    );
    expect(refusedEdit.code).toBe("DEADLINE_PASSED");
  });

  it("R7.9 shows the status, the timeline and what to do now, and lets the applicant resubmit after a return", async () => {
    const applicantToken = await login(first);
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const submitted = await json<Status>(
      await api.get(applicationPath(applicationId, "/status"), applicantToken),
      200,
    );
    expect(submitted.state).toBe("submitted");
    expect(submitted.timeline.map((event) => [event.action, event.toState])).toEqual([
      ["create", "draft"],
      ["submit", "submitted"],
    ]);

    // The unit's review API comes later; its handler's return goes through the same transition.
    await setClock(api, "2024-10-25T10:00:00+08:00");
    await untilOpen(api, "review");
    const scope = { roundId: "2024", generation: 2 };
    const application = await applicationRepository.get(scope, applicationId);
    if (!application) throw new Error("the application is gone");
    await applicationRepository.transition({
      application,
      action: "return_by_unit",
      actor: { id: "unit-handler-id", role: "unit_handler" },
      context: {
        now: new Date("2024-10-25T10:00:00+08:00"),
        calendar: ROUND_2024_CALENDAR,
        openedPhases: ["preparation", "application", "review"],
        unitAccountsComplete: true,
        reason: "小结过于简略，请补充近五年主要工作业绩",
      },
    });

    const returnedToken = await login(first);
    const returned = await json<Status>(
      await api.get(applicationPath(applicationId, "/status"), returnedToken),
      200,
    );
    expect(returned).toMatchObject({
      state: "returned_by_unit",
      returnReason: "小结过于简略，请补充近五年主要工作业绩",
    });
    expect(returned.nextSteps.join("")).toContain("2024-11-05 00:00");
    expect(returned.timeline.at(-1)).toMatchObject({
      role: "unit_handler",
      reason: "小结过于简略，请补充近五年主要工作业绩",
    });

    const fixed = await json<ApplicationAnswer>(
      await api.send(
        "PUT",
        applicationPath(applicationId, "/sections/summary"),
        {
          expectedVersion: returned.version,
          confirmed: true,
          data: { text: "本人长期从事干部教育培训工作，近五年主讲课程120余次。" },
        },
        returnedToken,
      ),
      200,
    );
    const resubmitted = await json<{ state: string; submission: number }>(
      await apiFetch(`${system.url}${applicationPath(applicationId, "/resubmit")}`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${returnedToken}`,
          "idempotency-key": "resubmit-after-return-1",
        },
        body: JSON.stringify({ expectedVersion: fixed.version }),
      }),
      200,
    );
    expect(resubmitted).toMatchObject({ state: "submitted", submission: 2 });
  });

  it("withdraws before recommendation; the timeline keeps the reason", async () => {
    const applicantToken = token[first.username] ?? "";
    const { applicationId } = applications[first.username] ?? { applicationId: "" };
    const current = await json<Status>(
      await api.get(applicationPath(applicationId, "/status"), applicantToken),
      200,
    );
    const withdrawn = await json<Status>(
      await api.send(
        "POST",
        applicationPath(applicationId, "/withdraw"),
        { expectedVersion: current.version, reason: "工作调动，明年再申报" },
        applicantToken,
      ),
      200,
    );
    expect(withdrawn.state).toBe("withdrawn");
    expect(withdrawn.timeline.at(-1)).toMatchObject({
      action: "withdraw",
      role: "applicant",
      fromState: "submitted",
      toState: "withdrawn",
      reason: "工作调动，明年再申报",
    });
    expect(withdrawn.nextSteps).toEqual(["本轮申报已结束。"]);
  });
});
