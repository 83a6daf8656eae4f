/**
 * Why a person is on the blacklist (R5.5, R7.3): fraud found in an application, a complaint the
 * office verified, a falsified upload, or an entry carried over from an earlier year's register.
 */
export const BLACKLIST_GROUNDS = [
  "fraud_in_application",
  "verified_complaint",
  "falsified_upload",
  "earlier_register",
] as const;

export type BlacklistGround = (typeof BLACKLIST_GROUNDS)[number];

export const BLACKLIST_GROUND_LABELS: Readonly<Record<BlacklistGround, string>> = {
  fraud_in_application: "申报弄虚作假",
  verified_complaint: "投诉举报经核实",
  falsified_upload: "上传虚假材料",
  earlier_register: "往年黑名单转入",
};
