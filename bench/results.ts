import type { Spread } from "./stats";

/** One line of the results table: a ratio (or a count) with its spread and, if it has one, its target. */
export interface FigureRow {
  figure: string;
  value: Spread | { median: number; runs: "deterministic" };
  /** The figure must stay at or below this. */
  target?: number;
  /** What the value counts, when it is not a plain ratio (e.g. "KB", "WCU"). */
  unit?: string;
}

/** What one benchmark contributes: rows of the table, and the absolute numbers and notes behind them. */
export interface Section {
  rows: FigureRow[];
  /** Markdown paragraphs, tables or lists printed under "Details". */
  details: string[];
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  if (size >= 0.1) return value.toFixed(2);
  return value.toFixed(3);
}

function met(row: FigureRow): string {
  if (row.target === undefined) return "—";
  return row.value.median <= row.target ? "yes" : "**no**";
}

export function figureTable(rows: readonly FigureRow[]): string {
  const lines = [
    "| figure | median | min–max | runs | target | met? |",
    "| ------ | -----: | ------: | ---: | -----: | :--: |",
  ];
  for (const row of rows) {
    const unit = row.unit ? ` ${row.unit}` : "";
    const range =
      row.value.runs === "deterministic"
        ? "—"
        : `${formatNumber(row.value.min)}–${formatNumber(row.value.max)}`;
    const target = row.target === undefined ? "—" : `≤ ${formatNumber(row.target)}`;
    lines.push(
      `| ${row.figure} | ${formatNumber(row.value.median)}${unit} | ${range} | ${row.value.runs} | ${target} | ${met(row)} |`,
    );
  }
  return lines.join("\n");
}

/** A markdown table from a header and rows of cells. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}
