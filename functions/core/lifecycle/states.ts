/** Application states (DESIGN §5). */
export const APPLICATION_STATES = [
  "draft",
  "submitted",
  "returned_by_unit",
  "unit_publicity",
  "recommended",
  "returned_by_department",
  "department_approved",
  "received",
  "qualification_passed",
  "qualification_failed",
  "appraisal",
  "appraisal_passed",
  "appraisal_failed",
  "defense",
  "committee",
  "approved",
  "rejected",
  "result_publicity",
  "certified",
  "withdrawn",
  "expired",
  "cancelled",
] as const;

export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_LABELS: Readonly<Record<ApplicationState, string>> = {
  draft: "草稿",
  submitted: "已提交，待单位审核",
  returned_by_unit: "单位退回修改",
  unit_publicity: "单位公示中",
  recommended: "单位已推荐，待部门审核",
  returned_by_department: "审核部门退回修改",
  department_approved: "审核部门已通过",
  received: "评委会已接收材料",
  qualification_passed: "资格初审通过",
  qualification_failed: "资格初审未通过",
  appraisal: "论文鉴定中",
  appraisal_passed: "论文鉴定通过",
  appraisal_failed: "论文鉴定未通过",
  defense: "答辩",
  committee: "评委会评审",
  approved: "评审通过",
  rejected: "评审未通过",
  result_publicity: "评审结果公示中",
  certified: "已发证",
  withdrawn: "已撤回",
  expired: "已逾期",
  cancelled: "已取消申报资格",
};

/**
 * The states in which the materials are with the committee: nothing may be added or changed (R7.3).
 * They are the stretch of the lifecycle from `received` to `certified`, in the order listed above.
 */
export const RECEIVED_STATES: readonly ApplicationState[] = APPLICATION_STATES.slice(
  APPLICATION_STATES.indexOf("received"),
  APPLICATION_STATES.indexOf("certified") + 1,
);

/**
 * Only the applicant's own desk: a draft, or an application returned for changes (R7.9). While a
 * unit or department holds it, edits would change what the reviewer is looking at.
 */
const EDITABLE_STATES: readonly ApplicationState[] = ["draft", "returned_by_unit", "returned_by_department"];

export function isEditable(state: ApplicationState): boolean {
  return EDITABLE_STATES.includes(state);
}
