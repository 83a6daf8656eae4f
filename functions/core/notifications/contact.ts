import * as z from "zod/mini";

/** How a person can be told something: a text message to their phone, or an e-mail. */
export const CHANNELS = ["sms", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { sms: "短信", email: "电子邮件" };

/** What the person chose (DESIGN.md §7a); without a choice, the phone every account has. */
export interface ContactPreference {
  channel: Channel;
  email?: string;
}

export const DEFAULT_CONTACT: ContactPreference = { channel: "sms" };

/** The fields a person sets; the e-mail address is kept only with its channel chosen. */
export const contactFields = {
  channel: z
    .enum(CHANNELS, { error: "通知方式只能选择短信（sms，发送到账号登记的手机）或电子邮件（email）" })
    .check(z.describe("sms: the account's phone; email: the address given")),
  email: z.optional(
    z
      .email({ error: "电子邮箱格式不正确，请核对后重新填写" })
      .check(z.maxLength(254, "电子邮箱不超过254个字符")),
  ),
};

/** An e-mail channel needs its address. */
export function hasAddressForChannel(choice: { channel: Channel; email?: string | undefined }): boolean {
  return choice.channel !== "email" || choice.email !== undefined;
}

export const EMAIL_MISSING = { path: ["email"], message: "选择电子邮件通知时，请填写电子邮箱" };

export const contactPreferenceSchema = z
  .strictObject(contactFields)
  .check(z.refine(hasAddressForChannel, EMAIL_MISSING));

/** Where one message goes: the channel and the address on it. */
export interface Route {
  channel: Channel;
  address: string;
  /** The person's own choice is not offered by this deployment: the other channel is used instead. */
  fallback: boolean;
}

/**
 * The person's channel if the deployment offers it, otherwise another it offers for which the person
 * has an address; none when the deployment offers nothing the person can be reached by.
 */
export function routeFor(
  preference: ContactPreference,
  addresses: { phone?: string | undefined; email?: string | undefined },
  offered: readonly Channel[],
): Route | undefined {
  const addressOf = (channel: Channel) => (channel === "sms" ? addresses.phone : addresses.email);
  const candidates = [preference.channel, ...CHANNELS.filter((channel) => channel !== preference.channel)];
  for (const channel of candidates) {
    const address = addressOf(channel);
    if (offered.includes(channel) && address) {
      return { channel, address, fallback: channel !== preference.channel };
    }
  }
  return undefined;
}

/** Masked for logs and the local sink: enough to tell two people apart, never the whole number or address. */
export function maskedAddress(route: Pick<Route, "channel" | "address">): string {
  if (route.channel === "sms") return `${route.address.slice(0, 3)}****${route.address.slice(-4)}`;
  const [name = "", domain = ""] = route.address.split("@");
  return `${name.slice(0, 1)}***@${domain}`;
}
