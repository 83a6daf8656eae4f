import type { ApplicationRecord } from "../adapters/dynamodb/application-record";
import { type AuditSource, auditExportQueries } from "../adapters/dynamodb/audit-export-queries";
import { blacklistEntity } from "../adapters/dynamodb/blacklist-repository";
import type { GenerationScope } from "../adapters/dynamodb/keys";
import { auditCsvHeader, auditCsvLine } from "../core/audit";
import { DomainError } from "../core/errors";

export type AuditFormat = "json" | "csv";

/**
 * A Lambda answer is at most 6 MB, headers and envelope included, so an export never truncates
 * silently: it answers pages of at most 4 MiB (as carried in the answer) and 5,000 records, and a
 * cursor for the next page. Each page is a whole file: a JSON array, or a CSV with its BOM and header.
 */
export const EXPORT_PAGE_LIMITS = { bytes: 4 * 1024 * 1024, records: 5_000 };

export interface AuditExportPage {
  body: string;
  /** 1 for the first page: it numbers the files of one export. */
  page: number;
  nextCursor?: string;
}

interface ExportCursor {
  source: number;
  key?: Record<string, string>;
  page: number;
}

function invalidCursor(): DomainError {
  return new DomainError("INVALID_CURSOR", "导出游标无效，请从第一页重新导出。", {
    fields: [{ path: "query.cursor", message: "导出游标无效" }],
  });
}

function encodeCursor(cursor: ExportCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** A cursor opens only the export it came from: its source must exist and its key lie inside it. */
function decodeCursor(text: string | undefined, sources: readonly AuditSource[]): ExportCursor {
  if (text === undefined) return { source: 0, page: 1 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== "object" || parsed === null) throw invalidCursor();
  const { source, key, page } = parsed as Record<string, unknown>;
  if (typeof source !== "number" || typeof page !== "number" || !Number.isInteger(page) || page < 2) {
    throw invalidCursor();
  }
  const at = Number.isInteger(source) ? sources[source] : undefined;
  if (!at) throw invalidCursor();
  if (key === undefined) return { source, page };
  const valid =
    typeof key === "object" &&
    key !== null &&
    !Array.isArray(key) &&
    Object.values(key).every((value) => typeof value === "string") &&
    auditExportQueries.startsInside(at, key as Record<string, string>);
  if (!valid) throw invalidCursor();
  return { source, key: key as Record<string, string>, page };
}

/** What the text costs in the Lambda answer, which carries the body as a JSON string. */
function answerBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), "utf8") - 2;
}

/**
 * One page of the records of `sources`, in order, from the cursor on. A page stops before the record
 * that would pass a limit, and its cursor names the last record it holds.
 */
export async function exportAuditPage(
  sources: readonly AuditSource[],
  format: AuditFormat,
  cursor: string | undefined,
  limits = EXPORT_PAGE_LIMITS,
): Promise<AuditExportPage> {
  const start = decodeCursor(cursor, sources);
  const opening = format === "csv" ? auditCsvHeader() : "[";
  const closing = format === "csv" ? "" : "]";
  const separator = format === "csv" ? "" : ",";
  const pieces: string[] = [];
  let used = answerBytes(opening) + answerBytes(closing);
  const page = (next?: ExportCursor): AuditExportPage => ({
    body: `${opening}${pieces.join(separator)}${closing}`,
    page: start.page,
    ...(next ? { nextCursor: encodeCursor(next) } : {}),
  });

  for (let index = start.source; index < sources.length; index += 1) {
    const source = sources[index] as AuditSource;
    let from = index === start.source ? start.key : undefined;
    let last = from;
    do {
      const read = await auditExportQueries.read(source, from);
      for (const stored of read.items) {
        const piece = format === "csv" ? auditCsvLine(stored.record) : JSON.stringify(stored.record);
        const bytes = answerBytes(piece) + (pieces.length > 0 ? separator.length : 0);
        if (pieces.length > 0 && (pieces.length >= limits.records || used + bytes > limits.bytes)) {
          return page({ source: index, ...(last ? { key: last } : {}), page: start.page + 1 });
        }
        pieces.push(piece);
        used += bytes;
        last = stored.key;
      }
      from = read.next;
    } while (from);
  }
  return page();
}

/** One application: its own trail, then the office's records of the blacklist entry it led to (R5.5). */
export function applicationAuditSources(application: ApplicationRecord): AuditSource[] {
  const { scope, applicationId, fraudCancellation } = application;
  return [
    { kind: "application", scope, applicationId },
    ...(fraudCancellation
      ? [
          {
            kind: "office" as const,
            entity: blacklistEntity(fraudCancellation.blacklistEntryId),
            about: { roundId: scope.roundId, generation: scope.generation, applicationId },
          },
        ]
      : []),
  ];
}

/**
 * A round: the office's records of the round (calendar changes, resets, workflow failures, of every
 * generation), then the trail of every application of the current generation — earlier generations
 * were test data and are purged (DESIGN.md §8).
 */
export function roundAuditSources(scope: GenerationScope): AuditSource[] {
  return [
    {
      kind: "office",
      entity: `ROUND#${scope.roundId}`,
      about: { roundId: scope.roundId, generation: null, applicationId: null },
    },
    ...auditExportQueries.generationTrails(scope),
  ];
}
