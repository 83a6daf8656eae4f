import type { NotificationChannel } from "./channel";

let installed: NotificationChannel | undefined;

/**
 * The channel the notifier sends through: the local runtime installs its sink here, as it installs its
 * clock; in AWS the SNS/SES channel is loaded on first use, so nothing else bundles those clients.
 */
export async function notificationChannel(): Promise<NotificationChannel> {
  installed ??= (await import("./aws-channels")).awsChannel;
  return installed;
}

export function installNotificationChannel(channel: NotificationChannel): void {
  installed = channel;
}
