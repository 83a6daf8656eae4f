import type { BlacklistRecord } from "../../adapters/dynamodb/blacklist-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import { liftBlacklistEntry, listBlacklist } from "../../http/routes/fraud";
import { blacklistRegister } from "../../services/blacklist-register";

/** The register as the office reads it: the person by name and masked ID number, never the hash. */
export function toBlacklistEntryView(entry: BlacklistRecord) {
  const { residentIdHash: _hash, generation: _generation, ...view } = entry;
  return view;
}

export const blacklistRoutes: BoundRoute[] = [
  route(listBlacklist, async ({ query, now }) => {
    const page = await blacklistRegister.page(query.cursor, now);
    return {
      entries: page.items.map(toBlacklistEntryView),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(liftBlacklistEntry, async ({ actor, params, body, now }) =>
    toBlacklistEntryView(
      await blacklistRegister.lift(params.entryId, {
        reason: body.reason,
        expectedVersion: body.expectedVersion,
        actor: actor.account.accountId,
        now,
      }),
    ),
  ),
];
