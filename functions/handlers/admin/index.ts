import { createHandlerGroup } from "../../http/handler-group";
import { accountRoutes } from "./accounts";
import { dispatchApprovalRoutes } from "./dispatch-approvals";
import { entrustmentRoutes } from "./entrustments";
import { orgRoutes } from "./orgs";
import { resetRoutes } from "./resets";
import { roundAdminRoutes } from "./rounds";

export const handler = createHandlerGroup([
  ...roundAdminRoutes,
  ...resetRoutes,
  ...orgRoutes,
  ...accountRoutes,
  ...entrustmentRoutes,
  ...dispatchApprovalRoutes,
]);
