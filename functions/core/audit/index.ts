export { AUDIT_COLUMNS, type AuditRecord, auditCsvHeader, auditCsvLine } from "./audit-record";
export { CSV_BOM, csvField, csvLine, neutraliseFormula } from "./csv";
