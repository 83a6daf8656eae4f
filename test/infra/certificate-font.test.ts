import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_FONT_FILE } from "../../functions/adapters/certificate-font";
import { buildTestApp } from "./app";

// biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
type Resource = { [key: string]: any };

let certificate: Resource;
let bundleDir: string;
let applicantApi: Resource | undefined;

beforeAll(() => {
  const built = buildTestApp();
  const functions = Object.values(Template.fromStack(built.service).findResources("AWS::Lambda::Function"));
  const found = functions.find((fn) => fn.Properties.Description?.startsWith("Electronic certificates"));
  if (!found) throw new Error("no certificate function in the template");
  certificate = found;
  applicantApi = functions.find((fn) => fn.Properties.Description?.startsWith("Applicant API"));
  const assembly = built.app.synth().directory;
  bundleDir = join(assembly, `asset.${String(certificate.Properties.Code.S3Key).replace(/\.zip$/, "")}`);
});

describe("the certificate function prints certificates (R4.6)", () => {
  it("ships the one CJK font weight beside its bundle, where CERTIFICATE_FONT_DIR points", () => {
    const directory = certificate.Properties.Environment.Variables.CERTIFICATE_FONT_DIR;
    expect(directory).toBe(".");
    const font = join(bundleDir, directory, CERTIFICATE_FONT_FILE);
    expect(existsSync(font), font).toBe(true);
    expect(statSync(font).size).toBeGreaterThan(5_000_000);
    // The package's other four weights would add 33 MB to every cold start's download.
    const fonts = readdirSync(bundleDir, { recursive: true }).filter((name) => String(name).endsWith(".otf"));
    expect(fonts).toEqual([CERTIFICATE_FONT_FILE]);
  });

  it("has the memory and time to parse the font and embed its subset", () => {
    expect(certificate.Properties.MemorySize).toBeGreaterThanOrEqual(1024);
    expect(certificate.Properties.Timeout).toBeGreaterThanOrEqual(20);
  });

  it("keeps the font and the PDF rendering out of the applicant's function", () => {
    expect(applicantApi?.Properties.Environment.Variables.CERTIFICATE_FONT_DIR).toBeUndefined();
    const applicantDir = join(
      bundleDir,
      "..",
      `asset.${String(applicantApi?.Properties.Code.S3Key).replace(/\.zip$/, "")}`,
    );
    const files = readdirSync(applicantDir, { recursive: true }).map(String);
    expect(files.filter((name) => name.endsWith(".otf"))).toEqual([]);
    expect(readFileSync(join(applicantDir, "index.mjs"), "utf8")).not.toContain("CERTIFICATE_FONT_DIR");
  });
});
