import { describe, expect, it } from "vitest";
import {
  certificateVerificationUrl,
  chineseDate,
  parseVerificationBaseUrl,
} from "../../../../functions/core/certificates";

describe("the verification URL a certificate's QR code carries (R4.6)", () => {
  it.each([
    ["https://zcps.gansu.gov.cn", "https://zcps.gansu.gov.cn"],
    ["https://zcps.gansu.gov.cn/", "https://zcps.gansu.gov.cn"],
    ["https://zcps.gansu.gov.cn/api//", "https://zcps.gansu.gov.cn/api"],
    [" http://127.0.0.1:3000 ", "http://127.0.0.1:3000"],
    ["http://localhost:4000/", "http://localhost:4000"],
  ])("R4.6 takes %s as %s", (value, base) => {
    expect(parseVerificationBaseUrl(value)).toBe(base);
  });

  it.each([
    ["", /not an absolute URL/],
    ["/certificates", /not an absolute URL/],
    ["http://zcps.gansu.gov.cn", /must use https/],
    ["ftp://zcps.gansu.gov.cn", /must use https/],
    ["https://user:pw@zcps.gansu.gov.cn", /credentials/],
    ["https://zcps.gansu.gov.cn/?lang=zh", /query/],
    ["https://zcps.gansu.gov.cn/#top", /fragment/],
  ])("R4.6 refuses %j, which could not be printed as a working link", (value, message) => {
    expect(() => parseVerificationBaseUrl(value)).toThrow(message);
  });

  it("R4.6 puts the number in the path and the code in the query, encoded", () => {
    expect(certificateVerificationUrl("https://zcps.gansu.gov.cn", "GS2024-000001", "7Q4MK-2XDHP")).toBe(
      "https://zcps.gansu.gov.cn/certificates/GS2024-000001?code=7Q4MK-2XDHP",
    );
    expect(certificateVerificationUrl("https://h", "A/B", "x&y")).toBe(
      "https://h/certificates/A%2FB?code=x%26y",
    );
  });

  it("R4.6 writes dates the Chinese way, without leading zeros", () => {
    expect(chineseDate("2025-01-07")).toBe("2025年1月7日");
    expect(chineseDate("2024-12-31")).toBe("2024年12月31日");
  });
});
