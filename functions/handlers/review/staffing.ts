import { accountRepository } from "../../adapters/dynamodb/account-repository";
import type { Role } from "../../core/roles";
import { holds, loadActor } from "../../http/actor";
import { requireRound } from "../../http/current-round";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { getUnitStaffing } from "../../http/routes/accounts";

/** R3.2: after the reset a unit needs these three real-name accounts before it can review or recommend. */
const REQUIRED_UNIT_ROLES: readonly Role[] = ["unit_admin", "unit_handler", "unit_leader"];

export const staffingRoutes: BoundRoute[] = [
  route(getUnitStaffing, async ({ params, caller }) => {
    const round = await requireRound(params.roundId);
    const actor = await loadActor(caller, round);
    const inUnit = actor.roles.some((assignment) => assignment.orgId === params.unitId);
    if (!inUnit && !holds(actor, "office_admin")) throw httpErrors.notFound();

    const assignments = await accountRepository.holdersIn(params.unitId, round);
    const accounts = await Promise.all(
      assignments.map((assignment) => accountRepository.get(assignment.accountId)),
    );
    const holders = assignments.flatMap((assignment, index) => {
      const account = accounts[index];
      return account && !account.disabled ? [{ role: assignment.role, realName: account.realName }] : [];
    });
    const missingRoles = REQUIRED_UNIT_ROLES.filter(
      (role) => !holders.some((holder) => holder.role === role),
    );
    return { unitId: params.unitId, staffed: missingRoles.length === 0, holders, missingRoles };
  }),
];
