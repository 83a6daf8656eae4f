import type { AccountKind } from "../adapters/dynamodb/account-repository";
import type { OrgKind } from "../adapters/dynamodb/org-record";
import type { Role } from "../core/roles";

/**
 * How far a role reaches over a route's subject (DESIGN.md §3):
 * - `any`: province-wide (the title office);
 * - `own_org`: the organisation the role is held in — a unit's staff see their unit, an applicant
 *   the unit they apply through;
 * - `own_department`: a reviewing department and the units that report to it;
 * - `self`: the caller's own account;
 * - `assigned`: an application assigned to the caller by name — an appraisal expert's, a defense
 *   panel member's, a committee member's meeting (R4.4, R4.5, R8.1); everything else is 404.
 */
export type Reach = "any" | "own_org" | "own_department" | "self" | "assigned";

/**
 * What a route acts on, named by its path parameter; scope is decided against it. An application is
 * reached through its unit: the unit's staff reach it from its first submission on (drafts stay the
 * applicant's), a department once the unit has recommended it (R4.3, DESIGN.md §3).
 */
export type Subject =
  | { kind: "none" }
  | { kind: "org"; param: string; orgKind?: OrgKind }
  | { kind: "account"; param: string; accountKind?: AccountKind }
  | { kind: "application"; param: string }
  /** A review meeting of the round in the path (R8.1): its members reach it as `assigned`. */
  | { kind: "meeting"; param: string };

export type AccessRule =
  | { access: "public" }
  /** Any enabled account, acting on itself only (its own profile). */
  | { access: "own_account" }
  /** Only the roles listed, each within its reach; every other role is refused with 403. */
  | { access: "roles"; subject: Subject; grants: Partial<Record<Role, Reach>> };

const PUBLIC = { access: "public" } as const;
const OWN_ACCOUNT = { access: "own_account" } as const;
/**
 * An applicant's own applications (issue #5): the handler refuses every role but `applicant` (403) and
 * answers 404 for an application that is not the caller's.
 */
const OWN_APPLICATION = OWN_ACCOUNT;
const OFFICE = { access: "roles", subject: { kind: "none" }, grants: { office_admin: "any" } } as const;
const OFFICE_ON_UNIT = {
  access: "roles",
  subject: { kind: "org", param: "unitId", orgKind: "unit" },
  grants: { office_admin: "any" },
} as const;
/** Account administration: the office everywhere, a unit or department admin in their own org (R3.2). */
const ACCOUNT_ADMINS = { office_admin: "any", unit_admin: "own_org", department_admin: "own_org" } as const;
const STAFF_ACCOUNT = {
  access: "roles",
  subject: { kind: "account", param: "accountId", accountKind: "staff" },
  grants: ACCOUNT_ADMINS,
} as const;

/** Unit review (issue #7): the unit's handler and leader on their unit's applications; the office reads all. */
const UNIT_READERS = { office_admin: "any", unit_handler: "own_org", unit_leader: "own_org" } as const;
const ON_UNIT = { kind: "org", param: "unitId", orgKind: "unit" } as const;
const ON_APPLICATION = { kind: "application", param: "applicationId" } as const;
const UNIT_HANDLER_ACTION = {
  access: "roles",
  subject: ON_APPLICATION,
  grants: { unit_handler: "own_org" },
} as const;
/** A department acts on what its units recommended to it (R4.3). */
const DEPARTMENT_ACTION = {
  access: "roles",
  subject: ON_APPLICATION,
  grants: { department_reviewer: "own_department" },
} as const;

/** The committee's desk (issue #8): the title office and the party-school organiser, province-wide. */
const COMMITTEE_DESK = { office_admin: "any", organiser: "any" } as const;
const ON_MEETING = { kind: "meeting", param: "meetingId" } as const;
const ORGANISER = { access: "roles", subject: { kind: "none" }, grants: { organiser: "any" } } as const;
const OFFICE_ON_APPLICATION = {
  access: "roles",
  subject: ON_APPLICATION,
  grants: { office_admin: "any" },
} as const;

/**
 * The one authorization table: every route of the API by operationId, who may call it and how scope
 * is decided. The handler group refuses to start with a route that has no entry (deny by default),
 * and runs no handler before the entry's check passed: 403 for a role the entry does not list, 404
 * for a subject outside the caller's reach, so its existence is not revealed.
 */
export const ACCESS_POLICY = {
  getHealth: PUBLIC,
  listRounds: PUBLIC,
  getRound: PUBLIC,
  getOpenApiDocument: PUBLIC,
  getDocsPage: PUBLIC,
  getDocsAsset: PUBLIC,
  registerApplicant: PUBLIC,
  listUnits: PUBLIC,
  listDepartments: PUBLIC,

  getMe: OWN_ACCOUNT,
  updateMe: OWN_ACCOUNT,
  updateContactPreference: OWN_ACCOUNT,

  getIntegrityPledge: PUBLIC,
  createApplication: OWN_APPLICATION,
  listMyApplications: OWN_APPLICATION,
  getApplication: OWN_APPLICATION,
  saveBaseInfo: OWN_APPLICATION,
  saveBasicSection: OWN_APPLICATION,
  saveMoralSection: OWN_APPLICATION,
  saveAbilitySection: OWN_APPLICATION,
  saveAchievementsSection: OWN_APPLICATION,
  saveSummarySection: OWN_APPLICATION,
  signIntegrityPledge: OWN_APPLICATION,
  getApplicationChecklist: OWN_APPLICATION,
  requestEvidenceUpload: OWN_APPLICATION,
  completeEvidenceUpload: OWN_APPLICATION,
  listEvidence: OWN_APPLICATION,
  getEvidenceDownload: OWN_APPLICATION,
  deleteEvidence: OWN_APPLICATION,
  mergeEvidenceImages: OWN_APPLICATION,
  submitApplication: OWN_APPLICATION,
  resubmitApplication: OWN_APPLICATION,
  withdrawApplication: OWN_APPLICATION,
  getApplicationStatus: OWN_APPLICATION,

  getRoundAdmin: OFFICE,
  resumeRoundCalendar: OFFICE,
  createRound: OFFICE,
  amendRoundCalendar: OFFICE,
  scheduleMeetings: OFFICE,
  startReset: OFFICE,
  listResets: OFFICE,
  createUnit: OFFICE,
  createDepartment: OFFICE,
  fileDispatchApproval: OFFICE,
  getDispatchApproval: OFFICE,
  decideDispatchApproval: OFFICE,

  updateUnit: OFFICE_ON_UNIT,
  fileEntrustment: OFFICE_ON_UNIT,
  decideEntrustment: OFFICE_ON_UNIT,
  getEntrustment: {
    access: "roles",
    subject: { kind: "org", param: "unitId", orgKind: "unit" },
    grants: { office_admin: "any", unit_admin: "own_org" },
  },
  getOrg: {
    access: "roles",
    subject: { kind: "org", param: "orgId" },
    grants: {
      office_admin: "any",
      department_admin: "own_department",
      department_reviewer: "own_department",
      unit_admin: "own_org",
      unit_handler: "own_org",
      unit_leader: "own_org",
      organiser: "own_org",
    },
  },
  getUnitStaffing: {
    access: "roles",
    subject: { kind: "org", param: "unitId", orgKind: "unit" },
    grants: {
      office_admin: "any",
      department_admin: "own_department",
      department_reviewer: "own_department",
      unit_admin: "own_org",
      unit_handler: "own_org",
      unit_leader: "own_org",
    },
  },
  createAccount: { access: "roles", subject: { kind: "org", param: "orgId" }, grants: ACCOUNT_ADMINS },
  listAccounts: { access: "roles", subject: { kind: "org", param: "orgId" }, grants: ACCOUNT_ADMINS },
  setAccountRoles: STAFF_ACCOUNT,
  disableAccount: STAFF_ACCOUNT,
  enableAccount: STAFF_ACCOUNT,
  /** The clear ID number, for the reviewers who check an applicant's identity, and the applicant. */
  getApplicantResidentId: {
    access: "roles",
    subject: { kind: "account", param: "accountId", accountKind: "applicant" },
    grants: {
      applicant: "self",
      unit_handler: "own_org",
      unit_leader: "own_org",
      department_reviewer: "own_department",
      office_admin: "any",
    },
  },

  listNotices: PUBLIC,
  getNotice: PUBLIC,
  lodgeObjection: PUBLIC,
  listUnitApplications: { access: "roles", subject: ON_UNIT, grants: UNIT_READERS },
  openUnitPublicity: { access: "roles", subject: ON_UNIT, grants: { unit_handler: "own_org" } },
  getApplicationForReview: {
    access: "roles",
    subject: ON_APPLICATION,
    grants: { ...UNIT_READERS, department_reviewer: "own_department" },
  },
  returnApplicationByUnit: UNIT_HANDLER_ACTION,
  resolveObjection: UNIT_HANDLER_ACTION,
  recommendApplication: { access: "roles", subject: ON_APPLICATION, grants: { unit_leader: "own_org" } },
  listDepartmentApplications: {
    access: "roles",
    subject: { kind: "org", param: "departmentId", orgKind: "department" },
    grants: { office_admin: "any", department_reviewer: "own_org" },
  },
  // Round progress (DESIGN.md §7a): the office reads all, a department its units', a unit its own.
  getRoundProgress: OFFICE,
  getDepartmentProgress: {
    access: "roles",
    subject: { kind: "org", param: "departmentId", orgKind: "department" },
    grants: { office_admin: "any", department_admin: "own_org", department_reviewer: "own_org" },
  },
  getUnitProgress: {
    access: "roles",
    subject: ON_UNIT,
    grants: {
      office_admin: "any",
      department_admin: "own_department",
      department_reviewer: "own_department",
      unit_admin: "own_org",
      unit_handler: "own_org",
      unit_leader: "own_org",
    },
  },
  returnApplicationByDepartment: DEPARTMENT_ACTION,
  approveApplicationByDepartment: DEPARTMENT_ACTION,
  requireOriginals: DEPARTMENT_ACTION,
  // R7.4: a fact the applicant may not declare, recorded by whoever reviews the application.
  recordRegistryCheck: {
    access: "roles",
    subject: ON_APPLICATION,
    grants: { unit_handler: "own_org", department_reviewer: "own_department" },
  },

  // The committee path (issue #8): the office and the organiser province-wide, reviewers on what is
  // assigned to them by name.
  saveRepresentativePapers: OWN_APPLICATION,
  setReviewerProfile: {
    access: "roles",
    subject: { kind: "account", param: "accountId", accountKind: "staff" },
    grants: { office_admin: "any" },
  },
  listReviewers: { access: "roles", subject: { kind: "none" }, grants: COMMITTEE_DESK },
  assignAppraisalExperts: { access: "roles", subject: ON_APPLICATION, grants: { organiser: "any" } },
  listMyAppraisals: { access: "roles", subject: { kind: "none" }, grants: { expert: "any" } },
  getAppraisal: { access: "roles", subject: ON_APPLICATION, grants: { expert: "assigned" } },
  getAppraisalPaper: {
    access: "roles",
    subject: ON_APPLICATION,
    grants: { expert: "assigned", organiser: "any" },
  },
  recordAppraisalVerdict: { access: "roles", subject: ON_APPLICATION, grants: { expert: "assigned" } },

  listCommitteeApplications: { access: "roles", subject: { kind: "none" }, grants: COMMITTEE_DESK },
  getCommitteeApplication: {
    access: "roles",
    subject: ON_APPLICATION,
    grants: { ...COMMITTEE_DESK, panel_member: "assigned", committee_member: "assigned" },
  },
  decideQualification: OFFICE_ON_APPLICATION,
  createPanel: ORGANISER,
  listPanels: { access: "roles", subject: { kind: "none" }, grants: COMMITTEE_DESK },
  scheduleDefense: { access: "roles", subject: ON_APPLICATION, grants: { organiser: "any" } },
  recordDefenseResult: { access: "roles", subject: ON_APPLICATION, grants: { panel_member: "assigned" } },

  publishResultNotice: OFFICE,
  listApplicationObjections: OFFICE_ON_APPLICATION,
  resolveResultObjection: OFFICE_ON_APPLICATION,
  issueQualificationDocument: OFFICE,
  downloadCertificate: OWN_APPLICATION,
  verifyCertificate: PUBLIC,

  cancelForFraud: OFFICE_ON_APPLICATION,
  recordBlacklistEntry: OFFICE,
  importBlacklist: OFFICE,
  listBlacklist: OFFICE,
  liftBlacklistEntry: OFFICE,
  exportApplicationAudit: OFFICE_ON_APPLICATION,
  exportRoundAudit: OFFICE,

  createMeeting: ORGANISER,
  listMeetings: { access: "roles", subject: { kind: "none" }, grants: COMMITTEE_DESK },
  getMeeting: {
    access: "roles",
    subject: ON_MEETING,
    grants: { ...COMMITTEE_DESK, committee_member: "assigned" },
  },
  recordAttendance: { access: "roles", subject: ON_MEETING, grants: { organiser: "any" } },
  openMeeting: { access: "roles", subject: ON_MEETING, grants: { organiser: "any" } },
  castVote: { access: "roles", subject: ON_MEETING, grants: { committee_member: "assigned" } },
  closeMeeting: { access: "roles", subject: ON_MEETING, grants: { organiser: "any" } },
} as const satisfies Record<string, AccessRule>;

export type OperationId = keyof typeof ACCESS_POLICY;

export function accessRuleOf(operationId: string): AccessRule | undefined {
  return (ACCESS_POLICY as Record<string, AccessRule | undefined>)[operationId];
}
