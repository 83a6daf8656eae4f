import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { expect } from "vitest";
import type { components } from "../../clients/typescript";
import { makePdf, makePng } from "./evidence-files";
import type { Client } from "./local-system";
import { freshResidentId } from "./resident-ids";
import { SAMPLE_BASE_INFO, sampleSections } from "./sample-application";

const s3 = new S3Client({ forcePathStyle: true });

export const APPLICANT_PASSWORD = "Apply#2024ok";
export const DEMO_UNIT = "unit-demo-training-center";

export async function json<T = Record<string, unknown>>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface Applicant {
  username: string;
  realName: string;
  residentId: string;
  accountId: string;
}

export async function registerApplicant(
  api: Client,
  username: string,
  realName = "张三",
  unitId = DEMO_UNIT,
): Promise<Applicant> {
  const residentId = freshResidentId();
  const registered = await json<{ accountId: string }>(
    await api.send("POST", "/register", {
      username,
      password: APPLICANT_PASSWORD,
      realName,
      residentId,
      phone: "13800138000",
      unitId,
    }),
    201,
  );
  return { username, realName, residentId, accountId: registered.accountId };
}

export interface ApplicationAnswer {
  applicationId: string;
  version: number;
  state: string;
}

export const applicationPath = (applicationId: string, suffix = "") =>
  `/rounds/2024/applications/${applicationId}${suffix}`;

export async function createApplication(
  api: Client,
  token: string,
  applicant: Applicant,
  baseInfo: Partial<typeof SAMPLE_BASE_INFO> = {},
) {
  return json<ApplicationAnswer>(
    await api.send(
      "POST",
      "/rounds/2024/applications",
      { baseInfo: { ...SAMPLE_BASE_INFO, name: applicant.realName, ...baseInfo } },
      token,
    ),
    201,
  );
}

export const NO_STATEMENTS = {
  civilServant: false,
  civilServantManaged: false,
  retired: false,
  retirementPostType: "cadre",
  sanctions: [],
  dispatched: false,
};

/** Fills and confirms all five sections (R7.2) and signs the pledge (R4.1); answers the new version. */
export async function fillApplication(
  api: Client,
  token: string,
  applicant: Applicant,
  application: ApplicationAnswer,
): Promise<number> {
  let version = application.version;
  const sections = sampleSections();
  const data = { ...sections, basic: { ...sections.basic, residentId: applicant.residentId } };
  for (const [section, content] of Object.entries(data)) {
    const saved = await json<ApplicationAnswer>(
      await api.send(
        "PUT",
        applicationPath(application.applicationId, `/sections/${section}`),
        { expectedVersion: version, confirmed: true, data: content },
        token,
      ),
      200,
    );
    version = saved.version;
  }
  const pledge = await json<{ version: string }>(await api.get("/integrity-pledge"), 200);
  const signed = await json<ApplicationAnswer>(
    await api.send(
      "PUT",
      applicationPath(application.applicationId, "/pledge"),
      { expectedVersion: version, textVersion: pledge.version, agreed: true, statements: NO_STATEMENTS },
      token,
    ),
    200,
  );
  return signed.version;
}

export interface UploadTicket {
  evidence: { evidenceId: string; status: string };
  upload: { url: string; fields: Record<string, string>; expiresAt: string };
}

export async function requestUpload(
  api: Client,
  token: string,
  applicationId: string,
  request: { slotId: string; index?: number; year?: number; contentType: string; size: number },
): Promise<Response> {
  return api.send(
    "POST",
    applicationPath(applicationId, "/evidence"),
    { fileName: "扫描件", ...request },
    token,
  );
}

/** Sends the file to S3 as a browser would: the policy's fields, then the file; answers what S3 said. */
export async function sendFile(ticket: UploadTicket, bytes: Uint8Array): Promise<Response> {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append("file", new Blob([bytes]), "scan");
  return fetch(ticket.upload.url, { method: "POST", body: form });
}

export async function postFile(ticket: UploadTicket, bytes: Uint8Array): Promise<void> {
  const response = await sendFile(ticket, bytes);
  expect(response.status, await response.text()).toBeLessThan(300);
}

export async function uploadEvidence(
  api: Client,
  token: string,
  applicationId: string,
  place: { slotId: string; index?: number; year?: number },
  bytes: Uint8Array,
  contentType: string,
): Promise<{ evidenceId: string; status: string; sha256: string; pageCount: number }> {
  const ticket = await json<UploadTicket>(
    await requestUpload(api, token, applicationId, { ...place, contentType, size: bytes.length }),
    201,
  );
  await postFile(ticket, bytes);
  return json(
    await api.send(
      "POST",
      applicationPath(applicationId, `/evidence/${ticket.evidence.evidenceId}/complete`),
      undefined,
      token,
    ),
    200,
  );
}

export type ChecklistAnswer = components["schemas"]["Checklist"];

/** An empty checklist whose eligibility pre-check (the submit's rules, run ahead) finds nothing. */
export const READY = {
  ready: true,
  sections: [],
  eligibility: { advisory: true, status: "eligible", message: expect.any(String), failures: [] },
};

/** Through the generated client: the answer is typed by the contract, and checked against it. */
export async function checklist(api: Client, token: string, applicationId: string): Promise<ChecklistAnswer> {
  const { data, error, response } = await api
    .typed(token)
    .GET("/rounds/{roundId}/applications/{applicationId}/checklist", {
      params: { path: { roundId: api.roundId, applicationId } },
    });
  if (!data) throw new Error(`checklist: ${response.status} ${JSON.stringify(error)}`);
  return data;
}

/** The applicant's uploads, in the order they were requested. */
export interface EvidenceAnswer {
  evidenceId: string;
  slotId: string;
  index?: number;
  status: string;
  sha256?: string;
  refusal?: { code: string; message: string; rule?: string };
}

export async function listEvidence(
  api: Client,
  token: string,
  applicationId: string,
): Promise<EvidenceAnswer[]> {
  return (
    await json<{ evidence: EvidenceAnswer[] }>(
      await api.get(applicationPath(applicationId, "/evidence"), token),
      200,
    )
  ).evidence;
}

/** R4.4: designates the texts of the first two papers as the representative papers; answers the new version. */
export async function designateRepresentativePapers(
  api: Client,
  token: string,
  applicationId: string,
  paperIndexes: [number, number] = [0, 1],
): Promise<number> {
  const bodies = (await listEvidence(api, token, applicationId)).filter(
    (item) => item.slotId === "paper_body",
  );
  const evidenceIds = paperIndexes.map((index) => {
    const body = bodies.find((item) => item.index === index);
    if (!body) throw new Error(`paper ${index} has no uploaded text`);
    return body.evidenceId;
  });
  const current = await json<ApplicationAnswer>(await api.get(applicationPath(applicationId), token), 200);
  const designated = await json<{ version: number }>(
    await api.send(
      "PUT",
      applicationPath(applicationId, "/representative-papers"),
      { expectedVersion: current.version, evidenceIds },
      token,
    ),
    200,
  );
  return designated.version;
}

/**
 * Uploads one verified file to every place the checklist says is missing (the ID photo as an image),
 * then designates the representative papers if the checklist asks for them (R4.4).
 */
export async function uploadEverythingMissing(
  api: Client,
  token: string,
  applicationId: string,
): Promise<number> {
  const pdf = await makePdf(1);
  const missing = (await checklist(api, token, applicationId)).sections.flatMap((section) =>
    section.slots.flatMap((slot) =>
      slot.items
        .filter((item) => item.code === "EVIDENCE_MISSING")
        .map((item) => ({
          slotId: slot.slotId,
          ...(item.index === undefined ? {} : { index: item.index }),
          ...(item.year === undefined ? {} : { year: item.year }),
        })),
    ),
  );
  for (const place of missing) {
    const photo = place.slotId === "id_photo";
    await uploadEvidence(
      api,
      token,
      applicationId,
      place,
      photo ? makePng() : pdf,
      photo ? "image/png" : "application/pdf",
    );
  }
  const designation = (await checklist(api, token, applicationId)).sections.some((section) =>
    section.items.some((item) => item.code.startsWith("REPRESENTATIVE_PAPER")),
  );
  if (designation) await designateRepresentativePapers(api, token, applicationId);
  return missing.length;
}

export async function objectKeys(prefix: string): Promise<string[]> {
  const listed = await s3.send(
    new ListObjectsV2Command({ Bucket: process.env.EVIDENCE_BUCKET, Prefix: prefix }),
  );
  return (listed.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : [])).sort();
}

export async function setClock(api: Client, at: string): Promise<void> {
  await json(await api.send("POST", "/dev/clock", { at, frozen: true }), 200);
}

/** Waits for the round workflow (polling every half second on the local runtime) to open the phase. */
export async function untilOpen(api: Client, phase: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const round = (await (await api.get("/rounds/2024")).json()) as { openPhase: string | null };
    if (round.openPhase === phase) return;
    if (Date.now() > deadline) throw new Error(`the ${phase} phase did not open`);
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
}
