import type { ActorRef } from "../../adapters/dynamodb/application-record";
import type { Role } from "../../core/roles";
import type { Actor } from "../../http/actor";
import { httpErrors } from "../../http/errors";

/**
 * The caller acting in `role` on the committee's path, as the audit names them: the organisation the
 * role is held in (the title office, the party school) or none for reviewers appointed by name.
 */
export function actingAs(actor: Actor, role: Role): ActorRef {
  const held = actor.roles.find((assignment) => assignment.role === role);
  // The access policy let the request through only for a role the caller holds.
  if (!held) throw httpErrors.forbidden();
  return { id: actor.account.accountId, role, orgId: held.orgId };
}

/** The title office and the organiser see the whole path; reviewers see what is assigned to them. */
export function isDesk(actor: Actor): boolean {
  return actor.roles.some(
    (assignment) => assignment.role === "office_admin" || assignment.role === "organiser",
  );
}
