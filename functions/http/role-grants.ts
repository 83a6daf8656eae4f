import type { OrgKind, OrgRecord } from "../adapters/dynamodb/org-record";
import { DomainError, ruleViolation } from "../core/errors";
import { ROLE_LABELS, ROLES, type Role } from "../core/roles";
import type { Actor } from "./actor";

/** Roles an admin can grant to a staff account; `applicant` is what an account is, `system` is no person. */
export type StaffRole = Exclude<Role, "applicant" | "system">;
export const STAFF_ROLES: readonly StaffRole[] = ROLES.filter(
  (role): role is StaffRole => role !== "applicant" && role !== "system",
);

/**
 * The office creates the system administrators of units and departments and manages its own
 * experts, panel and committee members, and the organiser's accounts (issue #4 §2).
 */
const OFFICE_GRANTS: Record<OrgKind, readonly StaffRole[]> = {
  unit: ["unit_admin"],
  department: ["department_admin"],
  office: ["office_admin", "expert", "panel_member", "committee_member"],
  organiser: ["organiser"],
};

/** A unit's or department's own admin staffs their organisation and nothing else (R3.2). */
const ADMIN_GRANTS: Partial<Record<Role, readonly StaffRole[]>> = {
  unit_admin: ["unit_admin", "unit_handler", "unit_leader"],
  department_admin: ["department_admin", "department_reviewer"],
};

/** The three real-name unit roles of R3.2, which must be held by three different people. */
export const UNIT_ROLES: readonly StaffRole[] = ["unit_admin", "unit_handler", "unit_leader"];

export function grantableRoles(actor: Actor, org: OrgRecord): Set<StaffRole> {
  const grantable = new Set<StaffRole>();
  for (const assignment of actor.roles) {
    const roles =
      assignment.role === "office_admin"
        ? OFFICE_GRANTS[org.kind]
        : assignment.orgId === org.orgId
          ? ADMIN_GRANTS[assignment.role]
          : undefined;
    for (const role of roles ?? []) grantable.add(role);
  }
  return grantable;
}

/** 403 naming the roles the caller may not grant here; the route itself was theirs to call. */
export function requireGrantable(actor: Actor, org: OrgRecord, roles: readonly StaffRole[]): void {
  const grantable = grantableRoles(actor, org);
  const refused = roles.filter((role) => !grantable.has(role));
  if (refused.length === 0) return;
  throw new DomainError(
    "ROLE_NOT_GRANTABLE",
    `您无权在该机构授予以下角色：${refused.map((role) => ROLE_LABELS[role]).join("、")}。`,
    { fields: [{ path: "body.roles", message: "含有无权授予的角色" }] },
  );
}

/** R3.2 asks for three accounts: admin, handler and leader are three people (the leader approves what the handler prepared). */
export function requireSeparateUnitRoles(roles: readonly StaffRole[]): void {
  if (roles.filter((role) => UNIT_ROLES.includes(role)).length > 1) {
    throw ruleViolation(
      "R3.2",
      "UNIT_ROLES_SEPARATE",
      "系统管理员、经办人、审核领导须由三个不同的实名账号分别担任，一个账号只能担任其中一个角色。",
      [{ path: "body.roles", message: "一个账号只能担任单位三个角色中的一个" }],
    );
  }
}
