import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The one weight certificates print in; the function ships this file and no other of the package. */
export const CERTIFICATE_FONT_FILE = "NotoSansHans-Regular.otf";

// In Lambda the font is copied beside the bundle at build time; locally it is read from the package.
function fontPath(): string {
  const configured = process.env.CERTIFICATE_FONT_DIR;
  if (configured)
    return join(resolve(dirname(fileURLToPath(import.meta.url)), configured), CERTIFICATE_FONT_FILE);
  const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
  return join(dirname(entry), "..", "fonts", CERTIFICATE_FONT_FILE);
}

let loaded: Promise<Uint8Array> | undefined;

/** Noto Sans (Simplified Chinese), read once per function instance. */
export function certificateFont(): Promise<Uint8Array> {
  loaded ??= readFile(fontPath()).then((bytes) => new Uint8Array(bytes));
  return loaded;
}
