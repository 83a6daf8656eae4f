import { type BoundRoute, type RawResult, route } from "../../http/handler-group";
import { roundInScope } from "../../http/round-in-scope";
import { exportApplicationAudit, exportRoundAudit } from "../../http/routes/audit-export";
import {
  type AuditExportPage,
  type AuditFormat,
  applicationAuditSources,
  exportAuditPage,
  roundAuditSources,
} from "../../services/audit-export";

const CONTENT_TYPES: Record<AuditFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
};

/** A download, never rendered: the file name numbers the pages of one export. */
function download(exported: AuditExportPage, format: AuditFormat, name: string): RawResult {
  const part = exported.page > 1 ? `-p${exported.page}` : "";
  return {
    raw: {
      statusCode: 200,
      headers: {
        "content-type": CONTENT_TYPES[format],
        "content-disposition": `attachment; filename="${name}${part}.${format}"`,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
        ...(exported.nextCursor ? { "x-next-cursor": exported.nextCursor } : {}),
      },
      body: exported.body,
    },
  };
}

export const auditExportRoutes: BoundRoute[] = [
  route(exportApplicationAudit, async ({ query, subject: { application } }) => {
    const exported = await exportAuditPage(applicationAuditSources(application), query.format, query.cursor);
    return download(
      exported,
      query.format,
      `audit-${application.scope.roundId}-${application.applicationId}`,
    );
  }),

  route(exportRoundAudit, async ({ params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const exported = await exportAuditPage(roundAuditSources(scope), query.format, query.cursor);
    return download(exported, query.format, `audit-${scope.roundId}-g${scope.generation}`);
  }),
];
