import { loadActor } from "../../http/actor";
import { newestRound } from "../../http/current-round";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { getMe } from "../../http/routes/accounts";

export const meRoutes: BoundRoute[] = [
  route(getMe, async ({ caller }) => {
    const round = await newestRound();
    if (!round) throw httpErrors.notFound();
    const { account, roles } = await loadActor(caller, round);
    return {
      accountId: account.accountId,
      username: account.username,
      realName: account.realName,
      kind: account.kind,
      ...(account.orgId ? { orgId: account.orgId } : {}),
      roles: roles.map((assignment) => ({
        role: assignment.role,
        orgId: assignment.orgId,
        ...(assignment.generation ? { roundId: assignment.generation.roundId } : {}),
      })),
    };
  }),
];
