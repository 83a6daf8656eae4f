import type { ActorRef } from "../../adapters/dynamodb/application-record";
import type { Actor } from "../../http/actor";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, roundInScope } from "../../http/round-in-scope";
import { cancelForFraud } from "../../http/routes/fraud";
import { toReviewResult } from "../../http/views/review-view";
import { cancelApplicationForFraud } from "../../services/fraud-cancellation";
import { toBlacklistEntryView } from "./blacklist";

/** The office acting as itself: the audit record names the office the role is held in. */
function officeRef(actor: Actor): ActorRef {
  const held = actor.roles.find((assignment) => assignment.role === "office_admin");
  return { id: actor.account.accountId, role: "office_admin", ...(held ? { orgId: held.orgId } : {}) };
}

export const fraudRoutes: BoundRoute[] = [
  route(cancelForFraud, async ({ actor, params, body, subject: { application }, now }) => {
    const inScope = await roundInScope(params.roundId);
    const { expectedVersion, ...finding } = body;
    const result = await cancelApplicationForFraud({
      application,
      actor: officeRef(actor),
      context: lifecycleContext(inScope, now),
      expectedVersion,
      finding,
    });
    return {
      ...toReviewResult(result.application),
      fraudCancellation: result.fraudCancellation,
      blacklistEntry: toBlacklistEntryView(result.entry),
      ...(result.revokedCertificate ? { revokedCertificate: result.revokedCertificate } : {}),
    };
  }),
];
