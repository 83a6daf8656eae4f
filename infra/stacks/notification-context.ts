import type { App } from "aws-cdk-lib";
import * as z from "zod/mini";
import type { Channel } from "../../functions/core/notifications";

/** Which channels a deployment delivers notifications by (DESIGN.md §7a), from the CDK context. */
export interface NotificationSettings {
  /** Text messages through Amazon SNS. */
  sms: boolean;
  /** The verified SES identity's sender address; e-mail is off without one (SES is not in every region). */
  emailSender?: string;
}

const sender = z.email();

function flag(value: unknown, name: string): boolean {
  if (value === undefined || value === true || value === "true") return true;
  if (value === false || value === "false") return false;
  throw new Error(`cdk context ${name} must be true or false, not ${JSON.stringify(value)}`);
}

/**
 * `notificationSms` (default true) and `notificationEmailSender` (an address of an identity verified in
 * SES in the deployment's region; e-mail is off when it is absent or empty). Set in cdk.json or with -c.
 */
export function notificationSettings(app: App): NotificationSettings {
  const sms = flag(app.node.tryGetContext("notificationSms"), "notificationSms");
  const email = (app.node.tryGetContext("notificationEmailSender") as string | undefined)?.trim();
  if (!email) return { sms };
  if (!sender.safeParse(email).success) {
    throw new Error(`cdk context notificationEmailSender: ${email} is not an e-mail address`);
  }
  return { sms, emailSender: email };
}

export function channelsOf(settings: NotificationSettings): Channel[] {
  return [...(settings.sms ? (["sms"] as const) : []), ...(settings.emailSender ? (["email"] as const) : [])];
}
