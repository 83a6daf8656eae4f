import { accountRepository } from "../../adapters/dynamodb/account-repository";
import type { Actor } from "../../http/actor";
import { type BoundRoute, route } from "../../http/handler-group";
import { getMe, updateMe } from "../../http/routes/accounts";
import { rolesView } from "../../http/views/account-view";

function meView({ account, roles }: Actor) {
  return {
    accountId: account.accountId,
    username: account.username,
    realName: account.realName,
    kind: account.kind,
    orgId: account.orgId,
    phone: account.phone,
    residentId: account.residentId.masked,
    roles: rolesView(roles),
    version: account.version,
  };
}

export const meRoutes: BoundRoute[] = [
  route(getMe, async ({ actor }) => meView(actor)),
  route(updateMe, async ({ actor, body, now }) => {
    const version = await accountRepository.updatePhone(actor.account, body.phone, body.expectedVersion, {
      actor: actor.account.accountId,
      action: "update_phone",
      at: now,
      detail: { before: actor.account.phone, after: body.phone },
    });
    return meView({ ...actor, account: { ...actor.account, phone: body.phone, version } });
  }),
];
