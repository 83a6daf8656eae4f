import { resetRepository } from "../../adapters/dynamodb/reset-repository";
import { loadActor, requireAnyRole } from "../../http/actor";
import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import { listResets, startReset } from "../../http/routes/resets";
import { resetRound } from "../../services/reset";

export const resetRoutes: BoundRoute[] = [
  route(startReset, async ({ params, body, caller, now }) => {
    const round = await requireRound(params.roundId);
    const actor = await loadActor(caller, round);
    requireAnyRole(actor, ["office_admin"]);
    return resetRound(
      round.roundId,
      {
        expectedGeneration: body.expectedGeneration,
        requestedBy: actor.account.accountId,
        scheduled: false,
        confirmRoundId: body.confirmRoundId,
      },
      now,
    );
  }),
  route(listResets, async ({ params, caller }) => {
    const round = await requireRound(params.roundId);
    const actor = await loadActor(caller, round);
    requireAnyRole(actor, ["office_admin"]);
    return { resets: await resetRepository.list(round.roundId) };
  }),
];
