import { createHandlerGroup } from "../../http/handler-group";
import { accountRoutes } from "./accounts";
import { auditExportRoutes } from "./audit-export";
import { blacklistRoutes } from "./blacklist";
import { dispatchApprovalRoutes } from "./dispatch-approvals";
import { entrustmentRoutes } from "./entrustments";
import { fraudRoutes } from "./fraud-cancellation";
import { orgRoutes } from "./orgs";
import { qualificationDocumentRoutes } from "./qualification-document";
import { resetRoutes } from "./resets";
import { resultNoticeRoutes } from "./result-notice";
import { roundAdminRoutes } from "./rounds";

export const handler = createHandlerGroup([
  ...roundAdminRoutes,
  ...resetRoutes,
  ...orgRoutes,
  ...accountRoutes,
  ...entrustmentRoutes,
  ...dispatchApprovalRoutes,
  ...resultNoticeRoutes,
  ...qualificationDocumentRoutes,
  ...fraudRoutes,
  ...blacklistRoutes,
  ...auditExportRoutes,
]);
