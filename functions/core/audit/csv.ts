/**
 * CSV as RFC 4180 writes it, for spreadsheets the title office opens: CRLF line ends, fields quoted
 * when they hold a comma, a quote or a line break, quotes doubled. Excel reads a file as the local
 * code page unless it starts with a byte order mark, so every file starts with one and Chinese text
 * opens intact.
 */
export const CSV_BOM = "\uFEFF";

/** Characters that make a spreadsheet read a cell as a formula (CSV injection, OWASP). */
const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * A cell that would start a formula is prefixed with an apostrophe, which spreadsheets show as text:
 * an applicant's reason or comment must never run as `=HYPERLINK(…)` on the office's machine.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_STARTS.has(text.charAt(0)) ? `'${text}` : text;
}

export function csvField(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record, with its line end. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
