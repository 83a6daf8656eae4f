import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationObjectPrefix } from "../../functions/adapters/s3/evidence-keys";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  type ApplicationAnswer,
  applicationPath,
  createApplication,
  json,
  objectKeys,
  postFile,
  registerApplicant,
  requestUpload,
  setClock,
  type UploadTicket,
  untilOpen,
} from "../support/applicant";
import { makePdf, makePng, makeText } from "../support/evidence-files";
import { type Client, client, startTestSystem } from "../support/local-system";
import { freshResidentId } from "../support/resident-ids";
import { SAMPLE_BASE_INFO, sampleSections } from "../support/sample-application";
import { tableSnapshot } from "../support/table-snapshot";

let system: LocalSystem;
let api: Client;
let applicant: Applicant;
let token: string;
let application: ApplicationAnswer;
let other: { token: string; application: ApplicationAnswer };
const PREFIX = generationObjectPrefix({ roundId: "2024", generation: 2 });

interface ErrorAnswer {
  code: string;
  message: string;
  rule?: string;
  fields?: { path: string; message: string }[];
}

/** Sends a request that must be refused, and checks that neither the table nor the bucket changed. */
async function refusedWithoutTrace(send: () => Promise<Response>, status: number, code: string) {
  const [items, objects] = [await tableSnapshot(), await objectKeys(PREFIX)];
  const answer = await json<ErrorAnswer>(await send(), status);
  expect(answer.code).toBe(code);
  expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await tableSnapshot()).toEqual(items);
  expect(await objectKeys(PREFIX)).toEqual(objects);
  return answer;
}

const put = (suffix: string, body: unknown, as = token) =>
  api.send("PUT", applicationPath(application.applicationId, suffix), body, as);

async function currentVersion(): Promise<number> {
  return (
    await json<ApplicationAnswer>(await api.get(applicationPath(application.applicationId), token), 200)
  ).version;
}

/** An upload the applicant asked for and sent, not yet completed. */
async function uploaded(
  bytes: Uint8Array,
  contentType: string,
  declaredSize = bytes.length,
): Promise<UploadTicket> {
  const ticket = await json<UploadTicket>(
    await requestUpload(api, token, application.applicationId, {
      slotId: "post_usage",
      contentType,
      size: Math.max(declaredSize, 1),
    }),
    201,
  );
  await postFile(ticket, bytes);
  return ticket;
}

const complete = (ticket: UploadTicket) =>
  api.send(
    "POST",
    applicationPath(application.applicationId, `/evidence/${ticket.evidence.evidenceId}/complete`),
    undefined,
    token,
  );

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  // Straight into the formal window: the workflow resets the rehearsal and opens the applications.
  await setClock(api, "2024-09-20T10:00:00+08:00");
  await untilOpen(api, "application");
  applicant = await registerApplicant(api, "bad-input-a", "王五");
  token = await api.login(applicant.username, APPLICANT_PASSWORD);
  application = await createApplication(api, token, applicant);
  const stranger = await registerApplicant(api, "bad-input-b", "赵六");
  const strangerToken = await api.login(stranger.username, APPLICANT_PASSWORD);
  other = { token: strangerToken, application: await createApplication(api, strangerToken, stranger) };
}, 60_000);
afterAll(async () => {
  await system?.stop();
});

describe("bad input to the applicant API is refused and leaves no trace (issue #5)", () => {
  it("refuses malformed JSON", async () => {
    await refusedWithoutTrace(
      () => put("/sections/summary", '{"expectedVersion": 1, "confirmed": tru'),
      400,
      "MALFORMED_JSON",
    );
  });

  it("refuses wrong types, naming the field", async () => {
    const answer = await refusedWithoutTrace(
      () => put("/sections/summary", { expectedVersion: "1", confirmed: "yes", data: { text: 42 } }),
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.fields?.map((field) => field.path).sort()).toEqual([
      "body.confirmed",
      "body.data.text",
      "body.expectedVersion",
    ]);
  });

  it.each([
    ["state", { state: "department_approved" }],
    ["version", { version: 99 }],
    ["submissions", { submissions: 0 }],
    ["unitApproved", { unitApproved: true }],
    ["blacklisted", { blacklisted: false }],
  ])("refuses the client-set field %s (400 naming it), storing nothing", async (name, extra) => {
    const answer = await refusedWithoutTrace(
      () =>
        put("/sections/summary", { expectedVersion: 1, confirmed: true, data: { text: "小结" }, ...extra }),
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.fields?.[0]?.message).toContain(name);
  });

  it("refuses unknown fields inside a section and inside the application's creation", async () => {
    const answer = await refusedWithoutTrace(
      () =>
        put("/sections/moral", {
          expectedVersion: 1,
          confirmed: true,
          data: { assessment: "合格", honours: [], blacklisted: false },
        }),
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.fields).toEqual([{ path: "body.data", message: expect.stringContaining("blacklisted") }]);
    await refusedWithoutTrace(
      () => api.send("POST", "/rounds/2024/applications", { state: "submitted" }, other.token),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("R7.8 refuses a summary of 801 characters and accepts one of 800, counted as a person counts them", async () => {
    const answer = await refusedWithoutTrace(
      () =>
        put("/sections/summary", {
          expectedVersion: 1,
          confirmed: true,
          data: { text: `𠀀${"字".repeat(800)}` },
        }),
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.fields).toEqual([{ path: "body.data.text", message: "专业技术工作小结不得超过800个字" }]);
    await json(
      await put("/sections/summary", {
        expectedVersion: 1,
        confirmed: true,
        data: { text: `𠀀${"字".repeat(799)}` },
      }),
      200,
    );
  });

  it("a stale version answers 409 STALE_VERSION and changes nothing", async () => {
    const stale = (await currentVersion()) - 1;
    await refusedWithoutTrace(
      () =>
        put("/sections/summary", {
          expectedVersion: stale,
          confirmed: true,
          data: { text: "旧版本上的修改" },
        }),
      409,
      "STALE_VERSION",
    );
  });

  it("R7.1 refuses base information in a name other than the registered one", async () => {
    const answer = await refusedWithoutTrace(
      async () =>
        put("/base-info", {
          expectedVersion: await currentVersion(),
          baseInfo: { ...SAMPLE_BASE_INFO, name: "冒名者" },
        }),
      400,
      "NAME_NOT_REGISTERED",
    );
    expect(answer.fields).toEqual([{ path: "body.baseInfo.name", message: "与实名注册的姓名不一致" }]);
  });

  it("R7.4 refuses a basic section naming another person's ID number", async () => {
    const basic = { ...sampleSections().basic, residentId: freshResidentId() };
    const answer = await refusedWithoutTrace(
      async () =>
        put("/sections/basic", { expectedVersion: await currentVersion(), confirmed: true, data: basic }),
      400,
      "RESIDENT_ID_NOT_REGISTERED",
    );
    expect(answer.fields?.[0]?.path).toBe("body.data.residentId");
  });

  it("R7.3 refuses a file type that is no image or PDF, and a format the slot does not take", async () => {
    await refusedWithoutTrace(
      () =>
        requestUpload(api, token, application.applicationId, {
          slotId: "post_usage",
          contentType: "text/plain",
          size: 10,
        }),
      400,
      "VALIDATION_FAILED",
    );
    const answer = await refusedWithoutTrace(
      () =>
        requestUpload(api, token, application.applicationId, {
          slotId: "annual_assessment",
          year: 2021,
          contentType: "image/png",
          size: 10,
        }),
      422,
      "EVIDENCE_TYPE_NOT_ACCEPTED",
    );
    expect(answer.rule).toBe("R7.3");
  });

  it.each([
    ["a PNG sent as a PDF", () => makePng(), "EVIDENCE_TYPE_MISMATCH"],
    ["a text file sent as a PDF", () => makeText(), "EVIDENCE_TYPE_NOT_ALLOWED"],
    ["a truncated PDF", async () => (await makePdf(2)).slice(0, 500), "EVIDENCE_PDF_UNREADABLE"],
  ])("R7.3 deletes %s at completion with a clear error; the upload stays unusable", async (_, make, code) => {
    const ticket = await uploaded(await make(), "application/pdf");
    expect((await objectKeys(PREFIX)).length).toBeGreaterThan(0);
    const before = await tableSnapshot();
    const answer = await json<ErrorAnswer>(await complete(ticket), 422);
    expect(answer).toMatchObject({ code, rule: "R7.3" });
    expect(await tableSnapshot()).toEqual(before);
    expect((await objectKeys(PREFIX)).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(false);
  });

  it("R7.3 refuses an empty upload and one over the configured maximum (the local S3 server enforces no policy)", async () => {
    process.env.EVIDENCE_MAX_BYTES = "2000";
    try {
      await refusedWithoutTrace(
        () =>
          requestUpload(api, token, application.applicationId, {
            slotId: "post_usage",
            contentType: "application/pdf",
            size: 2001,
          }),
        400,
        "EVIDENCE_TOO_LARGE",
      );
      // Declared within the limit, sent over it: only the check after the upload can tell.
      const big = await uploaded(new Uint8Array(3000).fill(0x25), "application/pdf", 1000);
      const before = await tableSnapshot();
      expect(await json<ErrorAnswer>(await complete(big), 422)).toMatchObject({ code: "EVIDENCE_TOO_LARGE" });
      expect(await tableSnapshot()).toEqual(before);
      const empty = await uploaded(new Uint8Array(), "application/pdf");
      const beforeEmpty = await tableSnapshot();
      expect(await json<ErrorAnswer>(await complete(empty), 422)).toMatchObject({ code: "EVIDENCE_EMPTY" });
      expect(await tableSnapshot()).toEqual(beforeEmpty);
      expect(await objectKeys(`${PREFIX}applications/${application.applicationId}/`)).toEqual([]);
    } finally {
      delete process.env.EVIDENCE_MAX_BYTES;
    }
  });

  it("R4.6 the ID photo, printed on the certificate, is at most 2 MB, below the bucket's limit", async () => {
    const refusal = await refusedWithoutTrace(
      () =>
        requestUpload(api, token, application.applicationId, {
          slotId: "id_photo",
          contentType: "image/jpeg",
          size: 2 * 1024 * 1024 + 1,
        }),
      400,
      "EVIDENCE_TOO_LARGE",
    );
    expect(refusal.message).toBe("文件不能超过2 MB");
    const accepted = await requestUpload(api, token, application.applicationId, {
      slotId: "id_photo",
      contentType: "image/jpeg",
      size: 2 * 1024 * 1024,
    });
    expect(accepted.status).toBe(201);
    expect(((await accepted.json()) as { upload: { maxBytes: number } }).upload.maxBytes).toBe(
      2 * 1024 * 1024,
    );
  });

  it("refuses to complete an expired upload and deletes what was sent", async () => {
    const ticket = await json<UploadTicket>(
      await requestUpload(api, token, application.applicationId, {
        slotId: "post_usage",
        contentType: "application/pdf",
        size: 900,
      }),
      201,
    );
    await api.send("POST", "/dev/clock", { advanceSeconds: 16 * 60 });
    token = await api.login(applicant.username, APPLICANT_PASSWORD);
    await postFile(ticket, await makePdf(1));
    const before = await tableSnapshot();
    expect(await json<ErrorAnswer>(await complete(ticket), 409)).toMatchObject({ code: "UPLOAD_EXPIRED" });
    expect(await tableSnapshot()).toEqual(before);
    expect((await objectKeys(PREFIX)).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(false);
  });

  it("R7.3 refuses to submit an application that is not ready, naming what is missing", async () => {
    const answer = await refusedWithoutTrace(
      async () =>
        fetch(`${system.url}${applicationPath(application.applicationId, "/submit")}`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${token}`,
            "idempotency-key": "not-ready-0001",
          },
          body: JSON.stringify({ expectedVersion: await currentVersion() }),
        }),
      422,
      "APPLICATION_NOT_READY",
    );
    expect(answer.rule).toBe("R7.3");
    expect(answer.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(["basic", "pledge"]));
  });

  it("refuses a submission without an Idempotency-Key header, naming it", async () => {
    const answer = await refusedWithoutTrace(
      async () =>
        api.send(
          "POST",
          applicationPath(application.applicationId, "/submit"),
          { expectedVersion: await currentVersion() },
          token,
        ),
      400,
      "VALIDATION_FAILED",
    );
    expect(answer.fields?.map((field) => field.path)).toEqual(["header.idempotency-key"]);
  });

  it("§3 another applicant's application does not exist (404); staff may not use the applicant API (403)", async () => {
    const elsewhere = applicationPath(other.application.applicationId);
    await refusedWithoutTrace(() => api.get(elsewhere, token), 404, "NOT_FOUND");
    await refusedWithoutTrace(
      () =>
        api.send(
          "PUT",
          `${elsewhere}/sections/summary`,
          { expectedVersion: 1, confirmed: true, data: { text: "越权" } },
          token,
        ),
      404,
      "NOT_FOUND",
    );
    const handler = await api.login("unit-handler");
    await refusedWithoutTrace(
      () => api.get(applicationPath(application.applicationId), handler),
      403,
      "FORBIDDEN",
    );
  });
});
