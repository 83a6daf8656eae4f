import type { Action } from "../lifecycle";
import type { Role } from "../roles";
import { withoutIdentifiers } from "./redaction";
import type { NotificationParams, TemplateId } from "./templates";

/** Who a notification is for: one account, or whoever holds a role in an organisation when it is sent. */
export type Recipient =
  | { kind: "account"; accountId: string }
  | { kind: "org_role"; orgId: string; role: Extract<Role, "unit_handler" | "department_reviewer"> };

/** A notification decided with a state change, written in its transaction (the outbox, DESIGN.md §7a). */
export interface NotificationIntent {
  template: TemplateId;
  recipient: Recipient;
  params: NotificationParams;
}

type Addressee = "applicant" | "unit_handlers";

/**
 * The state changes someone must act on, or wants to know at once (DESIGN.md §7a): one row per action,
 * with the rule that makes it matter. Every other action notifies nobody; the person sees it in the
 * timeline (R7.9).
 */
export const TRANSITION_NOTICES: Readonly<
  Partial<
    Record<Action, readonly { template: TemplateId; to: Addressee; rule: string; byReviewCutoff?: true }[]>
  >
> = {
  // Fixes and the resubmission are taken until the review cutoff (R7.9, DESIGN §5): the message says when.
  return_by_unit: [{ template: "unit_return", to: "applicant", rule: "R7.9", byReviewCutoff: true }],
  return_by_department: [
    { template: "department_return", to: "applicant", rule: "R4.3", byReviewCutoff: true },
    // The unit must check the fix and recommend again (R4.3, R5.4).
    { template: "department_return_to_unit", to: "unit_handlers", rule: "R4.3", byReviewCutoff: true },
  ],
  pass_qualification: [{ template: "qualification_passed", to: "applicant", rule: "R4.4" }],
  fail_qualification: [{ template: "qualification_failed", to: "applicant", rule: "R5.1" }],
  pass_appraisal: [{ template: "appraisal_passed", to: "applicant", rule: "R4.4" }],
  fail_appraisal: [{ template: "appraisal_failed", to: "applicant", rule: "R4.4" }],
  approve: [{ template: "committee_approved", to: "applicant", rule: "R8.1" }],
  reject: [{ template: "committee_rejected", to: "applicant", rule: "R8.1" }],
  certify: [{ template: "certificate_ready", to: "applicant", rule: "R4.6" }],
};

/** What a transition tells the notifications about the application. */
export interface TransitionFacts {
  action: Action;
  roundId: string;
  applicationId: string;
  applicantId: string;
  unitId: string;
  applicantName?: string | undefined;
  reason?: string | undefined;
  /** Resubmission and the unit's recommendation end here (R3). */
  reviewCutoff: Date;
  departmentReturns: number;
  testData: boolean;
}

/** The notifications a transition writes with itself; none for most actions. */
export function notificationsFor(facts: TransitionFacts): NotificationIntent[] {
  const rows = TRANSITION_NOTICES[facts.action] ?? [];
  const params: NotificationParams = {
    roundId: facts.roundId,
    applicationId: facts.applicationId,
    ...(facts.testData ? { testData: true } : {}),
    ...(facts.reason?.trim() ? { reason: withoutIdentifiers(facts.reason.trim()) } : {}),
    ...(facts.action === "return_by_department" ? { returns: facts.departmentReturns } : {}),
  };
  return rows.map(({ template, to, byReviewCutoff }) => ({
    template,
    recipient:
      to === "applicant"
        ? { kind: "account", accountId: facts.applicantId }
        : { kind: "org_role", orgId: facts.unitId, role: "unit_handler" },
    params: {
      ...params,
      ...(byReviewCutoff ? { deadline: facts.reviewCutoff.toISOString() } : {}),
      ...(to === "unit_handlers" && facts.applicantName ? { applicantName: facts.applicantName } : {}),
    },
  }));
}
