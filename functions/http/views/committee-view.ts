import * as z from "zod/mini";
import type { ApplicationEvent, ApplicationRecord } from "../../adapters/dynamodb/application-record";
import type { PanelRecord } from "../../adapters/dynamodb/panel-repository";
import { APPLICATION_STATES } from "../../core/lifecycle";
import { reviewSummary, toReviewSummary } from "./review-view";
import { timelineSchema, timelineView } from "./timeline-view";

export const committeeSummary = z
  .extend(reviewSummary, {
    qualificationOutcome: z.optional(z.enum(["passed", "failed"])),
    appraisalPassed: z.optional(z.boolean()),
    defenseAt: z.optional(z.iso.datetime()),
    meetingId: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: "CommitteeSummary" });

const voteCount = z.object({
  approve: z.int(),
  reject: z.int(),
  abstain: z.int(),
  recused: z.int(),
  eligible: z.int().check(z.describe("Present members who did not recuse: the base of the two-thirds rule")),
  passed: z.boolean(),
  decidedAt: z.iso.datetime(),
});

export const committeeApplicationView = z
  .object({
    application: committeeSummary,
    state: z.enum(APPLICATION_STATES),
    qualificationReview: z.optional(
      z.object({
        outcome: z.enum(["passed", "failed"]),
        reasons: z.array(z.object({ rule: z.string(), message: z.string() })),
        duplicateChecks: z
          .array(
            z.object({
              paperIndex: z.int(),
              duplicateRatio: z.number(),
              limit: z.number().check(z.describe("R7.7: 15 for core journals, 25 for provincial ones")),
              withinLimit: z.boolean(),
            }),
          )
          .check(z.describe("The office's 中国知网 check of each CNKI-indexed paper (R7.7)")),
        decidedAt: z.iso.datetime(),
      }),
    ),
    appraisal: z.optional(
      z.object({
        mode: z.enum(["automatic", "manual"]),
        anonymised: z.boolean(),
        experts: z.optional(z.array(z.string())).check(z.describe("The title office and organiser only")),
        excluded: z
          .optional(z.array(z.object({ expertId: z.string(), conflict: z.string() })))
          .check(z.describe("Experts left out and why (R8.2); the title office and organiser only")),
        outcome: z.optional(z.object({ passed: z.boolean(), passes: z.int(), fails: z.int() })),
      }),
    ),
    defense: z.optional(
      z.object({
        panelId: z.string(),
        panelName: z.string(),
        at: z.iso.datetime(),
        place: z.string(),
        result: z.optional(z.object({ outcome: z.enum(["pass", "fail"]), comments: z.string() })),
      }),
    ),
    committee: z.optional(z.object({ meetingId: z.string(), result: z.optional(voteCount) })),
    certificateNumber: z.optional(z.string()),
    timeline: z.optional(timelineSchema).check(z.describe("The title office and organiser only")),
  })
  .register(z.globalRegistry, { id: "CommitteeApplication" });

export function toCommitteeSummary(application: ApplicationRecord): z.input<typeof committeeSummary> {
  const optional = {
    qualificationOutcome: application.qualificationReview?.outcome,
    appraisalPassed: application.appraisal?.outcome?.passed,
    defenseAt: application.defense?.at,
    meetingId: application.committee?.meetingId,
  };
  return {
    ...toReviewSummary(application),
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/**
 * The desk (title office, organiser) sees who appraised and the trail; a panel or committee member
 * sees the path's results only, never which experts appraised the papers.
 */
export function toCommitteeApplicationView(
  application: ApplicationRecord,
  desk: { events: readonly ApplicationEvent[] } | undefined,
): z.input<typeof committeeApplicationView> {
  const { qualificationReview, appraisal, defense, committee, certificate } = application;
  return {
    application: toCommitteeSummary(application),
    state: application.state,
    ...(qualificationReview
      ? {
          qualificationReview: {
            outcome: qualificationReview.outcome,
            reasons: qualificationReview.reasons,
            duplicateChecks: qualificationReview.duplicateChecks ?? [],
            decidedAt: qualificationReview.decidedAt,
          },
        }
      : {}),
    ...(appraisal
      ? {
          appraisal: {
            mode: appraisal.mode,
            anonymised: appraisal.anonymised,
            ...(desk ? { experts: appraisal.experts, excluded: appraisal.excluded } : {}),
            ...(appraisal.outcome
              ? {
                  outcome: {
                    passed: appraisal.outcome.passed,
                    passes: appraisal.outcome.passes,
                    fails: appraisal.outcome.fails,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(defense
      ? {
          defense: {
            panelId: defense.panelId,
            panelName: defense.panelName,
            at: defense.at,
            place: defense.place,
            ...(defense.result
              ? { result: { outcome: defense.result.outcome, comments: defense.result.comments } }
              : {}),
          },
        }
      : {}),
    ...(committee
      ? {
          committee: {
            meetingId: committee.meetingId,
            ...(committee.result ? { result: committee.result } : {}),
          },
        }
      : {}),
    ...(certificate ? { certificateNumber: certificate.certificateNumber } : {}),
    ...(desk ? { timeline: timelineView(desk.events) } : {}),
  };
}

export const panelView = z
  .object({
    panelId: z.string(),
    name: z.string(),
    subjects: z.string(),
    members: z.array(z.object({ accountId: z.string(), realName: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .register(z.globalRegistry, { id: "Panel" });

export function toPanelView(panel: PanelRecord): z.input<typeof panelView> {
  return {
    panelId: panel.panelId,
    name: panel.name,
    subjects: panel.subjects,
    members: panel.members,
    createdAt: panel.createdAt,
  };
}
