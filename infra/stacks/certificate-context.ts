import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { App } from "aws-cdk-lib";
import { parseVerificationBaseUrl } from "../../functions/core/certificates";
import { PROJECT_ROOT } from "../constructs/bundling-options";

/** What each deployment sets for its certificates, from the CDK context (cdk.json or `-c`). */
export interface CertificateSettings {
  /** Public address under which `/certificates/{number}` answers: the QR code of every certificate. */
  verificationBaseUrl: string;
  /** Absolute path of the office's seal (PNG); certificates carry no seal without one. */
  sealImage?: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * `certificateVerificationBaseUrl` (required) and `certificateSealImage` (optional, a PNG path relative
 * to the project). Both end up printed on paper, so a wrong value fails the synth instead.
 */
export function certificateSettings(app: App): CertificateSettings {
  const baseUrl = app.node.tryGetContext("certificateVerificationBaseUrl") as string | undefined;
  if (!baseUrl) {
    throw new Error(
      "cdk context certificateVerificationBaseUrl is missing: set the public address of the API's " +
        "/certificates/{number} route (printed as each certificate's QR code) in cdk.json or with -c",
    );
  }
  const settings: CertificateSettings = { verificationBaseUrl: parseVerificationBaseUrl(baseUrl) };
  const seal = app.node.tryGetContext("certificateSealImage") as string | undefined;
  if (seal) {
    const path = resolve(PROJECT_ROOT, seal);
    let head: Buffer;
    try {
      head = readFileSync(path).subarray(0, PNG_SIGNATURE.length);
    } catch {
      throw new Error(`cdk context certificateSealImage: cannot read ${path}`);
    }
    if (!head.equals(PNG_SIGNATURE))
      throw new Error(`cdk context certificateSealImage: ${path} is not a PNG`);
    settings.sealImage = path;
  }
  return settings;
}
