import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_FONT_FILE } from "../../functions/adapters/certificate-font";
import { buildTestApp } from "./app";

// biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
type Resource = { [key: string]: any };

let submission: Resource;
let bundleDir: string;

beforeAll(() => {
  const built = buildTestApp();
  const functions = Object.values(Template.fromStack(built.service).findResources("AWS::Lambda::Function"));
  const found = functions.find((fn) => fn.Properties.Description?.startsWith("Applicant API"));
  if (!found) throw new Error("no submission function in the template");
  submission = found;
  const assembly = built.app.synth().directory;
  bundleDir = join(assembly, `asset.${String(submission.Properties.Code.S3Key).replace(/\.zip$/, "")}`);
});

describe("the submission function prints certificates (R4.6)", () => {
  it("ships the one CJK font weight beside its bundle, where CERTIFICATE_FONT_DIR points", () => {
    const directory = submission.Properties.Environment.Variables.CERTIFICATE_FONT_DIR;
    expect(directory).toBe(".");
    const font = join(bundleDir, directory, CERTIFICATE_FONT_FILE);
    expect(existsSync(font), font).toBe(true);
    expect(statSync(font).size).toBeGreaterThan(5_000_000);
    // The package's other four weights would add 33 MB to every cold start's download.
    const fonts = readdirSync(bundleDir, { recursive: true }).filter((name) => String(name).endsWith(".otf"));
    expect(fonts).toEqual([CERTIFICATE_FONT_FILE]);
  });

  it("has the memory and time to parse the font and embed its subset", () => {
    expect(submission.Properties.MemorySize).toBeGreaterThanOrEqual(1024);
    expect(submission.Properties.Timeout).toBeGreaterThanOrEqual(20);
  });
});
