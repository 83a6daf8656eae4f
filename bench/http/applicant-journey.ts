import { DEMO } from "../../infra/local/seed";
import { makePdf, makePng } from "../../test/support/evidence-files";
import { freshResidentId } from "../../test/support/resident-ids";
import { SAMPLE_BASE_INFO, sampleSections } from "../../test/support/sample-application";
import type { Api } from "./api";

export const ROUND = "2024";
/** The seeded unit every bench applicant applies through. */
export const DEMO_UNIT = DEMO.unitId;
const PASSWORD = "Apply#2024ok";

export interface Applicant {
  username: string;
  accountId: string;
  residentId: string;
  token: string;
}

export interface Draft {
  applicant: Applicant;
  applicationId: string;
  version: number;
}

const NO_STATEMENTS = {
  civilServant: false,
  civilServantManaged: false,
  retired: false,
  retirementPostType: "cadre",
  sanctions: [],
  dispatched: false,
};

export const applicationPath = (applicationId: string, suffix = "") =>
  `/rounds/${ROUND}/applications/${applicationId}${suffix}`;

export async function register(api: Api, username: string): Promise<Applicant> {
  const residentId = freshResidentId();
  const { accountId } = await api.json<{ accountId: string }>(
    {
      label: "register",
      method: "POST",
      path: "/register",
      body: {
        username,
        password: PASSWORD,
        realName: "张三",
        residentId,
        phone: "13800138000",
        unitId: DEMO_UNIT,
      },
    },
    201,
  );
  return { username, accountId, residentId, token: await api.login(username, PASSWORD) };
}

export async function createDraft(api: Api, applicant: Applicant): Promise<Draft> {
  const created = await api.json<{ applicationId: string; version: number }>(
    {
      label: "create application",
      method: "POST",
      path: `/rounds/${ROUND}/applications`,
      body: { baseInfo: { ...SAMPLE_BASE_INFO, name: "张三" } },
      token: applicant.token,
    },
    201,
  );
  return { applicant, applicationId: created.applicationId, version: created.version };
}

/** The five sections, confirmed (R7.2), then the pledge (R4.1); answers the draft at its new version. */
export async function fillDraft(api: Api, draft: Draft): Promise<Draft> {
  let version = draft.version;
  const sections = sampleSections();
  const data = { ...sections, basic: { ...sections.basic, residentId: draft.applicant.residentId } };
  for (const [section, content] of Object.entries(data)) {
    const saved = await api.json<{ version: number }>({
      label: "update a section",
      method: "PUT",
      path: applicationPath(draft.applicationId, `/sections/${section}`),
      body: { expectedVersion: version, confirmed: true, data: content },
      token: draft.applicant.token,
    });
    version = saved.version;
  }
  const pledge = await api.json<{ version: string }>({
    label: "read the pledge",
    method: "GET",
    path: "/integrity-pledge",
  });
  const signed = await api.json<{ version: number }>({
    label: "sign the pledge",
    method: "PUT",
    path: applicationPath(draft.applicationId, "/pledge"),
    body: { expectedVersion: version, textVersion: pledge.version, agreed: true, statements: NO_STATEMENTS },
    token: draft.applicant.token,
  });
  return { ...draft, version: signed.version };
}

interface Checklist {
  ready: boolean;
  sections: { slots: { slotId: string; items: { code: string; index?: number; year?: number }[] }[] }[];
}

interface UploadTicket {
  evidence: { evidenceId: string };
  upload: { url: string; fields: Record<string, string> };
}

/**
 * Every missing piece of evidence, as a browser sends it: ask, POST to S3, complete; then the two paper
 * texts are designated as the representative papers (R4.4). Answers the count of uploads.
 */
export async function uploadMissingEvidence(api: Api, draft: Draft): Promise<number> {
  const { token } = draft.applicant;
  const checklist = await api.json<Checklist>({
    label: "read the checklist",
    method: "GET",
    path: applicationPath(draft.applicationId, "/checklist"),
    token,
  });
  const pdf = await makePdf(1);
  const missing = checklist.sections.flatMap((section) =>
    section.slots.flatMap((slot) =>
      slot.items
        .filter((item) => item.code === "EVIDENCE_MISSING")
        .map((item) => ({ slotId: slot.slotId, index: item.index, year: item.year })),
    ),
  );
  const paperTexts: string[] = [];
  for (const place of missing) {
    const photo = place.slotId === "id_photo";
    const bytes = photo ? makePng() : pdf;
    const contentType = photo ? "image/png" : "application/pdf";
    const ticket = await api.json<UploadTicket>(
      {
        label: "ask to upload evidence",
        method: "POST",
        path: applicationPath(draft.applicationId, "/evidence"),
        body: { fileName: "扫描件", ...place, contentType, size: bytes.length },
        token,
      },
      201,
    );
    const form = new FormData();
    for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
    form.append("file", new Blob([bytes]), "scan");
    const posted = await fetch(ticket.upload.url, { method: "POST", body: form });
    if (posted.status >= 300) throw new Error(`the presigned POST answered ${posted.status}`);
    await api.json({
      label: "complete an upload",
      method: "POST",
      path: applicationPath(draft.applicationId, `/evidence/${ticket.evidence.evidenceId}/complete`),
      token,
    });
    if (place.slotId === "paper_body") paperTexts.push(ticket.evidence.evidenceId);
  }
  // R4.4: the sample's two paper texts are the representative papers the submission needs.
  await api.json({
    label: "designate representative papers",
    method: "PUT",
    path: applicationPath(draft.applicationId, "/representative-papers"),
    body: { expectedVersion: await currentVersion(api, draft), evidenceIds: paperTexts },
    token,
  });
  return missing.length;
}

export async function currentVersion(api: Api, draft: Draft): Promise<number> {
  const read = await api.json<{ version: number }>({
    label: "get an application",
    method: "GET",
    path: applicationPath(draft.applicationId),
    token: draft.applicant.token,
  });
  return read.version;
}

/** A draft that only lacks the submission: sections, pledge and every piece of evidence. */
export async function readyToSubmit(api: Api, username: string): Promise<Draft> {
  const applicant = await register(api, username);
  const filled = await fillDraft(api, await createDraft(api, applicant));
  await uploadMissingEvidence(api, filled);
  return { ...filled, version: await currentVersion(api, filled) };
}

export function submitRequest(draft: Draft, key: string) {
  return {
    label: "submit",
    method: "POST",
    path: applicationPath(draft.applicationId, "/submit"),
    body: { expectedVersion: draft.version },
    token: draft.applicant.token,
    headers: { "idempotency-key": key },
  };
}
