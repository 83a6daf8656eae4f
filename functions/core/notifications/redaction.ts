/**
 * Free text a reviewer typed (a return's reasons, a decision's grounds) goes into messages sent by SMS
 * and e-mail, where a resident ID or phone number must never appear (DESIGN.md §7a). Anything shaped
 * like one is replaced before the text is stored with the notification: an 18- or 15-character ID
 * number, a mainland mobile number, a landline with its area code.
 */
const IDENTIFIERS: readonly [RegExp, string][] = [
  [/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, "［证件号已隐去］"],
  [/(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])/g, "［证件号已隐去］"],
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, "［电话已隐去］"],
  [/(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g, "［电话已隐去］"],
];

export function withoutIdentifiers(text: string): string {
  return IDENTIFIERS.reduce(
    (redacted, [pattern, replacement]) => redacted.replace(pattern, replacement),
    text,
  );
}

/** At most `limit` characters (code points, as R7.8 counts them), ending with an ellipsis when cut. */
export function shortened(text: string, limit: number): string {
  const characters = [...text.replace(/\s+/g, " ").trim()];
  return characters.length <= limit ? characters.join("") : `${characters.slice(0, limit - 1).join("")}…`;
}
