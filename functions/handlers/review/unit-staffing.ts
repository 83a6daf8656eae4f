import { accountRepository } from "../../adapters/dynamodb/account-repository";
import type { GenerationScope } from "../../adapters/dynamodb/keys";
import { ruleViolation } from "../../core/errors";
import { ROLE_LABELS, type Role } from "../../core/roles";
import { type StaffRole, UNIT_ROLES } from "../../http/role-grants";

export interface UnitStaffing {
  staffed: boolean;
  holders: { role: Role; realName: string }[];
  missingRoles: StaffRole[];
}

/** Who holds the unit's roles now: standing admins and the current generation's staff, disabled ones not counted. */
export async function unitStaffing(unitId: string, current: GenerationScope): Promise<UnitStaffing> {
  const assignments = await accountRepository.holdersIn(unitId, current);
  const accounts = await Promise.all(
    assignments.map((assignment) => accountRepository.get(assignment.accountId)),
  );
  const holders = assignments.flatMap((assignment, index) => {
    const account = accounts[index];
    return account && !account.disabled ? [{ role: assignment.role, realName: account.realName }] : [];
  });
  const missingRoles = UNIT_ROLES.filter((role) => !holders.some((holder) => holder.role === role));
  return { staffed: missingRoles.length === 0, holders, missingRoles };
}

/** R3.2: after the reset a unit acts only once its three real-name accounts exist again. */
export async function requireStaffedUnit(unitId: string, current: GenerationScope): Promise<void> {
  const { missingRoles } = await unitStaffing(unitId, current);
  if (missingRoles.length === 0) return;
  throw ruleViolation(
    "R3.2",
    "UNIT_ACCOUNTS_INCOMPLETE",
    `本单位尚未实名创建${missingRoles.map((role) => ROLE_LABELS[role]).join("、")}账号，不能审核推荐；` +
      "请单位系统管理员先创建系统管理员、经办人、审核领导3个实名账号并分配角色",
  );
}
