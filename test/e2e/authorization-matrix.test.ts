import { randomUUID } from "node:crypto";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationRepository, headItem } from "../../functions/adapters/dynamodb/application-repository";
import { documentClient } from "../../functions/adapters/dynamodb/client";
import { noticeRepository } from "../../functions/adapters/dynamodb/notice-repository";
import { writeTogether } from "../../functions/adapters/dynamodb/transactions";
import { ROUND_2024_CALENDAR_SPEC } from "../../functions/core/calendar";
import type { ApplicationState } from "../../functions/core/lifecycle";
import { ROUTES } from "../../functions/http/route-catalogue";
import type { LocalSystem } from "../../infra/local/system";
import { apiFetch } from "../support/contract-validator";
import { type Client, client, startTestSystem } from "../support/local-system";
import { freshResidentId } from "../support/resident-ids";
import { SAMPLE_BASE_INFO, sampleSections } from "../support/sample-application";

/**
 * Every route × every role × own / other-unit / other-department objects, over HTTP (issue #4 §5).
 * Expectations are written out here, apart from the access policy, so the two check each other.
 * "ok" means the request got past authorization; calls that would change something are built to
 * fail right after it (a stale version, an unknown reference), so the matrix changes nothing.
 */
type Outcome = "ok" | 401 | 403 | 404;
type Persona =
  | "office"
  | "organiser"
  | "deptAdmin"
  | "deptReviewer"
  | "unitAdmin"
  | "unitHandler"
  | "unitLeader"
  | "applicant"
  /** Appointed by the office as expert, panel member and committee member, assigned to nothing. */
  | "reviewer";
const PERSONAS: Persona[] = [
  "office",
  "organiser",
  "deptAdmin",
  "deptReviewer",
  "unitAdmin",
  "unitHandler",
  "unitLeader",
  "applicant",
  "reviewer",
];

interface Request {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What a case acts on: nothing, or one object of each column (own, other unit, other department). */
type On = "none" | "unit" | "dept" | "staff" | "applicant" | "application" | "submitted" | "recommended";

interface World {
  unit: [string, string, string];
  dept: [string, undefined, string];
  staff: [Staff, Staff, Staff];
  applicant: [string, string, string];
  /** The applicants' applications: matrix-a1's (the applicant persona's own), a2's and a3's. */
  application: [string, string, string];
  /** Applications the units have before them (issue #7): submitted, and recommended to the department. */
  submitted: [string, string, string];
  recommended: [string, string, string];
  noticeId: string;
  dispatchApprovalId: string;
}
interface Staff {
  accountId: string;
  roles: string[];
}

interface Case {
  operationId: string;
  on: On;
  public?: true;
  request: (target: string & Staff, world: World) => Request;
  /** Per persona: one outcome for every column, or one per column. Unlisted personas expect 403. */
  expect?: Partial<Record<Persona, Outcome | [Outcome, Outcome, Outcome]>>;
}

const get = (path: string): Request => ({ method: "GET", path });
const send = (method: string, path: string, body: unknown): Request => ({ method, path, body });
const stale = 999;
const IN_UNIT: [Outcome, Outcome, Outcome] = ["ok", 404, 404];
const IN_DEPARTMENT: [Outcome, Outcome, Outcome] = ["ok", "ok", 404];
const NEVER_IN_REACH: [Outcome, Outcome, Outcome] = [404, 404, 404];
const OFFICE_ONLY = { office: "ok" } as const;
const somebody = () => ({
  username: `m-${Math.random().toString(36).slice(2, 10)}`,
  realName: "矩阵测试",
  residentId: freshResidentId(),
  phone: "13800000000",
  // Never grantable by anyone in a unit or department: the call passes authorization, then stops.
  roles: ["committee_member"],
});

const OWN_APPLICATION_ONLY = { applicant: IN_UNIT } as const;
const applicationPath = (id: string, suffix = "") => `/rounds/2024/applications/${id}${suffix}`;
const reviewPath = (id: string, suffix = "") => `/rounds/2024/review/applications/${id}${suffix}`;
const unknownEvidence = "00000000-0000-4000-8000-000000000000";
const submitHeaders = { "idempotency-key": "matrix-submit-0001" };
const sectionData = () => {
  const sections = sampleSections();
  return { ...sections, basic: { ...sections.basic, residentId: freshResidentId() } };
};

/** Each change is built to stop right after the access check: a stale version or an unknown upload. */
const APPLICATION_CASES: Case[] = [
  ["getApplication", (id: string) => get(applicationPath(id))],
  [
    "saveBaseInfo",
    (id: string) =>
      send("PUT", applicationPath(id, "/base-info"), { expectedVersion: stale, baseInfo: SAMPLE_BASE_INFO }),
  ],
  ...(["basic", "moral", "ability", "achievements", "summary"] as const).map(
    (section) =>
      [
        `save${section[0]?.toUpperCase()}${section.slice(1)}Section`,
        (id: string) =>
          send("PUT", applicationPath(id, `/sections/${section}`), {
            expectedVersion: stale,
            confirmed: true,
            data: sectionData()[section],
          }),
      ] as const,
  ),
  [
    "signIntegrityPledge",
    (id: string) =>
      send("PUT", applicationPath(id, "/pledge"), {
        expectedVersion: stale,
        textVersion: "2024-1",
        agreed: true,
        statements: {
          civilServant: false,
          civilServantManaged: false,
          retired: false,
          retirementPostType: "cadre",
          sanctions: [],
          dispatched: false,
        },
      }),
  ],
  ["getApplicationChecklist", (id: string) => get(applicationPath(id, "/checklist"))],
  [
    // A slot per item without the item: refused after the access check.
    "requestEvidenceUpload",
    (id: string) =>
      send("POST", applicationPath(id, "/evidence"), {
        slotId: "paper_cover",
        contentType: "application/pdf",
        size: 100,
        fileName: "封面.pdf",
      }),
  ],
  [
    "completeEvidenceUpload",
    (id: string) => send("POST", applicationPath(id, `/evidence/${unknownEvidence}/complete`), {}),
  ],
  ["listEvidence", (id: string) => get(applicationPath(id, "/evidence"))],
  ["getEvidenceDownload", (id: string) => get(applicationPath(id, `/evidence/${unknownEvidence}/download`))],
  ["deleteEvidence", (id: string) => send("DELETE", applicationPath(id, `/evidence/${unknownEvidence}`), {})],
  [
    "mergeEvidenceImages",
    (id: string) =>
      send("POST", applicationPath(id, "/evidence/merge"), {
        evidenceIds: [unknownEvidence, "00000000-0000-4000-8000-000000000001"],
      }),
  ],
  [
    "submitApplication",
    (id: string) => ({
      ...send("POST", applicationPath(id, "/submit"), { expectedVersion: stale }),
      headers: submitHeaders,
    }),
  ],
  [
    "resubmitApplication",
    (id: string) => ({
      ...send("POST", applicationPath(id, "/resubmit"), { expectedVersion: stale }),
      headers: submitHeaders,
    }),
  ],
  [
    "withdrawApplication",
    (id: string) => send("POST", applicationPath(id, "/withdraw"), { expectedVersion: stale }),
  ],
  ["getApplicationStatus", (id: string) => get(applicationPath(id, "/status"))],
  [
    "saveRepresentativePapers",
    (id: string) =>
      send("PUT", applicationPath(id, "/representative-papers"), {
        expectedVersion: stale,
        evidenceIds: [unknownEvidence, "00000000-0000-4000-8000-000000000001"],
      }),
  ],
  // A draft has no certificate: refused after the access check.
  ["downloadCertificate", (id: string) => get(applicationPath(id, "/certificate"))],
].map(([operationId, request]) => ({
  operationId: operationId as string,
  on: "application" as const,
  request: request as (id: string) => Request,
  expect: OWN_APPLICATION_ONLY,
}));

/**
 * The committee's path (issue #8): the office and the organiser province-wide; an appointed reviewer
 * reaches only what is assigned to them by name, and nothing is assigned in this world (404). Nothing
 * here has reached the committee, so its desk finds no committee view of it either (404).
 */
const DESK = { office: "ok", organiser: "ok" } as const;
const unknownId = "00000000-0000-4000-8000-0000000000ff";
const committeePath = (id: string, suffix = "") => `/rounds/2024/committee/applications/${id}${suffix}`;
const appraisalPath = (id: string, suffix = "") => `/rounds/2024/appraisals/${id}${suffix}`;
const meetingPath = (suffix = "") => `/rounds/2024/meetings/${unknownId}${suffix}`;
const COMMITTEE_CASES: Case[] = [
  {
    operationId: "setReviewerProfile",
    on: "staff",
    request: (staff) =>
      send("PUT", `/rounds/2024/reviewers/${staff.accountId}`, {
        expectedVersion: stale,
        title: "教授",
        fullSenior: true,
        workUnitName: "兰州大学",
      }),
    expect: OFFICE_ONLY,
  },
  { operationId: "listReviewers", on: "none", request: () => get("/rounds/2024/reviewers"), expect: DESK },
  {
    operationId: "assignAppraisalExperts",
    on: "submitted",
    request: (id) => send("POST", committeePath(id, "/appraisal"), { expectedVersion: stale }),
    expect: { organiser: "ok" },
  },
  {
    operationId: "listMyAppraisals",
    on: "none",
    request: () => get("/rounds/2024/appraisals"),
    expect: { reviewer: "ok" },
  },
  {
    operationId: "getAppraisal",
    on: "submitted",
    request: (id) => get(appraisalPath(id)),
    expect: { reviewer: NEVER_IN_REACH },
  },
  {
    operationId: "getAppraisalPaper",
    on: "submitted",
    request: (id) => get(appraisalPath(id, `/papers/${unknownEvidence}`)),
    expect: { organiser: "ok", reviewer: NEVER_IN_REACH },
  },
  {
    operationId: "recordAppraisalVerdict",
    on: "submitted",
    request: (id) =>
      send("PUT", appraisalPath(id, "/verdict"), {
        verdict: "pass",
        comments: "矩阵测试：论文论证充分，结论可信",
      }),
    expect: { reviewer: NEVER_IN_REACH },
  },
  {
    operationId: "listCommitteeApplications",
    on: "none",
    request: () => get("/rounds/2024/committee/applications"),
    expect: DESK,
  },
  {
    operationId: "getCommitteeApplication",
    on: "submitted",
    request: (id) => get(committeePath(id)),
    expect: { office: NEVER_IN_REACH, organiser: NEVER_IN_REACH, reviewer: NEVER_IN_REACH },
  },
  {
    operationId: "decideQualification",
    on: "submitted",
    request: (id) =>
      send("POST", committeePath(id, "/qualification"), { expectedVersion: stale, outcome: "passed" }),
    expect: OFFICE_ONLY,
  },
  {
    // Nobody holds the panel-member role under this id: refused after the access check.
    operationId: "createPanel",
    on: "none",
    request: () =>
      send("POST", "/rounds/2024/panels", {
        name: "矩阵学科组",
        subjects: "矩阵测试方向",
        members: ["nobody"],
      }),
    expect: { organiser: "ok" },
  },
  { operationId: "listPanels", on: "none", request: () => get("/rounds/2024/panels"), expect: DESK },
  {
    operationId: "scheduleDefense",
    on: "submitted",
    request: (id) =>
      send("POST", committeePath(id, "/defense"), {
        expectedVersion: stale,
        panelId: unknownId,
        at: "2024-12-10 09:00",
        place: "矩阵会议室",
      }),
    expect: { organiser: "ok" },
  },
  {
    operationId: "recordDefenseResult",
    on: "submitted",
    request: (id) =>
      send("POST", committeePath(id, "/defense/result"), {
        expectedVersion: stale,
        outcome: "pass",
        comments: "矩阵测试意见",
      }),
    expect: { reviewer: NEVER_IN_REACH },
  },
  {
    // The round has not announced its meeting: refused after the access check.
    operationId: "createMeeting",
    on: "none",
    request: () =>
      send("POST", "/rounds/2024/meetings", {
        title: "矩阵会议",
        place: "矩阵会议室",
        at: "2024-12-20 09:00",
        members: ["nobody"],
      }),
    expect: { organiser: "ok" },
  },
  { operationId: "listMeetings", on: "none", request: () => get("/rounds/2024/meetings"), expect: DESK },
  {
    operationId: "getMeeting",
    on: "none",
    request: () => get(meetingPath()),
    expect: { office: 404, organiser: 404, reviewer: 404 },
  },
  {
    operationId: "recordAttendance",
    on: "none",
    request: () => send("PUT", meetingPath("/attendance"), { expectedVersion: stale, present: [] }),
    expect: { organiser: 404 },
  },
  {
    operationId: "openMeeting",
    on: "none",
    request: () => send("POST", meetingPath("/opening"), { expectedVersion: stale }),
    expect: { organiser: 404 },
  },
  {
    operationId: "castVote",
    on: "none",
    request: () => send("PUT", meetingPath(`/votes/${unknownId}`), { ballot: "approve" }),
    expect: { reviewer: 404 },
  },
  {
    operationId: "closeMeeting",
    on: "none",
    request: () => send("POST", meetingPath("/closing"), { expectedVersion: stale }),
    expect: { organiser: 404 },
  },
  {
    // Nothing is approved: refused after the access check.
    operationId: "publishResultNotice",
    on: "none",
    request: () => send("POST", "/admin/rounds/2024/result-notices", { publicityScope: "矩阵测试范围" }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "listApplicationObjections",
    on: "submitted",
    request: (id) => get(`/admin/rounds/2024/applications/${id}/objections`),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "resolveResultObjection",
    on: "submitted",
    request: (id) =>
      send("POST", `/admin/rounds/2024/applications/${id}/objections/o0000000000000000/resolution`, {
        outcome: "dismissed",
        reason: "矩阵测试理由",
        expectedVersion: stale,
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "issueQualificationDocument",
    on: "none",
    request: () =>
      send("POST", "/admin/rounds/2024/qualification-document", {
        documentNumber: "矩阵〔2024〕1号",
        issuedOn: "2024-09-02",
      }),
    expect: OFFICE_ONLY,
  },
  {
    // Unknown numbers answer their own code, not the scope's 404: the route itself is public.
    operationId: "verifyCertificate",
    on: "none",
    public: true,
    request: () => get("/certificates/GS2024-000001?code=ABCDE-FGHJK"),
  },
  {
    operationId: "cancelForFraud",
    on: "submitted",
    request: (id) =>
      send("POST", `/admin/rounds/2024/applications/${id}/fraud-cancellation`, {
        expectedVersion: stale,
        finding: "矩阵测试事实",
        unitAccountability: "矩阵测试",
        handlerAccountability: "矩阵测试",
      }),
    expect: OFFICE_ONLY,
  },
  { operationId: "listBlacklist", on: "none", request: () => get("/admin/blacklist"), expect: OFFICE_ONLY },
  ...(["recordBlacklistEntry", "importBlacklist"] as const).map(
    (operationId): Case => ({
      // A decision dated in the future: refused after the access check, nothing recorded.
      operationId,
      on: "none",
      request: () => {
        const entry = {
          residentId: freshResidentId(),
          realName: "矩阵测试",
          ground: "verified_complaint",
          decisionDate: "2099-01-01",
          documentNumber: "矩阵〔2099〕1号",
          reason: "矩阵测试事由",
        };
        return operationId === "recordBlacklistEntry"
          ? send("POST", "/admin/blacklist", entry)
          : send("POST", "/admin/blacklist/imports", { entries: [entry] });
      },
      expect: OFFICE_ONLY,
    }),
  ),
  {
    operationId: "liftBlacklistEntry",
    on: "none",
    request: () => send("POST", `/admin/blacklist/${unknownId}/lifting`, { reason: "矩阵测试理由" }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "exportApplicationAudit",
    on: "submitted",
    request: (id) => get(`/admin/rounds/2024/applications/${id}/audit?format=json`),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "exportRoundAudit",
    on: "none",
    request: () => get("/admin/rounds/2024/audit?format=csv"),
    expect: OFFICE_ONLY,
  },
];

const MATRIX: Case[] = [
  { operationId: "getHealth", on: "none", public: true, request: () => get("/health") },
  { operationId: "listRounds", on: "none", public: true, request: () => get("/rounds") },
  { operationId: "getRound", on: "none", public: true, request: () => get("/rounds/2024") },
  { operationId: "getOpenApiDocument", on: "none", public: true, request: () => get("/openapi.json") },
  { operationId: "getDocsPage", on: "none", public: true, request: () => get("/docs") },
  {
    operationId: "getDocsAsset",
    on: "none",
    public: true,
    request: () => get("/docs/assets/swagger-ui.css"),
  },
  { operationId: "listUnits", on: "none", public: true, request: () => get("/units") },
  { operationId: "listDepartments", on: "none", public: true, request: () => get("/departments") },
  {
    operationId: "registerApplicant",
    on: "none",
    public: true,
    request: () =>
      send("POST", "/register", {
        ...somebody(),
        roles: undefined,
        password: "Apply#2024ok",
        unitId: "unit-none",
      }),
  },

  {
    operationId: "getMe",
    on: "none",
    request: () => get("/me"),
    expect: Object.fromEntries(PERSONAS.map((persona) => [persona, "ok"])),
  },
  {
    operationId: "updateMe",
    on: "none",
    request: () => send("PATCH", "/me", { expectedVersion: stale, phone: "13900000000" }),
    expect: Object.fromEntries(PERSONAS.map((persona) => [persona, "ok"])),
  },
  {
    operationId: "updateContactPreference",
    on: "none",
    request: () => send("PUT", "/me/contact-preference", { expectedVersion: stale, channel: "sms" }),
    expect: Object.fromEntries(PERSONAS.map((persona) => [persona, "ok"])),
  },

  { operationId: "getRoundAdmin", on: "none", request: () => get("/admin/rounds/2024"), expect: OFFICE_ONLY },
  {
    operationId: "resumeRoundCalendar",
    on: "none",
    // The calendar runs: the office is told there is nothing to resume (409), everyone else is refused.
    request: () =>
      send("POST", "/admin/rounds/2024/calendar-resumptions", { failedExecution: "calendar-2024" }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "createRound",
    on: "none",
    // A well-formed body (the body is checked first) the office cannot store: 2024 has begun and its id is taken.
    request: () =>
      send("POST", "/admin/rounds", {
        roundId: "2024",
        title: "矩阵测试轮次",
        calendar: ROUND_2024_CALENDAR_SPEC,
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "amendRoundCalendar",
    on: "none",
    request: () =>
      send("PUT", "/admin/rounds/2024/calendar", {
        expectedVersion: stale,
        reason: "矩阵测试理由",
        calendar: { review: { to: "2024-11-06 24:00" } },
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "scheduleMeetings",
    on: "none",
    request: () =>
      send("PUT", "/admin/rounds/2024/schedule", { expectedVersion: stale, defenseAt: "2024-12-01 09:00" }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "startReset",
    on: "none",
    request: () => send("POST", "/admin/rounds/2024/resets", { expectedGeneration: stale }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "listResets",
    on: "none",
    request: () => get("/admin/rounds/2024/resets"),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "createUnit",
    on: "none",
    request: () =>
      send("POST", "/admin/units", {
        name: "矩阵测试单位",
        unitType: "lecturer_group",
        central: false,
        region: "兰州市",
        departmentId: "dept-none",
        underPostManagement: false,
        professionalPosts: 1,
        seniorTitleHolders: 0,
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "createDepartment",
    on: "none",
    request: () =>
      send("POST", "/admin/departments", {
        name: "矩阵测试部门",
        departmentType: "group_hr",
        region: "省直",
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "fileDispatchApproval",
    on: "none",
    request: () =>
      send("POST", "/admin/dispatch-approvals", {
        realName: "矩阵测试",
        residentId: freshResidentId(),
        receivingUnitId: "unit-none",
        sendingOrganisation: "某省某单位",
        approvalDocument: "某函〔2024〕1号",
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "getDispatchApproval",
    on: "none",
    request: (_, world) => get(`/admin/dispatch-approvals/${world.dispatchApprovalId}`),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "decideDispatchApproval",
    on: "none",
    request: (_, world) =>
      send("POST", `/admin/dispatch-approvals/${world.dispatchApprovalId}/decision`, {
        expectedVersion: stale,
        decision: "approved",
      }),
    expect: OFFICE_ONLY,
  },

  {
    operationId: "updateUnit",
    on: "unit",
    request: (unit) => send("PATCH", `/admin/units/${unit}`, { expectedVersion: stale, name: "改名测试" }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "fileEntrustment",
    on: "unit",
    request: (unit) =>
      send("POST", `/admin/rounds/2024/units/${unit}/entrustment`, {
        letterNumber: "再次",
        receivedOn: "2024-09-06",
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "decideEntrustment",
    on: "unit",
    request: (unit) =>
      send("POST", `/admin/rounds/2024/units/${unit}/entrustment/decision`, {
        expectedVersion: stale,
        decision: "approved",
      }),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "getEntrustment",
    on: "unit",
    request: (unit) => get(`/rounds/2024/units/${unit}/entrustment`),
    expect: { office: "ok", unitAdmin: IN_UNIT },
  },
  {
    operationId: "getUnitStaffing",
    on: "unit",
    request: (unit) => get(`/rounds/2024/units/${unit}/staffing`),
    expect: {
      office: "ok",
      deptAdmin: IN_DEPARTMENT,
      deptReviewer: IN_DEPARTMENT,
      unitAdmin: IN_UNIT,
      unitHandler: IN_UNIT,
      unitLeader: IN_UNIT,
    },
  },
  {
    operationId: "getOrg",
    on: "unit",
    request: (unit) => get(`/orgs/${unit}`),
    expect: {
      office: "ok",
      deptAdmin: IN_DEPARTMENT,
      deptReviewer: IN_DEPARTMENT,
      unitAdmin: IN_UNIT,
      unitHandler: IN_UNIT,
      unitLeader: IN_UNIT,
      organiser: NEVER_IN_REACH,
    },
  },
  {
    operationId: "getOrg",
    on: "dept",
    request: (dept) => get(`/orgs/${dept}`),
    expect: {
      office: "ok",
      deptAdmin: IN_UNIT,
      deptReviewer: IN_UNIT,
      unitAdmin: NEVER_IN_REACH,
      unitHandler: NEVER_IN_REACH,
      unitLeader: NEVER_IN_REACH,
      organiser: NEVER_IN_REACH,
    },
  },
  ...(["createAccount", "listAccounts"] as const).flatMap((operationId): Case[] => {
    const request = (org: string): Request =>
      operationId === "createAccount"
        ? send("POST", `/orgs/${org}/accounts`, somebody())
        : get(`/orgs/${org}/accounts`);
    return [
      {
        operationId,
        on: "unit",
        request,
        expect: { office: "ok", unitAdmin: IN_UNIT, deptAdmin: NEVER_IN_REACH },
      },
      {
        operationId,
        on: "dept",
        request,
        expect: { office: "ok", deptAdmin: IN_UNIT, unitAdmin: NEVER_IN_REACH },
      },
    ];
  }),
  ...(["setAccountRoles", "disableAccount", "enableAccount"] as const).flatMap((operationId): Case[] => {
    const request = (staff: Staff): Request => {
      const path = `/accounts/${staff.accountId}`;
      if (operationId === "setAccountRoles") {
        return send("PUT", `${path}/roles`, { expectedVersion: stale, roles: staff.roles });
      }
      if (operationId === "disableAccount")
        return send("POST", `${path}/disable`, { expectedVersion: stale, reason: "矩阵" });
      return send("POST", `${path}/enable`, { expectedVersion: stale });
    };
    return [
      {
        operationId,
        on: "staff",
        request,
        expect: { office: "ok", unitAdmin: IN_UNIT, deptAdmin: NEVER_IN_REACH },
      },
      {
        // Applicants are nobody's staff: account administration does not reach them.
        operationId,
        on: "applicant",
        request: (applicant) => request({ accountId: applicant, roles: [] }),
        expect: { office: NEVER_IN_REACH, unitAdmin: NEVER_IN_REACH, deptAdmin: NEVER_IN_REACH },
      },
    ];
  }),
  {
    operationId: "getApplicantResidentId",
    on: "applicant",
    request: (applicant) => get(`/applicants/${applicant}/resident-id`),
    expect: {
      office: "ok",
      applicant: IN_UNIT,
      unitHandler: IN_UNIT,
      unitLeader: IN_UNIT,
      deptReviewer: IN_DEPARTMENT,
    },
  },

  // Applicant routes (issue #5): the applicant's own applications only; every staff role is refused.
  { operationId: "getIntegrityPledge", on: "none", public: true, request: () => get("/integrity-pledge") },
  {
    // matrix-a1 already has an application in the round: the creation stops at the one-per-person claim.
    operationId: "createApplication",
    on: "none",
    request: () => send("POST", "/rounds/2024/applications", {}),
    expect: { applicant: "ok" },
  },
  {
    operationId: "listMyApplications",
    on: "none",
    request: () => get("/rounds/2024/applications"),
    expect: { applicant: "ok" },
  },
  ...APPLICATION_CASES,

  // Review and publicity (issue #7): the unit's staff on its submitted applications, the department on
  // what its units recommended; every change stops at a stale version or an unknown objection.
  { operationId: "listNotices", on: "none", public: true, request: () => get("/rounds/2024/notices") },
  {
    operationId: "getNotice",
    on: "none",
    public: true,
    request: (_, world) => get(`/rounds/2024/notices/${world.noticeId}`),
  },
  {
    // Too short to be an objection: refused after the route is reached, nothing stored.
    operationId: "lodgeObjection",
    on: "none",
    public: true,
    request: (_, world) =>
      send("POST", `/rounds/2024/notices/${world.noticeId}/objections`, { entry: 1, content: "短" }),
  },
  {
    operationId: "listUnitApplications",
    on: "unit",
    request: (unit) => get(`/rounds/2024/units/${unit}/applications`),
    expect: { office: "ok", unitHandler: IN_UNIT, unitLeader: IN_UNIT },
  },
  {
    operationId: "openUnitPublicity",
    on: "unit",
    request: (unit, world) =>
      send("POST", `/rounds/2024/units/${unit}/notices`, {
        publicityScope: "矩阵测试",
        lastDay: "2024-09-20",
        applications: [{ applicationId: world.submitted[world.unit.indexOf(unit)], expectedVersion: stale }],
      }),
    expect: { unitHandler: IN_UNIT },
  },
  ...(["submitted", "recommended"] as const).flatMap((on): Case[] => {
    const departmentReach = on === "recommended" ? IN_DEPARTMENT : NEVER_IN_REACH;
    const feedback = {
      expectedVersion: stale,
      reason: "矩阵",
      items: [{ section: "summary", comment: "矩阵测试" }],
    };
    return [
      {
        operationId: "getApplicationForReview",
        on,
        request: (id) => get(reviewPath(id)),
        expect: { office: "ok", unitHandler: IN_UNIT, unitLeader: IN_UNIT, deptReviewer: departmentReach },
      },
      {
        operationId: "returnApplicationByUnit",
        on,
        request: (id) => send("POST", reviewPath(id, "/unit-return"), feedback),
        expect: { unitHandler: IN_UNIT },
      },
      {
        operationId: "resolveObjection",
        on,
        request: (id) =>
          send("POST", reviewPath(id, "/objections/o0000000000000000/resolution"), {
            outcome: "dismissed",
            reason: "矩阵测试",
            expectedVersion: stale,
          }),
        expect: { unitHandler: IN_UNIT },
      },
      {
        operationId: "recommendApplication",
        on,
        request: (id) => send("POST", reviewPath(id, "/recommendation"), { expectedVersion: stale }),
        expect: { unitLeader: IN_UNIT },
      },
      {
        operationId: "returnApplicationByDepartment",
        on,
        request: (id) => send("POST", reviewPath(id, "/department-return"), feedback),
        expect: { deptReviewer: departmentReach },
      },
      {
        operationId: "approveApplicationByDepartment",
        on,
        request: (id) => send("POST", reviewPath(id, "/department-approval"), { expectedVersion: stale }),
        expect: { deptReviewer: departmentReach },
      },
      {
        operationId: "requireOriginals",
        on,
        request: (id) =>
          send("PUT", reviewPath(id, "/originals-required"), {
            expectedVersion: stale,
            items: ["学历证书原件"],
          }),
        expect: { deptReviewer: departmentReach },
      },
      {
        operationId: "recordRegistryCheck",
        on,
        request: (id) =>
          send("POST", reviewPath(id, "/registry-checks"), {
            expectedVersion: stale,
            educationIndex: 0,
            certificateNumber: "107301200505000123",
            verificationCode: "MATRIX0000000001",
          }),
        expect: { unitHandler: IN_UNIT, deptReviewer: departmentReach },
      },
    ];
  }),
  {
    operationId: "listDepartmentApplications",
    on: "dept",
    request: (dept) => get(`/rounds/2024/departments/${dept}/applications`),
    expect: { office: "ok", deptReviewer: IN_UNIT },
  },
  {
    operationId: "getRoundProgress",
    on: "none",
    request: () => get("/rounds/2024/progress"),
    expect: OFFICE_ONLY,
  },
  {
    operationId: "getDepartmentProgress",
    on: "dept",
    request: (dept) => get(`/rounds/2024/departments/${dept}/progress`),
    expect: { office: "ok", deptAdmin: IN_UNIT, deptReviewer: IN_UNIT },
  },
  {
    operationId: "getUnitProgress",
    on: "unit",
    request: (unit) => get(`/rounds/2024/units/${unit}/progress`),
    expect: {
      office: "ok",
      deptAdmin: IN_DEPARTMENT,
      deptReviewer: IN_DEPARTMENT,
      unitAdmin: IN_UNIT,
      unitHandler: IN_UNIT,
      unitLeader: IN_UNIT,
    },
  },
  ...COMMITTEE_CASES,
];

let system: LocalSystem;
let api: Client;
const tokens = {} as Record<Persona, string>;
const world = {} as World;

async function created<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T;
  if (response.status !== 201) throw new Error(`setup failed: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  system = await startTestSystem();
  api = client(system);
  await api.send("POST", "/dev/clock", { at: "2024-09-02T10:00:00+08:00", frozen: true });
  const logins: [Persona, string][] = [
    ["office", "office-admin"],
    ["organiser", "organiser"],
    ["deptAdmin", "dept-admin"],
    ["unitAdmin", "unit-admin"],
    ["unitHandler", "unit-handler"],
    ["unitLeader", "unit-leader"],
  ];
  for (const [persona, username] of logins) tokens[persona] = await api.login(username);
  const office = tokens.office;

  const deptB = await created<{ orgId: string }>(
    await api.send(
      "POST",
      "/admin/departments",
      { name: "天水市人力资源和社会保障局", departmentType: "city_hr_bureau", region: "天水市" },
      office,
    ),
  );
  const unit = (name: string, departmentId: string) => ({
    name,
    unitType: "government_staff_training",
    central: true,
    region: "兰州市",
    departmentId,
    underPostManagement: true,
    professionalPosts: 10,
    seniorTitleHolders: 1,
  });
  const u1 = "unit-demo-training-center";
  const u2 = (
    await created<{ orgId: string }>(
      await api.send("POST", "/admin/units", unit("同部门另一单位", "dept-lanzhou-hrss"), office),
    )
  ).orgId;
  const u3 = (
    await created<{ orgId: string }>(
      await api.send("POST", "/admin/units", unit("另一部门的单位", deptB.orgId), office),
    )
  ).orgId;
  await api.send("PATCH", `/admin/units/${u1}`, { expectedVersion: 1, central: true }, office);

  const unitAdminOf = async (unitId: string): Promise<Staff> => {
    const account = await created<{ accountId: string }>(
      await api.send("POST", `/orgs/${unitId}/accounts`, { ...somebody(), roles: ["unit_admin"] }, office),
    );
    return { accountId: account.accountId, roles: ["unit_admin"] };
  };
  const handlerMe = (await (await api.get("/me", tokens.unitHandler)).json()) as { accountId: string };
  world.staff = [
    { accountId: handlerMe.accountId, roles: ["unit_handler"] },
    await unitAdminOf(u2),
    await unitAdminOf(u3),
  ];
  world.unit = [u1, u2, u3];
  world.dept = ["dept-lanzhou-hrss", undefined, deptB.orgId];

  const reviewer = await created<{ temporaryPassword: string }>(
    await api.send(
      "POST",
      "/orgs/dept-lanzhou-hrss/accounts",
      { ...somebody(), username: "matrix-reviewer", roles: ["department_reviewer"] },
      tokens.deptAdmin,
    ),
  );
  tokens.deptReviewer = await api.login("matrix-reviewer", reviewer.temporaryPassword);

  const register = async (username: string, unitId: string) =>
    (
      await created<{ accountId: string }>(
        await api.send("POST", "/register", {
          ...somebody(),
          roles: undefined,
          username,
          password: "Apply#2024ok",
          unitId,
        }),
      )
    ).accountId;
  world.applicant = [
    await register("matrix-a1", u1),
    await register("matrix-a2", u2),
    await register("matrix-a3", u3),
  ];
  tokens.applicant = await api.login("matrix-a1", "Apply#2024ok");
  const appointed = await created<{ temporaryPassword: string }>(
    await api.send(
      "POST",
      "/orgs/office/accounts",
      { ...somebody(), username: "matrix-appointed", roles: ["expert", "panel_member", "committee_member"] },
      office,
    ),
  );
  tokens.reviewer = await api.login("matrix-appointed", appointed.temporaryPassword);
  const applicationOf = async (username: string) =>
    (
      await created<{ applicationId: string }>(
        await api.send(
          "POST",
          "/rounds/2024/applications",
          {},
          username === "matrix-a1" ? tokens.applicant : await api.login(username, "Apply#2024ok"),
        ),
      )
    ).applicationId;
  world.application = [
    await applicationOf("matrix-a1"),
    await applicationOf("matrix-a2"),
    await applicationOf("matrix-a3"),
  ];

  for (const unitId of world.unit) {
    await created(
      await api.send(
        "POST",
        `/admin/rounds/2024/units/${unitId}/entrustment`,
        { letterNumber: "某函〔2024〕1号", receivedOn: "2024-09-05" },
        office,
      ),
    );
  }
  // Review needs applications past the applicant's desk: placed in their state directly, as no window is
  // open on 09-02 (the review routes themselves are the subject of review-journey.test.ts).
  const placed = async (username: string, unitId: string, state: ApplicationState) => {
    await register(username, unitId);
    const id = await applicationOf(username);
    const application = await applicationRepository.get({ roundId: "2024", generation: 1 }, id);
    if (!application) throw new Error(`setup failed: no application of ${username}`);
    const at = "2024-09-02T02:00:00.000Z";
    await documentClient.send(
      new PutCommand({
        TableName: process.env.TABLE_NAME,
        Item: headItem({
          ...application,
          state,
          firstSubmittedAt: at,
          ...(state === "recommended" ? { recommendedAt: at } : {}),
        }),
      }),
    );
    return id;
  };
  world.submitted = [
    await placed("matrix-s1", u1, "submitted"),
    await placed("matrix-s2", u2, "submitted"),
    await placed("matrix-s3", u3, "submitted"),
  ];
  world.recommended = [
    await placed("matrix-r1", u1, "recommended"),
    await placed("matrix-r2", u2, "recommended"),
    await placed("matrix-r3", u3, "recommended"),
  ];
  world.noticeId = randomUUID();
  await writeTogether([
    noticeRepository.putWrite({
      noticeId: world.noticeId,
      scope: { roundId: "2024", generation: 1 },
      unitId: u1,
      unitName: "矩阵测试单位",
      title: "矩阵测试公示",
      publicityScope: "本单位",
      startsAt: "2024-09-02T02:00:00.000Z",
      endsAt: "2024-09-08T16:00:00.000Z",
      lastDay: "2024-09-08",
      openedBy: "matrix",
      entries: [],
      createdAt: "2024-09-02T02:00:00.000Z",
    }),
  ]);

  world.dispatchApprovalId = (
    await created<{ approvalId: string }>(
      await api.send(
        "POST",
        "/admin/dispatch-approvals",
        {
          realName: "派遣人员",
          residentId: freshResidentId(),
          receivingUnitId: u1,
          sendingOrganisation: "某省某单位",
          approvalDocument: "某函〔2024〕2号",
        },
        office,
      ),
    )
  ).approvalId;
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

async function outcome(request: Request, token?: string): Promise<Outcome | string> {
  const response = request.headers
    ? await apiFetch(`${system.url}${request.path}`, {
        method: request.method,
        headers: {
          "content-type": "application/json",
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...request.headers,
        },
        body: JSON.stringify(request.body),
      })
    : request.body === undefined
      ? await api.get(request.path, token)
      : await api.send(request.method, request.path, request.body, token);
  const text = await response.text();
  let code = "";
  try {
    code = String((JSON.parse(text) as { code?: string }).code ?? "");
  } catch {
    // HTML and assets answer no JSON.
  }
  if (response.status === 401) return 401;
  if (response.status === 403 && code === "FORBIDDEN") return 403;
  if (response.status === 404 && code === "NOT_FOUND") return 404;
  if (response.status >= 500) return `${response.status} ${text}`;
  return "ok";
}

function targetsOf(entry: Case): (string & Staff)[] {
  const columns: unknown[] = entry.on === "none" ? [undefined] : world[entry.on];
  return columns as (string & Staff)[];
}

describe("authorization matrix over HTTP (issue #4 §5)", () => {
  it("covers every route of the API", () => {
    expect([...new Set(MATRIX.map((entry) => entry.operationId))].sort()).toEqual(
      ROUTES.map((spec) => spec.operationId).sort(),
    );
  });

  it.each(MATRIX.map((entry) => [`${entry.operationId} on ${entry.on}`, entry] as const))(
    "%s",
    async (_, entry) => {
      const mismatches: string[] = [];
      const targets = targetsOf(entry);
      for (const [column, target] of targets.entries()) {
        if (entry.on !== "none" && target === undefined) continue;
        const request = entry.request(target, world);
        const anonymous = await outcome(request);
        const expectedAnonymous: Outcome = entry.public ? "ok" : 401;
        if (anonymous !== expectedAnonymous) mismatches.push(`anonymous [${column}]: ${anonymous}`);
        if (entry.public) continue;
        for (const persona of PERSONAS) {
          const listed = entry.expect?.[persona] ?? 403;
          const expected = Array.isArray(listed) ? listed[column] : listed;
          const actual = await outcome(entry.request(target, world), tokens[persona]);
          if (actual !== expected)
            mismatches.push(`${persona} [${column}]: expected ${expected}, got ${actual}`);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});
