import * as z from "zod/mini";

/**
 * Every role an actor can hold. Unit roles follow the three real-name accounts the notice requires
 * after the reset (R3.2); `system` is the round workflow, so its transitions are checked like anyone's.
 */
export const ROLES = [
  "applicant",
  "unit_admin",
  "unit_handler",
  "unit_leader",
  "department_admin",
  "department_reviewer",
  "office_admin",
  "organiser",
  "expert",
  "panel_member",
  "committee_member",
  "system",
] as const;

export type Role = (typeof ROLES)[number];

export const roleSchema = z.enum(ROLES);

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  applicant: "申报人",
  unit_admin: "单位系统管理员",
  unit_handler: "经办人",
  unit_leader: "审核领导",
  department_admin: "审核部门系统管理员",
  department_reviewer: "审核部门审核人",
  office_admin: "省职改办",
  organiser: "省委党校（评审组织）",
  expert: "鉴定专家",
  panel_member: "学科组成员",
  committee_member: "评审委员会委员",
  system: "系统流程",
};
