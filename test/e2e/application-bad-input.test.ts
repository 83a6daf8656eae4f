import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generationObjectPrefixes } from "../../functions/adapters/s3/evidence-keys";
import type { LocalSystem } from "../../infra/local/system";
import {
  APPLICANT_PASSWORD,
  type Applicant,
  type ApplicationAnswer,
  applicationPath,
  createApplication,
  json,
  listEvidence,
  objectKeys,
  postFile,
  registerApplicant,
  requestUpload,
  sendFile,
  setClock,
  type UploadTicket,
  untilOpen,
} from "../support/applicant";
import { apiFetch } from "../support/contract-validator";
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
const [INCOMING, VERIFIED] = generationObjectPrefixes({ roundId: "2024", generation: 2 });
const allObjects = async () => [...(await objectKeys(INCOMING)), ...(await objectKeys(VERIFIED))];

interface ErrorAnswer {
  code: string;
  message: string;
  rule?: string;
  fields?: { path: string; message: string }[];
}

/** Sends a request that must be refused, and checks that neither the table nor the bucket changed. */
async function refusedWithoutTrace(send: () => Promise<Response>, status: number, code: string) {
  const [items, objects] = [await tableSnapshot(), await allObjects()];
  const answer = await json<ErrorAnswer>(await send(), status);
  expect(answer.code).toBe(code);
  expect(answer.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await tableSnapshot()).toEqual(items);
  expect(await allObjects()).toEqual(objects);
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

  it("R7.4 R7.7 refuses facts the applicant may not declare: a 学信网 match, the ratio of a CNKI-indexed paper", async () => {
    const sections = sampleSections();
    const basic = {
      ...sections.basic,
      residentId: applicant.residentId,
      education: sections.basic.education.map((record) => ({ ...record, registryVerified: true })),
    };
    const declared = await refusedWithoutTrace(
      async () =>
        put("/sections/basic", { expectedVersion: await currentVersion(), confirmed: true, data: basic }),
      400,
      "VALIDATION_FAILED",
    );
    expect(declared.fields).toEqual([
      {
        path: "body.data.education.0",
        message:
          "不允许提交的字段：registryVerified（学信网核验结果由单位或审核部门在学信网核对后记录，申报人不能自行填写）",
      },
    ]);
    const achievements = {
      ...sections.achievements,
      papers: sections.achievements.papers.map((paper) => ({
        ...paper,
        cnkiIndexed: true,
        duplicateRatio: 3,
      })),
    };
    const ratio = await refusedWithoutTrace(
      async () =>
        put("/sections/achievements", {
          expectedVersion: await currentVersion(),
          confirmed: true,
          data: achievements,
        }),
      400,
      "VALIDATION_FAILED",
    );
    expect(ratio.fields?.map((field) => field.path)).toEqual([
      "body.data.papers.0.duplicateRatio",
      "body.data.papers.1.duplicateRatio",
    ]);
    expect(ratio.fields?.[0]?.message).toContain("由省职改办统一查重");
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
  ])(
    "R7.3 refuses %s at completion: recorded as refused with why, its bytes deleted, the same answer again",
    async (_, make, code) => {
      const ticket = await uploaded(await make(), "application/pdf");
      expect((await objectKeys(INCOMING)).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(true);
      const answer = await json<ErrorAnswer>(await complete(ticket), 422);
      expect(answer).toMatchObject({ code, rule: "R7.3" });
      const listed = await listEvidence(api, token, application.applicationId);
      expect(listed.find((item) => item.evidenceId === ticket.evidence.evidenceId)).toMatchObject({
        status: "refused",
        refusal: { code, message: answer.message, rule: "R7.3" },
      });
      expect((await allObjects()).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(false);
      // A retry, or a second click, is answered the same; nothing more is written.
      const before = await tableSnapshot();
      const { requestId: _first, ...first } = answer as ErrorAnswer & { requestId?: string };
      const { requestId: _again, ...again } = await json<ErrorAnswer & { requestId?: string }>(
        await complete(ticket),
        422,
      );
      expect(again).toEqual(first);
      expect(await tableSnapshot()).toEqual(before);
      // Deleting it stays possible.
      await json(
        await api.send(
          "DELETE",
          applicationPath(application.applicationId, `/evidence/${ticket.evidence.evidenceId}`),
          undefined,
          token,
        ),
        204,
      );
      expect(
        (await listEvidence(api, token, application.applicationId)).map((item) => item.evidenceId),
      ).not.toContain(ticket.evidence.evidenceId);
    },
  );

  it("R7.3 a new upload to the place of a refused one clears it: no manual clean-up", async () => {
    const refused = await uploaded(makePng(), "application/pdf");
    await json<ErrorAnswer>(await complete(refused), 422);
    const again = await uploaded(await makePdf(1), "application/pdf");
    const ids = (await listEvidence(api, token, application.applicationId)).map((item) => item.evidenceId);
    expect(ids).toContain(again.evidence.evidenceId);
    expect(ids).not.toContain(refused.evidence.evidenceId);
    expect(await json<{ status: string }>(await complete(again), 200)).toMatchObject({ status: "verified" });
  });

  it("R7.3 an upload outside its size range is refused by S3 itself (locally too), before any completion", async () => {
    process.env.EVIDENCE_MAX_BYTES = "2000";
    try {
      await refusedWithoutTrace(
        () =>
          requestUpload(api, token, application.applicationId, {
            slotId: "post_usage",
            contentType: "application/pdf",
            size: 2001,
          }),
        422,
        "EVIDENCE_TOO_LARGE",
      );
      // Declared within the limit, sent over it: the policy's size range stops it at S3.
      const objects = await allObjects();
      for (const [bytes, s3Code] of [
        [new Uint8Array(3000).fill(0x25), "EntityTooLarge"],
        [new Uint8Array(), "EntityTooSmall"],
      ] as const) {
        const ticket = await json<UploadTicket>(
          await requestUpload(api, token, application.applicationId, {
            slotId: "post_usage",
            contentType: "application/pdf",
            size: 1000,
          }),
          201,
        );
        const sent = await sendFile(ticket, bytes);
        expect(sent.status).toBe(400);
        expect(await sent.text()).toContain(s3Code);
        expect(await json<ErrorAnswer>(await complete(ticket), 409)).toMatchObject({
          code: "EVIDENCE_NOT_UPLOADED",
        });
      }
      expect(await allObjects()).toEqual(objects);
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
      422,
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

  it("R3.1 an upload ticket and a download link work until the instant their answers state, by the virtual clock", async () => {
    const ticket = await json<UploadTicket>(
      await requestUpload(api, token, application.applicationId, {
        slotId: "post_usage",
        contentType: "application/pdf",
        size: 900,
      }),
      201,
    );
    const expiresAt = Date.parse(ticket.upload.expiresAt);
    const pdf = await makePdf(1);
    await api.send("POST", "/dev/clock", { at: new Date(expiresAt).toISOString(), frozen: true });
    expect((await sendFile(ticket, pdf)).status).toBe(403);
    await api.send("POST", "/dev/clock", { at: new Date(expiresAt - 1).toISOString(), frozen: true });
    expect((await sendFile(ticket, pdf)).status).toBe(204);
    token = await api.login(applicant.username, APPLICANT_PASSWORD);
    expect(await json<{ status: string }>(await complete(ticket), 200)).toMatchObject({ status: "verified" });

    const download = await json<{ url: string; expiresAt: string; sha256: string }>(
      await api.get(
        applicationPath(application.applicationId, `/evidence/${ticket.evidence.evidenceId}/download`),
        token,
      ),
      200,
    );
    const linkEnds = Date.parse(download.expiresAt);
    await api.send("POST", "/dev/clock", { at: new Date(linkEnds - 1).toISOString(), frozen: true });
    expect(Buffer.from(await (await fetch(download.url)).arrayBuffer())).toEqual(Buffer.from(pdf));
    await api.send("POST", "/dev/clock", { at: new Date(linkEnds).toISOString(), frozen: true });
    expect((await fetch(download.url)).status).toBe(403);
    token = await api.login(applicant.username, APPLICANT_PASSWORD);
  });

  it("refuses to complete an expired upload: the file never arrived (S3 refused the late POST), the record is refused", async () => {
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
    expect((await sendFile(ticket, await makePdf(1))).status).toBe(403);
    expect(await json<ErrorAnswer>(await complete(ticket), 409)).toMatchObject({ code: "UPLOAD_EXPIRED" });
    const listed = await listEvidence(api, token, application.applicationId);
    expect(listed.find((item) => item.evidenceId === ticket.evidence.evidenceId)).toMatchObject({
      status: "refused",
      refusal: { code: "UPLOAD_EXPIRED" },
    });
    expect((await allObjects()).some((key) => key.includes(ticket.evidence.evidenceId))).toBe(false);
  });

  it("R7.3 refuses to submit an application that is not ready, naming what is missing", async () => {
    const answer = await refusedWithoutTrace(
      async () =>
        apiFetch(`${system.url}${applicationPath(application.applicationId, "/submit")}`, {
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
