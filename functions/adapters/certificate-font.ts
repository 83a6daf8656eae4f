import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const FONT_FILE = "NotoSansHans-Regular.otf";

// In Lambda the font is copied beside the bundle at build time; locally it is read from the package.
function fontPath(): string {
  const configured = process.env.CERTIFICATE_FONT_DIR;
  if (configured) return join(resolve(dirname(fileURLToPath(import.meta.url)), configured), FONT_FILE);
  const entry = createRequire(import.meta.url).resolve("@embedpdf/fonts-sc");
  return join(dirname(entry), "..", "fonts", FONT_FILE);
}

let loaded: Promise<Uint8Array> | undefined;

/** Noto Sans (Simplified Chinese), read once per function instance. */
export function certificateFont(): Promise<Uint8Array> {
  loaded ??= readFile(fontPath()).then((bytes) => new Uint8Array(bytes));
  return loaded;
}
