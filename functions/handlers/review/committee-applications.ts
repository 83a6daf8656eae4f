import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import { RECEIVED_STATES } from "../../core/lifecycle";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { getCommitteeApplication, listCommitteeApplications } from "../../http/routes/committee";
import { toCommitteeApplicationView, toCommitteeSummary } from "../../http/views/committee-view";
import { isDesk } from "./desk";

export const committeeApplicationRoutes: BoundRoute[] = [
  route(listCommitteeApplications, async ({ params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await applicationRepository.listByState(scope, query.state, query.cursor);
    return {
      applications: page.items.map(toCommitteeSummary),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(getCommitteeApplication, async ({ actor, subject: { application } }) => {
    // Before receipt the application is the unit's and the department's, not the committee's (R7.3).
    const reached =
      RECEIVED_STATES.includes(application.state) || application.qualificationReview !== undefined;
    if (!reached) throw httpErrors.notFound();
    const desk = isDesk(actor)
      ? { events: await applicationRepository.events(application.scope, application.applicationId) }
      : undefined;
    return toCommitteeApplicationView(application, desk);
  }),
];
