import { CSV_BOM, csvLine } from "./csv";

/**
 * One record of an audit export (DESIGN.md §10). Every record has every field, null where it does not
 * apply, so the JSON and the CSV columns stay the same whatever the record is about.
 */
export interface AuditRecord {
  /** `application`: the application's own trail; `office`: a record kept about the round or the person. */
  trail: "application" | "office";
  /** What the record is stored under, e.g. `ROUND#2024#G2#APP#<id>`, `ROUND#2024`, `BLACKLIST#<id>`. */
  entity: string;
  roundId: string | null;
  generation: number | null;
  applicationId: string | null;
  at: string;
  action: string;
  /** Account id, or `system` for the round workflow. */
  actor: string;
  role: string | null;
  org: string | null;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

/** The column order of the CSV and the field names of the JSON: a published contract, append only. */
export const AUDIT_COLUMNS = [
  "trail",
  "entity",
  "roundId",
  "generation",
  "applicationId",
  "at",
  "action",
  "actor",
  "role",
  "org",
  "fromState",
  "toState",
  "reason",
  "detail",
] as const satisfies readonly (keyof AuditRecord)[];

function cellText(value: AuditRecord[keyof AuditRecord]): string {
  if (value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The start of a CSV file of audit records: the byte order mark and the header row. */
export function auditCsvHeader(): string {
  return `${CSV_BOM}${csvLine(AUDIT_COLUMNS)}`;
}

export function auditCsvLine(record: AuditRecord): string {
  return csvLine(AUDIT_COLUMNS.map((column) => cellText(record[column])));
}
