import type { Role } from "../roles";
import type { Action } from "./actions";
import type { GuardName } from "./guards";
import { APPLICATION_STATES, type ApplicationState } from "./states";

/** What a transition records besides the new state. */
export type Effect = "open_unit_publicity" | "count_department_return" | "start_result_notice";

export interface Transition {
  from: readonly ApplicationState[];
  action: Action;
  roles: readonly Role[];
  /** Checked in order; the first that fails names its rule. */
  guards: readonly GuardName[];
  to: ApplicationState;
  effect?: Effect;
}

/** Submitted and not yet approved by the department. */
const IN_REVIEW: readonly ApplicationState[] = [
  "submitted",
  "returned_by_unit",
  "unit_publicity",
  "recommended",
  "returned_by_department",
];

/** Withdrawn, expired or already cancelled: nothing left to cancel. */
const OUT_OF_ROUND: readonly ApplicationState[] = ["withdrawn", "expired", "cancelled"];

const UNIT = ["unit_review_window", "unit_accounts_complete"] as const;

/**
 * The application lifecycle (DESIGN §5): one row per (state, action). Nothing else moves an
 * application; a pair that is not here is refused.
 */
export const TRANSITIONS: readonly Transition[] = [
  {
    from: ["draft"],
    action: "submit",
    roles: ["applicant"],
    guards: ["own_application", "first_submission_window"],
    to: "submitted",
  },
  {
    // Back to the unit in both cases: the unit answers for the materials (R5.4).
    from: ["returned_by_unit", "returned_by_department"],
    action: "resubmit",
    roles: ["applicant"],
    guards: ["own_application", "resubmission_window"],
    to: "submitted",
  },
  {
    // Until the committee has the materials (R7.3) the applicant may step back.
    from: ["draft", ...IN_REVIEW, "department_approved"],
    action: "withdraw",
    roles: ["applicant"],
    guards: ["own_application"],
    to: "withdrawn",
  },
  {
    // From the publicity too: an upheld objection sends the application back.
    from: ["submitted", "unit_publicity"],
    action: "return_by_unit",
    roles: ["unit_handler"],
    guards: [...UNIT, "return_reason"],
    to: "returned_by_unit",
  },
  {
    from: ["submitted"],
    action: "open_publicity",
    roles: ["unit_handler"],
    guards: UNIT,
    to: "unit_publicity",
    effect: "open_unit_publicity",
  },
  {
    from: ["unit_publicity"],
    action: "recommend",
    roles: ["unit_leader"],
    guards: [...UNIT, "maker_checker", "unit_publicity_satisfied", "no_unresolved_objection"],
    to: "recommended",
  },
  {
    // Fixed after a department return: the unit checks the fix and recommends again without a second
    // publicity, or opens a new one if the changes call for it.
    from: ["submitted"],
    action: "recommend",
    roles: ["unit_leader"],
    guards: [...UNIT, "maker_checker", "previously_publicised", "no_unresolved_objection"],
    to: "recommended",
  },
  {
    from: ["recommended"],
    action: "return_by_department",
    roles: ["department_reviewer"],
    guards: ["department_review_window", "department_return_limit", "return_reason"],
    to: "returned_by_department",
    effect: "count_department_return",
  },
  {
    from: ["recommended"],
    action: "approve_by_department",
    roles: ["department_reviewer"],
    guards: ["department_review_window"],
    to: "department_approved",
  },
  {
    from: ["department_approved"],
    action: "receive",
    roles: ["system"],
    guards: ["receipt_cutoff_reached"],
    to: "received",
  },
  { from: ["draft"], action: "expire", roles: ["system"], guards: ["application_closed"], to: "expired" },
  // Not approved by the department when the committee stops receiving: out of this round.
  { from: IN_REVIEW, action: "expire", roles: ["system"], guards: ["receipt_cutoff_reached"], to: "expired" },
  {
    from: ["received"],
    action: "pass_qualification",
    roles: ["office_admin"],
    guards: [],
    to: "qualification_passed",
  },
  {
    from: ["received"],
    action: "fail_qualification",
    roles: ["office_admin"],
    guards: ["decision_reason"],
    to: "qualification_failed",
  },
  {
    from: ["qualification_passed"],
    action: "start_appraisal",
    roles: ["organiser"],
    guards: ["senior_only"],
    to: "appraisal",
  },
  // The outcome is computed from the experts' verdicts (R4.4); the verdict that decides it moves the state.
  { from: ["appraisal"], action: "pass_appraisal", roles: ["expert"], guards: [], to: "appraisal_passed" },
  {
    from: ["appraisal"],
    action: "fail_appraisal",
    roles: ["expert"],
    guards: ["decision_reason"],
    to: "appraisal_failed",
  },
  {
    from: ["qualification_passed"],
    action: "schedule_defense",
    roles: ["organiser"],
    guards: ["not_senior", "defense_announced"],
    to: "defense",
  },
  {
    from: ["appraisal_passed"],
    action: "schedule_defense",
    roles: ["organiser"],
    guards: ["defense_announced"],
    to: "defense",
  },
  {
    from: ["defense"],
    // The panel records the defense result (R4.5) and with it hands the application to the committee.
    action: "refer_to_committee",
    roles: ["panel_member"],
    guards: ["defense_held"],
    to: "committee",
  },
  // The organiser closes the meeting; the decision is counted from the members' votes (R8.1), never typed in.
  { from: ["committee"], action: "approve", roles: ["organiser"], guards: ["meeting_held"], to: "approved" },
  {
    from: ["committee"],
    action: "reject",
    roles: ["organiser"],
    guards: ["meeting_held", "decision_reason"],
    to: "rejected",
  },
  {
    from: ["approved"],
    action: "publish_result",
    roles: ["office_admin"],
    guards: [],
    to: "result_publicity",
    effect: "start_result_notice",
  },
  {
    from: ["result_publicity"],
    action: "certify",
    roles: ["office_admin"],
    guards: ["result_notice_satisfied", "no_unresolved_objection"],
    to: "certified",
  },
  {
    // §7, R5.5: an objection the unit upholds as fraud ends the application while the unit still holds it.
    from: ["submitted", "unit_publicity"],
    action: "cancel_by_unit",
    roles: ["unit_handler"],
    guards: [...UNIT, "fraud_reason"],
    to: "cancelled",
  },
  {
    // R5.5: fraud cancels at once, whenever found, even after the title was granted. A draft is the
    // applicant's alone (nobody else sees it, DESIGN §3): the office records the person in the register.
    from: APPLICATION_STATES.filter((state) => state !== "draft" && !OUT_OF_ROUND.includes(state)),
    action: "cancel",
    roles: ["office_admin"],
    guards: ["fraud_reason"],
    to: "cancelled",
  },
];
