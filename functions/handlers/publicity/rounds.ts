import { roundRepository } from "../../adapters/dynamodb/round-repository";
import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import { getHealth } from "../../http/routes/health";
import { getRound, listRounds } from "../../http/routes/rounds";
import { roundView } from "../../http/views/round-view";

export const publicRoundRoutes: BoundRoute[] = [
  route(getHealth, async ({ now }) => ({ status: "ok" as const, time: now.toISOString() })),
  route(listRounds, async ({ now }) => ({
    rounds: (await roundRepository.list()).map((round) => roundView(round, now)),
  })),
  route(getRound, async ({ params, now }) => roundView(await requireRound(params.roundId), now)),
];
