import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The one weight certificates print in: Noto Serif SC (a Song-style face, as official documents use)
 * with TrueType outlines. Subsets of it embed as `CIDFontType2`, which every PDF engine renders;
 * CFF-outline subsets did not (Poppler and MuPDF rejected them).
 */
export const CERTIFICATE_FONT_FILE = "NotoSerifSC_400Regular.ttf";
export const CERTIFICATE_FONT_PACKAGE = "@expo-google-fonts/noto-serif-sc";

/** Where the package keeps the file, for the build that copies it beside the bundle. */
export function packagedFontPath(): string {
  const entry = createRequire(import.meta.url).resolve(CERTIFICATE_FONT_PACKAGE);
  return join(dirname(entry), "400Regular", CERTIFICATE_FONT_FILE);
}

// In Lambda the font is copied beside the bundle at build time; locally it is read from the package.
function fontPath(): string {
  const configured = process.env.CERTIFICATE_FONT_DIR;
  if (configured)
    return join(resolve(dirname(fileURLToPath(import.meta.url)), configured), CERTIFICATE_FONT_FILE);
  return packagedFontPath();
}

let loaded: Promise<Uint8Array> | undefined;

/** The whole TrueType font, read once per function instance; certificates embed a subset of it. */
export function certificateFont(): Promise<Uint8Array> {
  loaded ??= readFile(fontPath()).then((bytes) => new Uint8Array(bytes));
  return loaded;
}
