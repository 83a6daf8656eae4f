import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { describe, expect, it } from "vitest";
import { certificateSettings } from "../../infra/stacks/certificate-context";

const settings = (context: Record<string, unknown>) => certificateSettings(new App({ context }));

describe("certificate settings from the CDK context (R4.6)", () => {
  it("takes the verification base URL and drops a trailing slash", () => {
    expect(settings({ certificateVerificationBaseUrl: "https://zcps.gansu.gov.cn/api/" })).toEqual({
      verificationBaseUrl: "https://zcps.gansu.gov.cn/api",
    });
  });

  it.each([
    [{}, /certificateVerificationBaseUrl is missing/],
    [{ certificateVerificationBaseUrl: "zcps.gansu.gov.cn" }, /not an absolute URL/],
    [{ certificateVerificationBaseUrl: "http://zcps.gansu.gov.cn" }, /must use https/],
    [{ certificateVerificationBaseUrl: "https://zcps.gansu.gov.cn/?x=1" }, /query/],
  ])("fails the synth for %j: the QR code would be printed wrong", (context, message) => {
    expect(() => settings(context)).toThrow(message);
  });

  it("takes a PNG as the seal and refuses anything else or a file that is not there", () => {
    const dir = mkdtempSync(join(tmpdir(), "seal-context-"));
    const png = join(dir, "seal.png");
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    const jpeg = join(dir, "seal.jpg");
    writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    const base = { certificateVerificationBaseUrl: "https://zcps.gansu.gov.cn" };
    expect(settings({ ...base, certificateSealImage: png }).sealImage).toBe(png);
    expect(() => settings({ ...base, certificateSealImage: jpeg })).toThrow(/is not a PNG/);
    expect(() => settings({ ...base, certificateSealImage: join(dir, "none.png") })).toThrow(/cannot read/);
  });
});
