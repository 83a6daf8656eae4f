import * as z from "zod/mini";
import type {
  ApplicationEvent,
  ApplicationRecord,
  PinnedEvidence,
} from "../../adapters/dynamodb/application-record";
import type { ObjectionRecord } from "../../adapters/dynamodb/objection-repository";
import { APPLICATION_METHOD_LABELS, TITLE_LEVEL_LABELS, VALIDITY_SCOPE_LABELS } from "../../core/eligibility";
import {
  type BaseInfo,
  baseInfoSchema,
  EVIDENCE_CONTENT_TYPES,
  evidenceSlot,
  type SectionId,
} from "../../core/forms";
import { APPLICATION_STATES, STATE_LABELS } from "../../core/lifecycle";
import { testDataFields, testDataOf } from "./test-data";
import { timelineSchema, timelineView } from "./timeline-view";

export const reviewResult = z
  .object({
    applicationId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int(),
    departmentReturns: z.int(),
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "ReviewResult" });

export const reviewSummary = z
  .object({
    applicationId: z.string(),
    unitId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int(),
    applicantName: z.string(),
    qualification: z.optional(z.string()),
    validityScope: z.optional(z.string()),
    applicationMethod: z.optional(z.string()),
    submissions: z.int(),
    departmentReturns: z.int(),
    firstSubmittedAt: z.optional(z.iso.datetime()),
    lastSubmittedAt: z.optional(z.iso.datetime()),
    recommendedAt: z.optional(z.iso.datetime()),
    noticeId: z.optional(z.string()),
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "ReviewSummary" });

export const objectionView = z
  .object({
    objectionId: z.string(),
    noticeId: z.string(),
    entry: z.int(),
    lodgedAt: z.iso.datetime(),
    content: z.string().check(z.describe("Plain text as lodged; render it as text, never as markup")),
    contact: z.optional(z.object({ name: z.optional(z.string()), phone: z.optional(z.string()) })),
    status: z.enum(["unresolved", "upheld", "dismissed"]),
    resolution: z.optional(
      z.object({
        outcome: z.enum(["upheld", "dismissed"]),
        followUp: z.optional(z.enum(["return", "cancel"])),
        reason: z.string(),
        resolvedBy: z.string(),
        resolvedAt: z.iso.datetime(),
      }),
    ),
  })
  .register(z.globalRegistry, { id: "Objection" });

/** R7.4: an education record a reviewer found on the 学信网 registry; it needs no uploaded evidence. */
export const registryCheckView = z
  .object({
    certificateNumber: z.string(),
    verificationCode: z.string(),
    checkedBy: z.string(),
    role: z.enum(["unit_handler", "department_reviewer"]),
    org: z.string(),
    checkedAt: z.iso.datetime(),
  })
  .register(z.globalRegistry, { id: "RegistryCheck" });

const pinnedEvidenceView = z.object({
  evidenceId: z.string(),
  slotId: z.string(),
  slotTitle: z.string(),
  section: z.string(),
  index: z.optional(z.int()),
  year: z.optional(z.int()),
  contentType: z.enum(EVIDENCE_CONTENT_TYPES),
  size: z.int(),
  pageCount: z.int(),
  sha256: z.string().check(z.describe("The bytes the applicant submitted: the download is exactly these")),
  download: z
    .object({ url: z.string(), expiresAt: z.iso.datetime() })
    .check(z.describe("A presigned GET, 5 minutes")),
});

export const reviewApplicationView = z
  .object({
    applicationId: z.string(),
    roundId: z.string(),
    unitId: z.string(),
    state: z.enum(APPLICATION_STATES),
    stateLabel: z.string(),
    version: z.int().check(z.describe("Send it back as expectedVersion with the next action")),
    availableActions: z.array(z.string()).check(z.describe("What the caller's roles may do in this state")),
    baseInfo: z.nullable(baseInfoSchema),
    sections: z
      .record(z.string(), z.unknown())
      .check(z.describe("The five sections as submitted; the ID number masked")),
    submission: z.int().check(z.describe("The submission whose pinned evidence is listed")),
    evidence: z.array(pinnedEvidenceView),
    departmentReturns: z.int(),
    notice: z.optional(
      z.object({
        noticeId: z.string(),
        startsAt: z.iso.datetime(),
        endsAt: z.iso.datetime(),
        lastDay: z.iso.date(),
      }),
    ),
    unresolvedObjections: z.int(),
    objections: z.array(objectionView),
    originalsRequired: z.optional(
      z.object({
        items: z.array(z.string()),
        note: z.optional(z.string()),
        requiredBy: z.string(),
        requiredAt: z.iso.datetime(),
      }),
    ),
    quotaPool: z.optional(z.enum(["post_structure", "grassroots"])),
    registryChecks: z
      .array(registryCheckView)
      .check(z.describe("Education records checked on 学信网 by a reviewer (R7.4), by certificate number")),
    timeline: timelineSchema,
    ...testDataFields,
  })
  .register(z.globalRegistry, { id: "ReviewApplication" });

function baseInfoOf(application: ApplicationRecord): BaseInfo | undefined {
  const parsed = baseInfoSchema.safeParse(application.baseInfo);
  return parsed.success ? parsed.data : undefined;
}

export function toReviewSummary(application: ApplicationRecord): z.input<typeof reviewSummary> {
  const base = baseInfoOf(application);
  const optional = {
    qualification: base && TITLE_LEVEL_LABELS[base.qualification],
    validityScope: base && VALIDITY_SCOPE_LABELS[base.validityScope],
    applicationMethod: base && APPLICATION_METHOD_LABELS[base.applicationMethod],
    firstSubmittedAt: application.firstSubmittedAt,
    lastSubmittedAt: application.lastSubmittedAt,
    recommendedAt: application.recommendedAt,
    noticeId: application.noticeId,
  };
  return {
    applicationId: application.applicationId,
    unitId: application.unitId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    applicantName: base?.name ?? "",
    submissions: application.submissions,
    departmentReturns: application.departmentReturns,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    ...testDataOf(application),
  };
}

export function toReviewResult(application: ApplicationRecord): z.input<typeof reviewResult> {
  return {
    applicationId: application.applicationId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    departmentReturns: application.departmentReturns,
    ...testDataOf(application),
  };
}

export function toObjectionView(objection: ObjectionRecord): z.input<typeof objectionView> {
  return objection;
}

export interface ReviewMaterials {
  application: ApplicationRecord;
  sections: { [Section in SectionId]?: unknown };
  maskedResidentId: string;
  submission: number;
  evidence: { pinned: PinnedEvidence; url: string; expiresAt: string }[];
  notice?: { noticeId: string; startsAt: string; endsAt: string; lastDay: string };
  unresolvedObjections: number;
  objections: ObjectionRecord[];
  events: ApplicationEvent[];
  availableActions: string[];
}

/** Everything a reviewer checks (R5.4), with the pinned evidence to download; no clear ID number. */
export function toReviewApplicationView(materials: ReviewMaterials): z.input<typeof reviewApplicationView> {
  const { application, sections } = materials;
  const shown = Object.fromEntries(
    Object.entries(sections).flatMap(([section, data]) =>
      data === undefined || data === null
        ? []
        : [[section, section === "basic" ? { ...data, residentId: materials.maskedResidentId } : data]],
    ),
  );
  return {
    applicationId: application.applicationId,
    roundId: application.scope.roundId,
    unitId: application.unitId,
    state: application.state,
    stateLabel: STATE_LABELS[application.state],
    version: application.version,
    availableActions: materials.availableActions,
    baseInfo: baseInfoOf(application) ?? null,
    sections: shown,
    submission: materials.submission,
    evidence: materials.evidence.map(({ pinned, url, expiresAt }) => {
      const slot = evidenceSlot(pinned.slotId);
      return {
        evidenceId: pinned.evidenceId,
        slotId: pinned.slotId,
        slotTitle: slot?.title ?? pinned.slotId,
        section: slot?.section ?? "",
        ...(pinned.index === undefined ? {} : { index: pinned.index }),
        ...(pinned.year === undefined ? {} : { year: pinned.year }),
        contentType: pinned.contentType,
        size: pinned.size,
        pageCount: pinned.pageCount,
        sha256: pinned.sha256,
        download: { url, expiresAt },
      };
    }),
    departmentReturns: application.departmentReturns,
    ...(materials.notice ? { notice: materials.notice } : {}),
    unresolvedObjections: materials.unresolvedObjections,
    objections: materials.objections.map(toObjectionView),
    ...(application.originalsRequired ? { originalsRequired: application.originalsRequired } : {}),
    ...(application.quotaPool ? { quotaPool: application.quotaPool } : {}),
    registryChecks: application.registryChecks ?? [],
    timeline: timelineView(materials.events),
    ...testDataOf(application),
  };
}
