import { accountRepository } from "../../adapters/dynamodb/account-repository";
import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import { UNIT_ROLES } from "../../http/role-grants";
import { getUnitStaffing } from "../../http/routes/accounts";

export const staffingRoutes: BoundRoute[] = [
  route(getUnitStaffing, async ({ params, subject: { org: unit } }) => {
    const round = await requireRound(params.roundId);
    const assignments = await accountRepository.holdersIn(unit.orgId, round);
    const accounts = await Promise.all(
      assignments.map((assignment) => accountRepository.get(assignment.accountId)),
    );
    const holders = assignments.flatMap((assignment, index) => {
      const account = accounts[index];
      return account && !account.disabled ? [{ role: assignment.role, realName: account.realName }] : [];
    });
    // R3.2: after the reset a unit needs these three real-name accounts before it can review or recommend.
    const missingRoles = UNIT_ROLES.filter((role) => !holders.some((holder) => holder.role === role));
    return { unitId: unit.orgId, staffed: missingRoles.length === 0, holders, missingRoles };
  }),
];
