import type { AppraisalPassRule, Exclusion, RecordedDuplicateCheck, VoteCount } from "../../core/committee";
import type { ErrorCode } from "../../core/error-catalogue";
import type { EvidenceContentType, SectionId, SlotId } from "../../core/forms";
import type { Action, ApplicationState } from "../../core/lifecycle";
import type { Role } from "../../core/roles";
import type { GenerationScope } from "./keys";
import type { QuotaPool } from "./review-keys";

/** Who acts on an application: an account and the role they act in (the workflow is `system`). */
export interface ActorRef {
  id: string;
  role: Role;
  /** The unit or department the role is held in, for the audit record (staff only). */
  orgId?: string;
}

/** What a department asks to see in the original (R4.3), and from whom. */
export interface OriginalsRequired {
  items: string[];
  note?: string;
  requiredBy: string;
  requiredAt: string;
}

/** The integrity pledge as signed: which text, when, and the personal statements it affirms (R4.1, R1.5). */
export interface SignedPledge {
  textVersion: string;
  signedAt: string;
  statements: PersonalStatements;
}

/** Facts of R1.5 and R2.5 the form does not ask for; the applicant affirms them with the pledge. */
export interface PersonalStatements {
  civilServant: boolean;
  civilServantManaged: boolean;
  retired: boolean;
  retirementPostType: "cadre" | "worker";
  sanctions: { kind: "party" | "government"; from: string; until: string | null }[];
  dispatched: boolean;
}

/** The title office's qualification review (资格初审, R4.4): failures name each rule. */
export interface QualificationReview {
  outcome: "passed" | "failed";
  reasons: { rule: string; message: string }[];
  /** R7.7: the office's 中国知网 check of the CNKI-indexed papers, the only ratios recorded for them. */
  duplicateChecks?: RecordedDuplicateCheck[];
  decidedBy: string;
  decidedAt: string;
}

/** The paper appraisal of the two representative papers (R4.4): who appraises, who was excluded and why (R8.2). */
export interface AppraisalAssignment {
  experts: string[];
  excluded: Exclusion[];
  mode: "automatic" | "manual";
  /** Experts see neither name nor unit of the applicant (匿名鉴定) when the organiser says so. */
  anonymised: boolean;
  passRule: AppraisalPassRule;
  assignedBy: string;
  assignedAt: string;
  /** Set by the verdict that decided it. */
  outcome?: { passed: boolean; passes: number; fails: number; decidedAt: string };
}

/** The defense before a subject panel (学科组, R4.5), set when announced, and the panel's result. */
export interface DefenseSlot {
  panelId: string;
  panelName: string;
  /** The panel's members when the defense was scheduled: they alone see and record it. */
  members: string[];
  at: string;
  place: string;
  scheduledBy: string;
  result?: { outcome: "pass" | "fail"; comments: string; recordedBy: string; recordedAt: string };
}

/** The committee meeting that decides the application (R8.1) and, once closed, its counted vote. */
export interface CommitteeDecision {
  meetingId: string;
  /** The meeting's members: they alone see and vote on it. */
  members: string[];
  result?: VoteCount & { decidedAt: string };
}

/** The electronic certificate (R4.6), once the qualification document is issued. */
export interface CertificateFacts {
  certificateNumber: string;
  verificationCode: string;
  issuedOn: string;
  documentNumber: string;
}

/** R5.5: the office's fraud finding, with who answers for it at the unit, and the blacklist entry it made. */
export interface FraudCancellation {
  finding: string;
  unitAccountability: string;
  handlerAccountability: string;
  documentNumber?: string;
  blacklistEntryId: string;
  decidedBy: string;
  decidedAt: string;
}

/**
 * R7.4: a unit or department reviewer found an education record on the 学信网 registry. Recorded by
 * the reviewer, never by the applicant; it waives the education evidence of that record only.
 */
export interface RegistryCheck {
  /** The record's 学历证书编号 as checked: a record whose number is later edited is unchecked again. */
  certificateNumber: string;
  /** The registry's online verification code (在线验证码) the reviewer read. */
  verificationCode: string;
  checkedBy: string;
  role: "unit_handler" | "department_reviewer";
  /** The unit or department the reviewer acted for. */
  org: string;
  checkedAt: string;
}

/** The head item of an application: everything but the sections, the uploads and the trail. */
export interface ApplicationRecord {
  applicationId: string;
  scope: GenerationScope;
  applicantId: string;
  /** The unit the applicant applies through (R2.2, R2.3), fixed when the application is created. */
  unitId: string;
  state: ApplicationState;
  version: number;
  baseInfo: unknown;
  confirmedSections: SectionId[];
  pledge?: SignedPledge;
  /** Moves with every change of the uploads, so a submission sees exactly the evidence it pins. */
  evidenceRevision: number;
  submissions: number;
  departmentReturns: number;
  unitPublicity?: { openedBy: string; startedAt: string };
  resultNoticeStartedAt?: string;
  firstSubmittedAt?: string;
  lastSubmittedAt?: string;
  /** The unit notice that lists it (R4.2), set when the publicity opens. */
  noticeId?: string;
  /** The first recommendation: from then on the application is on its department's list (R4.3). */
  recommendedAt?: string;
  /** The unit quota it holds a slot of (R5.2, R6.3), until it leaves the round. */
  quotaPool?: QuotaPool;
  originalsRequired?: OriginalsRequired;
  /** R4.4: exactly two of the applicant's paper uploads, by evidence id, designated before submission. */
  representativePapers?: string[];
  /** R7.4: education records a reviewer checked on the 学信网 registry, one per certificate number. */
  registryChecks?: RegistryCheck[];
  qualificationReview?: QualificationReview;
  appraisal?: AppraisalAssignment;
  defense?: DefenseSlot;
  committee?: CommitteeDecision;
  certificate?: CertificateFacts;
  fraudCancellation?: FraudCancellation;
  /** Created during the pre-preparation rehearsal (R3.5): shown labelled, cleared by the reset. */
  testData?: true;
  createdAt: string;
  updatedAt: string;
}

export type EvidencePlace = { index?: number; year?: number };

/** Why completion refused an upload, exactly as it was answered, so a repeated completion answers the same. */
export interface EvidenceRefusal {
  code: ErrorCode;
  message: string;
  /** `rule_violation` (422) for a bad file, `conflict` (409) for an upload completed too late. */
  kind: "rule_violation" | "conflict";
  rule?: string;
  refusedAt: string;
}

export interface EvidenceItem extends EvidencePlace {
  evidenceId: string;
  slotId: SlotId;
  /**
   * Pending until the server has checked the bytes (DESIGN.md §6); refused when the check failed — the
   * record says why and never blocks the application: a new upload to the same place clears it.
   */
  status: "pending" | "verified" | "refused";
  /** Declared at the request; after verification, the type read from the bytes. */
  contentType: EvidenceContentType;
  fileName: string;
  /** The quarantine key the presigned POST may write; absent for a PDF the server merged itself. */
  incomingKey?: string;
  /** The verified copy, written by the service only and named by its SHA-256; set once verified. */
  objectKey?: string;
  declaredSize: number;
  requestedAt: string;
  /** The presigned POST stops working at this instant. */
  uploadExpiresAt: string;
  /** `complete` is refused after this instant: the upload has to be requested again. */
  completeBy: string;
  size?: number;
  sha256?: string;
  /** What S3 answered for the verified copy; absent where the bucket keeps no versions (the local S3 server). */
  versionId?: string;
  pageCount?: number;
  verifiedAt?: string;
  /** For a PDF the server merged from ordered images (R7.3). */
  mergedFrom?: string[];
  refusal?: EvidenceRefusal;
}

/** An upload whose bytes were checked and copied to their verified key. */
export type VerifiedEvidenceItem = EvidenceItem & {
  status: "verified";
  objectKey: string;
  sha256: string;
  size: number;
};

export function isVerified(item: EvidenceItem): item is VerifiedEvidenceItem {
  return (
    item.status === "verified" &&
    item.objectKey !== undefined &&
    item.sha256 !== undefined &&
    item.size !== undefined
  );
}

/** One evidence object as a submission pins it: reviewers see exactly these bytes. */
export interface PinnedEvidence extends EvidencePlace {
  evidenceId: string;
  slotId: SlotId;
  objectKey: string;
  versionId?: string;
  sha256: string;
  size: number;
  contentType: EvidenceContentType;
  pageCount: number;
}

export interface SubmissionRecord {
  number: number;
  action: "submit" | "resubmit";
  submittedAt: string;
  evidence: PinnedEvidence[];
  /**
   * The Idempotency-Key of the request that made it: a retry whose first answer was lost (a timeout after
   * the write reached the table) finds its own submission here and gets its answer.
   */
  requestKey?: string;
}

/** The audit record of one change; state changes carry `fromState` and `toState` (the timeline). */
export interface ApplicationEvent {
  at: string;
  action: Action | EditAction;
  actor: string;
  role: Role;
  /** The unit or department the actor acted for. */
  org?: string;
  fromState?: ApplicationState;
  toState?: ApplicationState;
  reason?: string;
  detail: Record<string, unknown>;
}

export type EditAction =
  | "create"
  | "save_base_info"
  | "save_section"
  | "sign_pledge"
  | "request_upload"
  | "verify_evidence"
  | "refuse_evidence"
  | "record_registry_check"
  | "delete_evidence"
  | "merge_evidence"
  | "resolve_objection"
  | "require_originals"
  | "designate_papers"
  | "record_verdict"
  | "place_on_meeting"
  | "record_fraud_finding";
