import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Template } from "aws-cdk-lib/assertions";
import { beforeAll, describe, expect, it } from "vitest";
import { CERTIFICATE_FONT_FILE } from "../../functions/adapters/certificate-font";
import { HARFBUZZ_SUBSET_WASM } from "../../infra/constructs/bundling-options";
import { buildTestApp } from "./app";

// biome-ignore lint/suspicious/noExplicitAny: template resources are untyped JSON
type Resource = { [key: string]: any };

let certificate: Resource;
let bundleDir: string;
let applicantApi: Resource | undefined;
/** Any PNG will do as the office's seal here: the synth checks the signature, the function draws it. */
const SEAL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

function certificateFunction(template: Template): Resource {
  const found = Object.values(template.findResources("AWS::Lambda::Function")).find((fn) =>
    fn.Properties.Description?.startsWith("Electronic certificates"),
  );
  if (!found) throw new Error("no certificate function in the template");
  return found;
}

beforeAll(() => {
  const sealFile = join(mkdtempSync(join(tmpdir(), "seal-")), "seal.png");
  writeFileSync(sealFile, SEAL);
  const built = buildTestApp({ certificateSealImage: sealFile });
  const template = Template.fromStack(built.service);
  const functions = Object.values(template.findResources("AWS::Lambda::Function"));
  certificate = certificateFunction(template);
  applicantApi = functions.find((fn) => fn.Properties.Description?.startsWith("Applicant API"));
  const assembly = built.app.synth().directory;
  bundleDir = join(assembly, `asset.${String(certificate.Properties.Code.S3Key).replace(/\.zip$/, "")}`);
});

describe("the certificate function prints certificates (R4.6)", () => {
  it("ships the one TrueType CJK font weight beside its bundle, where CERTIFICATE_FONT_DIR points", () => {
    const directory = certificate.Properties.Environment.Variables.CERTIFICATE_FONT_DIR;
    expect(directory).toBe(".");
    const font = join(bundleDir, directory, CERTIFICATE_FONT_FILE);
    expect(existsSync(font), font).toBe(true);
    expect(statSync(font).size).toBeGreaterThan(10_000_000);
    // TrueType outlines (0x00010000), not CFF ("OTTO"): their subsets are what every engine renders.
    expect(readFileSync(font).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0]));
    // The package's other eight weights would add 118 MB to every cold start's download.
    const fonts = readdirSync(bundleDir, { recursive: true }).filter((name) =>
      /\.(otf|ttf)$/.test(String(name)),
    );
    expect(fonts).toEqual([CERTIFICATE_FONT_FILE]);
  });

  it("ships the subsetter's WebAssembly where subset-font looks for it, and no WOFF2 codec in the bundle", () => {
    const wasm = join(bundleDir, HARFBUZZ_SUBSET_WASM);
    expect(existsSync(wasm), wasm).toBe(true);
    expect(readFileSync(wasm).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
    const bundle = readFileSync(join(bundleDir, "index.mjs"), "utf8");
    expect(bundle).toContain("WOFF2 fonts are not supported by the function bundles");
    expect(bundle.length).toBeLessThan(3_000_000);
  });

  it("prints the QR code of the verification base URL the deployment's context sets", () => {
    expect(certificate.Properties.Environment.Variables.CERTIFICATE_VERIFICATION_BASE_URL).toBe(
      "https://zcps.example.gov.cn",
    );
  });

  it("ships the seal the context names beside the bundle, and none without it", () => {
    const file = certificate.Properties.Environment.Variables.CERTIFICATE_SEAL_FILE;
    expect(readFileSync(join(bundleDir, file))).toEqual(SEAL);
    // Without bundling (cheap), cdk.json as it is: no seal configured, none drawn.
    const plain = buildTestApp({ "aws:cdk:bundling-stacks": [] });
    const variables = certificateFunction(Template.fromStack(plain.service)).Properties.Environment.Variables;
    expect(variables.CERTIFICATE_SEAL_FILE).toBeUndefined();
    expect(variables.CERTIFICATE_VERIFICATION_BASE_URL).toBe("https://zcps.example.gov.cn");
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
    expect(files.filter((name) => /\.(otf|ttf|wasm)$/.test(name))).toEqual([]);
    expect(readFileSync(join(applicantDir, "index.mjs"), "utf8")).not.toContain("CERTIFICATE_FONT_DIR");
  });
});
