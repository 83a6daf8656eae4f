import { requireRound } from "../http/current-round";
import { loadActor, requireAnyRole } from "../http/actor";
import { createHandlerGroup, route } from "../http/handler-group";
import { getRoundAdmin } from "../http/routes/rounds";
import { roundView } from "../http/views/round-view";

export const handler = createHandlerGroup([
  route(getRoundAdmin, async ({ params, caller, now }) => {
    const round = await requireRound(params.roundId);
    const actor = await loadActor(caller, round);
    requireAnyRole(actor, ["office_admin"]);
    return {
      ...roundView(round, now),
      generation: round.generation,
      openedPhases: round.openedPhases,
      version: round.version,
    };
  }),
]);
