import { accountRepository } from "../../adapters/dynamodb/account-repository";
import { offeredChannels } from "../../adapters/notify/channel";
import { DomainError } from "../../core/errors";
import { CHANNEL_LABELS, type ContactPreference, DEFAULT_CONTACT } from "../../core/notifications";
import type { Actor } from "../../http/actor";
import { type BoundRoute, route } from "../../http/handler-group";
import { getMe, updateContactPreference, updateMe } from "../../http/routes/accounts";
import { rolesView } from "../../http/views/account-view";

function meView({ account, roles }: Actor) {
  return {
    accountId: account.accountId,
    username: account.username,
    realName: account.realName,
    kind: account.kind,
    orgId: account.orgId,
    phone: account.phone,
    contact: account.contact ?? DEFAULT_CONTACT,
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
  route(updateContactPreference, async ({ actor, body, now }) => {
    const offered = offeredChannels();
    if (!offered.includes(body.channel)) {
      // A deployment without SES offers no e-mail (DESIGN.md §7a): the choice could never be honoured.
      throw new DomainError(
        "CHANNEL_NOT_OFFERED",
        offered.length === 0
          ? "本系统当前未开通短信或电子邮件通知，无需设置通知方式"
          : `本系统当前不提供${CHANNEL_LABELS[body.channel]}通知，请选择${offered.map((c) => CHANNEL_LABELS[c]).join("或")}`,
        { fields: [{ path: "body.channel", message: `不提供${CHANNEL_LABELS[body.channel]}通知` }] },
      );
    }
    // The address is kept only with the channel that uses it.
    const contact: ContactPreference =
      body.channel === "email" && body.email ? { channel: "email", email: body.email } : { channel: "sms" };
    const version = await accountRepository.updateContact(actor.account, contact, body.expectedVersion, {
      actor: actor.account.accountId,
      action: "update_contact_preference",
      at: now,
      detail: { before: actor.account.contact?.channel ?? DEFAULT_CONTACT.channel, after: contact.channel },
    });
    return meView({ ...actor, account: { ...actor.account, contact, version } });
  }),
];
