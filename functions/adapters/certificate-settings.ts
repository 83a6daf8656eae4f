import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseVerificationBaseUrl } from "../core/certificates";

/**
 * Where the public verifies certificates (`CERTIFICATE_VERIFICATION_BASE_URL`): CDK sets it from the
 * `certificateVerificationBaseUrl` context, the local runtime to its own address. Read on each use,
 * so that the local runtime may set it once it knows its port.
 */
export function verificationBaseUrl(): string {
  const configured = process.env.CERTIFICATE_VERIFICATION_BASE_URL;
  if (!configured) {
    throw new Error("CERTIFICATE_VERIFICATION_BASE_URL is not set: a certificate cannot print its QR code");
  }
  return parseVerificationBaseUrl(configured);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let seal: Promise<Uint8Array | undefined> | undefined;

/**
 * The office's electronic seal (`CERTIFICATE_SEAL_FILE`, a PNG with transparency), read once per
 * instance; none when the deployment has not configured one. A relative path is taken from the
 * function's folder in Lambda (where CDK copies the file) and from the working directory locally.
 */
export function certificateSeal(): Promise<Uint8Array | undefined> {
  seal ??= (async () => {
    const file = process.env.CERTIFICATE_SEAL_FILE;
    if (!file) return undefined;
    const bytes = new Uint8Array(
      await readFile(resolve(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), file)),
    );
    if (!PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) {
      throw new Error(`CERTIFICATE_SEAL_FILE ${file} is not a PNG image`);
    }
    return bytes;
  })();
  return seal;
}
