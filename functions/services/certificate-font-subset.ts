import fontkit from "@pdf-lib/fontkit";
import subsetFont from "subset-font";
import { DomainError } from "../core/errors";

/**
 * Only the characters a certificate prints, cut from the TrueType font by HarfBuzz's subsetter
 * (hb-subset, as WebAssembly). No layout features are kept: one character draws one glyph, the same
 * in every viewer.
 */
export async function printableSubset(font: Uint8Array, text: string): Promise<Uint8Array> {
  const characters = [...new Set(text)].join("");
  // The subsetter reads the font's signature through Buffer's API: a view on the same bytes, no copy.
  const source = Buffer.from(font.buffer, font.byteOffset, font.byteLength);
  const subset = new Uint8Array(
    await subsetFont(source, characters, { targetFormat: "truetype", keepFeatures: [] }),
  );
  assertGlyphs(subset, characters);
  return subset;
}

/**
 * A name with a character the font lacks would print as an empty box on an official document; refuse
 * and say which characters, so the office can supply a font that has them. The subset keeps exactly
 * the characters the font has, so it answers for the whole font.
 */
function assertGlyphs(subset: Uint8Array, characters: string): void {
  const font = fontkit.create(subset);
  const missing = [...characters].filter(
    (character) => !font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0),
  );
  if (missing.length > 0) {
    throw new DomainError(
      "CERTIFICATE_GLYPH_MISSING",
      `证书字体缺少以下字符：${missing.join("、")}。请联系省职改办更换字库后重新生成证书。`,
    );
  }
}
