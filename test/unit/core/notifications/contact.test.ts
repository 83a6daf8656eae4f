import { describe, expect, it } from "vitest";
import {
  type Channel,
  type ContactPreference,
  contactPreferenceSchema,
  maskedAddress,
  routeFor,
} from "../../../../functions/core/notifications";

const PHONE = "13800138000";
const EMAIL = "wangyi@example.cn";
const SMS_ONLY: Channel[] = ["sms"];
const BOTH: Channel[] = ["sms", "email"];

describe("the person's channel, as the deployment offers it (DESIGN.md §7a)", () => {
  it.each([
    [
      "SMS chosen, SMS offered",
      { channel: "sms" },
      BOTH,
      { channel: "sms", address: PHONE, fallback: false },
    ],
    [
      "e-mail chosen and offered",
      { channel: "email", email: EMAIL },
      BOTH,
      { channel: "email", address: EMAIL, fallback: false },
    ],
    [
      "e-mail chosen where SES is not offered: SMS instead, marked as a fallback",
      { channel: "email", email: EMAIL },
      SMS_ONLY,
      { channel: "sms", address: PHONE, fallback: true },
    ],
    [
      "SMS chosen where only e-mail is offered, with an address on file",
      { channel: "sms", email: EMAIL },
      ["email"],
      { channel: "email", address: EMAIL, fallback: true },
    ],
    [
      "SMS chosen, only e-mail offered, no address: nobody can be reached",
      { channel: "sms" },
      ["email"],
      undefined,
    ],
    ["nothing offered", { channel: "sms" }, [], undefined],
  ] as [string, ContactPreference, Channel[], unknown][])("%s", (_, preference, offered, route) => {
    expect(routeFor(preference, { phone: PHONE, email: preference.email }, offered)).toEqual(route);
  });

  it("the choice is validated: e-mail needs an address, a well-formed one; no other channel exists", () => {
    expect(contactPreferenceSchema.safeParse({ channel: "email", email: EMAIL }).success).toBe(true);
    expect(contactPreferenceSchema.safeParse({ channel: "sms" }).success).toBe(true);
    for (const wrong of [
      { channel: "email" },
      { channel: "email", email: "wangyi" },
      { channel: "wechat" },
      {},
    ]) {
      expect(contactPreferenceSchema.safeParse(wrong).success).toBe(false);
    }
  });

  it("addresses are masked wherever they are shown to someone else", () => {
    expect(maskedAddress({ channel: "sms", address: PHONE })).toBe("138****8000");
    expect(maskedAddress({ channel: "email", address: EMAIL })).toBe("w***@example.cn");
  });
});
