import type { BlacklistRecord } from "../../adapters/dynamodb/blacklist-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import {
  importBlacklist,
  liftBlacklistEntry,
  listBlacklist,
  recordBlacklistEntry,
} from "../../http/routes/fraud";
import { blacklistRegister } from "../../services/blacklist-register";

/** The register as the office reads it: the person by name and masked ID number, never the hash or the sealed number. */
export function toBlacklistEntryView(entry: BlacklistRecord) {
  const { residentIdHash: _hash, sealedResidentId: _sealed, cancellation, ...view } = entry;
  if (!cancellation) return view;
  const { generation: _generation, ...application } = cancellation;
  return { ...view, cancellation: application };
}

export const blacklistRoutes: BoundRoute[] = [
  route(recordBlacklistEntry, async ({ actor, body, now }) => {
    const { entry, alreadyRecorded } = await blacklistRegister.record(body, {
      actor: actor.account.accountId,
      now,
    });
    return { ...toBlacklistEntryView(entry), alreadyRecorded };
  }),

  route(importBlacklist, async ({ actor, body, now }) =>
    blacklistRegister.import(body.entries, { actor: actor.account.accountId, now }),
  ),

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
