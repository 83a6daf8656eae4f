import { describe, expect, it } from "vitest";
import type { AccountRecord } from "../../../functions/adapters/dynamodb/account-repository";
import type { OrgRecord } from "../../../functions/adapters/dynamodb/org-record";
import { DomainError } from "../../../functions/core/errors";
import type { Role } from "../../../functions/core/roles";
import type { Actor } from "../../../functions/http/actor";
import { grantableRoles, requireSeparateUnitRoles } from "../../../functions/http/role-grants";

const actor = (...roles: [Role, string][]): Actor => ({
  account: { accountId: "me" } as AccountRecord,
  roles: roles.map(([role, orgId]) => ({ role, orgId, accountId: "me" })),
});
const org = (orgId: string, kind: OrgRecord["kind"]) => ({ orgId, kind }) as OrgRecord;

describe("who may grant which role where (R3.2, issue #4 §2)", () => {
  it("the office creates admins of units and departments and staffs its own committees", () => {
    const office = actor(["office_admin", "office"]);
    expect([...grantableRoles(office, org("unit-1", "unit"))]).toEqual(["unit_admin"]);
    expect([...grantableRoles(office, org("dept-1", "department"))]).toEqual(["department_admin"]);
    expect([...grantableRoles(office, org("office", "office"))]).toEqual([
      "office_admin",
      "expert",
      "panel_member",
      "committee_member",
    ]);
    expect([...grantableRoles(office, org("party-school", "organiser"))]).toEqual(["organiser"]);
  });

  it("a unit or department admin grants its own organisation's roles there, and nothing elsewhere", () => {
    const unitAdmin = actor(["unit_admin", "unit-1"]);
    expect([...grantableRoles(unitAdmin, org("unit-1", "unit"))]).toEqual([
      "unit_admin",
      "unit_handler",
      "unit_leader",
    ]);
    expect([...grantableRoles(unitAdmin, org("unit-2", "unit"))]).toEqual([]);
    const deptAdmin = actor(["department_admin", "dept-1"]);
    expect([...grantableRoles(deptAdmin, org("dept-1", "department"))]).toEqual([
      "department_admin",
      "department_reviewer",
    ]);
    expect([...grantableRoles(deptAdmin, org("unit-1", "unit"))]).toEqual([]);
    expect([...grantableRoles(actor(["unit_handler", "unit-1"]), org("unit-1", "unit"))]).toEqual([]);
  });

  it("R3.2 the unit's admin, handler and leader are three different accounts", () => {
    expect(() => requireSeparateUnitRoles(["unit_handler"])).not.toThrow();
    expect(() => requireSeparateUnitRoles(["department_admin", "department_reviewer"])).not.toThrow();
    for (const pair of [
      ["unit_handler", "unit_leader"],
      ["unit_admin", "unit_handler"],
    ] as const) {
      expect(() => requireSeparateUnitRoles(pair)).toThrow(DomainError);
    }
  });
});
