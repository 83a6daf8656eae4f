import { MetricUnit } from "@aws-lambda-powertools/metrics";
import type { Context } from "aws-lambda";
import { clock } from "../adapters/clock";
import { type AccountRecord, accountRepository } from "../adapters/dynamodb/account-repository";
import { deliverOnce } from "../adapters/dynamodb/delivery-idempotency";
import { type Delivery, type OutboxItem, outbox } from "../adapters/dynamodb/outbox";
import { logger } from "../adapters/logger";
import { METRIC_NAMES, metrics } from "../adapters/metrics";
import { offeredChannels } from "../adapters/notify/channel";
import { notificationChannel } from "../adapters/notify/installed-channel";
import {
  DEFAULT_CONTACT,
  maskedAddress,
  type Recipient,
  renderMessage,
  routeFor,
} from "../core/notifications";
import type { Role } from "../core/roles";

/** Nobody holds the role (yet): the organisation's administrator is told instead, so nothing goes unread. */
const STANDING_STAND_IN: Readonly<Record<Extract<Recipient, { kind: "org_role" }>["role"], Role>> = {
  unit_handler: "unit_admin",
  department_reviewer: "department_admin",
};

/** The people a notification is for, as they are when it is delivered; disabled accounts are left out. */
async function peopleFor(item: OutboxItem): Promise<AccountRecord[]> {
  const { recipient } = item;
  let accountIds: string[];
  if (recipient.kind === "account") {
    accountIds = [recipient.accountId];
  } else {
    const holders = await accountRepository.holdersIn(recipient.orgId, item.scope);
    const holding = (role: Role) => holders.filter((holder) => holder.role === role);
    const chosen = holding(recipient.role);
    accountIds = [
      ...new Set(
        (chosen.length > 0 ? chosen : holding(STANDING_STAND_IN[recipient.role])).map(
          (holder) => holder.accountId,
        ),
      ),
    ];
  }
  const accounts = await Promise.all(accountIds.map((accountId) => accountRepository.get(accountId)));
  return accounts.filter((account): account is AccountRecord => account !== undefined && !account.disabled);
}

/**
 * Delivers one outbox item (DESIGN.md §7a): to each person it is for, by the channel they chose when this
 * deployment offers it, rendered from the template with their name; each person once, however often the
 * item comes (the dedupe key is the item and the person). A failed send throws, so that the item is
 * retried; the people already served are not served again.
 */
export async function deliverNotification(item: OutboxItem, context?: Context): Promise<Delivery[]> {
  const [channel, people] = await Promise.all([notificationChannel(), peopleFor(item)]);
  const offered = offeredChannels();
  const deliveries: Delivery[] = [];
  for (const person of people) {
    const contact = person.contact ?? DEFAULT_CONTACT;
    const route = routeFor(contact, { phone: person.phone, email: contact.email }, offered);
    const where = { outboxId: item.outboxId, template: item.template, accountId: person.accountId };
    if (!route) {
      logger.warn("notification undeliverable", { ...where, offered, chosen: contact.channel });
      continue;
    }
    const message = renderMessage(item.template, item.params, person.realName, route.channel);
    const { result, sentNow } = await deliverOnce(
      { outboxId: item.outboxId, accountId: person.accountId },
      context,
      async () => {
        const sent = await channel.send({
          channel: route.channel,
          address: route.address,
          subject: message.subject,
          text: message.text,
          deliveryKey: `${item.outboxId}#${person.accountId}`,
        });
        return {
          channel: route.channel,
          fallback: route.fallback,
          messageId: sent.messageId,
          at: clock().now().toISOString(),
        };
      },
    );
    if (sentNow) {
      metrics.addDimensions({ Channel: result.channel });
      metrics.addMetric(METRIC_NAMES.notificationsDelivered, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    }
    logger.info(sentNow ? "notification delivered" : "notification already delivered", {
      ...where,
      channel: result.channel,
      to: maskedAddress(route),
      fallback: result.fallback,
    });
    deliveries.push({
      accountId: person.accountId,
      channel: result.channel,
      fallback: result.fallback,
      at: result.at,
    });
  }
  await outbox.recordDeliveries(item.outboxId, deliveries, clock().now());
  return deliveries;
}
