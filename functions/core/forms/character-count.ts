const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/**
 * Characters as a person counts them (R7.8): extended grapheme clusters, so 𠀀 (two UTF-16 units), an
 * accented letter written with a combining mark and an emoji sequence each count once; so does "\r\n".
 */
export function characterCount(text: string): number {
  return [...graphemes.segment(text)].length;
}
