import { createHandlerGroup } from "../../http/handler-group";
import { applicationActionRoutes } from "./application-actions";
import { applicationRoutes } from "./applications";
import { evidenceRoutes } from "./evidence";
import { meRoutes } from "./me";
import { registrationRoutes } from "./registration";
import { representativePaperRoutes } from "./representative-papers";

export const handler = createHandlerGroup([
  ...meRoutes,
  ...registrationRoutes,
  ...applicationRoutes,
  ...evidenceRoutes,
  ...applicationActionRoutes,
  ...representativePaperRoutes,
]);
