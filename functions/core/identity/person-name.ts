/**
 * The holder's name as the public verification shows it: the family name and the last character
 * stay, the ones between become `*` (李*燕, 欧阳**娜); a two-character name keeps its first (王*).
 * Whoever holds the paper reads the whole name on it; someone who only found the link learns little.
 */
export function maskPersonName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return "*";
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${"*".repeat(characters.length - 2)}${characters.at(-1)}`;
}
