import * as z from "zod/mini";
import type { ApplicationRecord, AppraisalAssignment } from "../../adapters/dynamodb/application-record";
import type {
  AppraisalAssignmentRecord,
  RecordedAssignment,
} from "../../adapters/dynamodb/appraisal-repository";
import type { ReviewerProfile } from "../../adapters/dynamodb/reviewer-repository";
import { EXCLUSION_MESSAGES } from "../../core/committee";
import { TITLE_LEVEL_LABELS } from "../../core/eligibility";
import { baseInfoSchema, EVIDENCE_CONTENT_TYPES, JOURNAL_LEVEL_LABELS } from "../../core/forms";
import { APPLICATION_STATES, STATE_LABELS } from "../../core/lifecycle";
import { passRuleText } from "../../services/appraisal-verdicts";
import type { PaperOfForm, SubmittedPaper } from "../../services/representative-papers";

export const reviewerProfileView = z
  .object({
    accountId: z.string(),
    realName: z.string(),
    title: z.string(),
    fullSenior: z.boolean().check(z.describe("正高级职称: only full-senior experts appraise papers (R4.4)")),
    workUnitId: z
      .optional(z.string())
      .check(z.describe("The unit's id when the reviewer works in a unit of the system")),
    workUnitName: z.string(),
    declaredConflicts: z
      .array(z.string())
      .check(z.describe("Applicant account ids the reviewer declared a conflict of interest with (R8.2)")),
    load: z.int().check(z.describe("Applications assigned for appraisal in this round")),
    version: z.int().check(z.describe("Send it back as expectedVersion with the next change")),
    updatedAt: z.iso.datetime(),
  })
  .register(z.globalRegistry, { id: "ReviewerProfile" });

export function toReviewerProfileView(profile: ReviewerProfile): z.input<typeof reviewerProfileView> {
  return {
    accountId: profile.accountId,
    realName: profile.realName,
    title: profile.title,
    fullSenior: profile.fullSenior,
    ...(profile.workUnitId ? { workUnitId: profile.workUnitId } : {}),
    workUnitName: profile.workUnitName,
    declaredConflicts: profile.declaredConflicts,
    load: profile.load,
    version: profile.version,
    updatedAt: profile.updatedAt,
  };
}

/** A representative paper as the form's catalogue of achievements lists it (R4.4, R7.7). */
const paperEntry = z.object({
  evidenceId: z.string().check(z.describe("The upload of the paper's text")),
  paperIndex: z.int().check(z.describe("Position in the achievements section's list of papers (0-based)")),
  title: z.string(),
  journal: z.string(),
  journalLevel: z.string(),
  year: z.int(),
});

function toPaperEntry({ evidenceId, paperIndex, paper }: PaperOfForm): z.input<typeof paperEntry> {
  return {
    evidenceId,
    paperIndex,
    title: paper.title,
    journal: paper.journal,
    journalLevel: JOURNAL_LEVEL_LABELS[paper.journalLevel],
    year: Number(paper.publishedOn.slice(0, 4)),
  };
}

export const representativePapersView = z
  .object({
    applicationId: z.string(),
    version: z.int().check(z.describe("Send it back as expectedVersion with the next change")),
    representativePapers: z.array(paperEntry),
  })
  .register(z.globalRegistry, { id: "DesignatedRepresentativePapers" });

export function toRepresentativePapersView(
  application: ApplicationRecord,
  papers: readonly PaperOfForm[],
): z.input<typeof representativePapersView> {
  return {
    applicationId: application.applicationId,
    version: application.version,
    representativePapers: papers.map(toPaperEntry),
  };
}

const CONFLICTS = ["self", "same_unit", "declared", "not_full_senior"] as const;

const namedReviewer = z.object({ accountId: z.string(), realName: z.string() });

export const appraisalAssignmentView = z
  .object({
    applicationId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int(),
    appraisal: z.object({
      mode: z.enum(["automatic", "manual"]),
      anonymised: z.boolean().check(z.describe("Experts see neither the applicant's name nor their unit")),
      passRule: z.string().check(z.describe("How the verdicts decide the appraisal")),
      assignedBy: z.string(),
      assignedAt: z.iso.datetime(),
      experts: z.array(z.extend(namedReviewer, { title: z.string(), workUnitName: z.string() })),
      excluded: z
        .array(z.extend(namedReviewer, { conflict: z.enum(CONFLICTS), reason: z.string() }))
        .check(z.describe("Every expert of the pool left out, with the kind of conflict (R8.2)")),
    }),
  })
  .register(z.globalRegistry, { id: "AppraisalAssignment" });

export function toAppraisalAssignmentView(
  application: ApplicationRecord,
  appraisal: AppraisalAssignment,
  profiles: ReadonlyMap<string, ReviewerProfile>,
): z.input<typeof appraisalAssignmentView> {
  const name = (accountId: string) => profiles.get(accountId)?.realName ?? accountId;
  return {
    applicationId: application.applicationId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    appraisal: {
      mode: appraisal.mode,
      anonymised: appraisal.anonymised,
      passRule: passRuleText(appraisal.passRule),
      assignedBy: appraisal.assignedBy,
      assignedAt: appraisal.assignedAt,
      experts: appraisal.experts.map((accountId) => ({
        accountId,
        realName: name(accountId),
        title: profiles.get(accountId)?.title ?? "",
        workUnitName: profiles.get(accountId)?.workUnitName ?? "",
      })),
      excluded: appraisal.excluded.map(({ expertId, conflict }) => ({
        accountId: expertId,
        realName: name(expertId),
        conflict,
        reason: EXCLUSION_MESSAGES[conflict],
      })),
    },
  };
}

const verdictState = z.enum(["pending", "pass", "fail"]).check(z.describe("pending: not yet recorded"));

export const expertAppraisalSummary = z
  .object({
    applicationId: z.string(),
    reference: z
      .string()
      .check(z.describe("What the appraisal calls the application; with anonymity all there is")),
    anonymised: z.boolean(),
    qualification: z.string(),
    specialty: z.string(),
    applicantName: z.optional(z.string()).check(z.describe("Only when the appraisal is not anonymised")),
    assignedAt: z.iso.datetime(),
    verdict: verdictState,
  })
  .register(z.globalRegistry, { id: "ExpertAppraisalSummary" });

export function toExpertAppraisalSummary(
  assignment: AppraisalAssignmentRecord,
): z.input<typeof expertAppraisalSummary> {
  return {
    applicationId: assignment.applicationId,
    reference: assignment.reference,
    anonymised: assignment.anonymised,
    qualification: assignment.qualification ? TITLE_LEVEL_LABELS[assignment.qualification] : "",
    specialty: assignment.specialty ?? "",
    ...(assignment.anonymised || !assignment.applicantName
      ? {}
      : { applicantName: assignment.applicantName }),
    assignedAt: assignment.assignedAt,
    verdict: assignment.verdict ?? "pending",
  };
}

const download = z
  .object({ url: z.string(), expiresAt: z.iso.datetime(), sha256: z.string() })
  .check(z.describe("A presigned GET of exactly the submitted bytes, 5 minutes"));

export const appraisalPaperDownload = download
  .clone()
  .register(z.globalRegistry, { id: "AppraisalPaperDownload" });

export const expertAppraisalView = z
  .object({
    applicationId: z.string(),
    reference: z.string(),
    roundId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    anonymised: z.boolean(),
    qualification: z.string(),
    specialty: z.string(),
    applicant: z
      .optional(z.object({ name: z.string(), unitName: z.string() }))
      .check(z.describe("Only when the appraisal is not anonymised; never the ID number or the phone")),
    papers: z.array(
      z.extend(paperEntry, {
        contentType: z.enum(EVIDENCE_CONTENT_TYPES),
        pageCount: z.int(),
        download,
      }),
    ),
    myVerdict: z.optional(
      z.object({ verdict: z.enum(["pass", "fail"]), comments: z.string(), recordedAt: z.iso.datetime() }),
    ),
  })
  .register(z.globalRegistry, { id: "ExpertAppraisal" });

export interface AppraisalMaterials {
  application: ApplicationRecord;
  assignment: AppraisalAssignmentRecord;
  papers: (SubmittedPaper & { download: z.input<typeof download> })[];
}

/** What an assigned expert sees (R4.4): with anonymity, nothing that names the applicant or their unit. */
export function toExpertAppraisalView(materials: AppraisalMaterials): z.input<typeof expertAppraisalView> {
  const { application, assignment } = materials;
  const base = baseInfoSchema.safeParse(application.baseInfo);
  const { anonymised, verdict, comments, recordedAt } = assignment;
  return {
    applicationId: application.applicationId,
    reference: assignment.reference,
    roundId: application.scope.roundId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    anonymised,
    qualification: base.success ? TITLE_LEVEL_LABELS[base.data.qualification] : "",
    specialty: base.success ? base.data.specialty : "",
    ...(anonymised || !base.success
      ? {}
      : { applicant: { name: base.data.name, unitName: base.data.unitName } }),
    papers: materials.papers.map((entry) => ({
      ...toPaperEntry(entry),
      contentType: entry.pinned.contentType,
      pageCount: entry.pinned.pageCount,
      download: entry.download,
    })),
    ...(verdict && comments && recordedAt ? { myVerdict: { verdict, comments, recordedAt } } : {}),
  };
}

export const verdictResult = z
  .object({
    applicationId: z.string(),
    reference: z.string(),
    verdict: z.enum(["pass", "fail"]),
    comments: z.string(),
    recordedAt: z.iso.datetime(),
    state: z
      .enum(APPLICATION_STATES)
      .check(z.describe("appraisal_passed / appraisal_failed once a verdict decided it")),
    stateLabel: z.string(),
  })
  .register(z.globalRegistry, { id: "AppraisalVerdict" });

export function toVerdictResult(
  application: ApplicationRecord,
  assignment: RecordedAssignment,
): z.input<typeof verdictResult> {
  return {
    applicationId: application.applicationId,
    reference: assignment.reference,
    verdict: assignment.verdict,
    comments: assignment.comments,
    recordedAt: assignment.recordedAt,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
  };
}
