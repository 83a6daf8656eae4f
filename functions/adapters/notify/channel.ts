import { CHANNELS, type Channel } from "../../core/notifications";

/** One message on its way to one person: the dedupe key names the notification and the person. */
export interface OutgoingMessage {
  channel: Channel;
  /** A mainland mobile number for SMS, an e-mail address for e-mail. */
  address: string;
  subject: string;
  text: string;
  deliveryKey: string;
}

/**
 * The channel port (DESIGN.md §7a): SMS through Amazon SNS and e-mail through Amazon SES in AWS, a sink
 * a developer can read on the local runtime.
 */
export interface NotificationChannel {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
}

/**
 * The channels this deployment offers, from `NOTIFICATION_CHANNELS` (set by CDK from the `cdk.json`
 * context; both locally). Read by the notifier to route, and by the profile route to refuse a choice
 * nobody could deliver.
 */
export function offeredChannels(): Channel[] {
  const listed = (process.env.NOTIFICATION_CHANNELS ?? "").split(",").map((name) => name.trim());
  return CHANNELS.filter((channel) => listed.includes(channel));
}
