import { createHandlerGroup } from "../../http/handler-group";
import { applicationActionRoutes } from "./application-actions";
import { applicationRoutes } from "./applications";
import { evidenceRoutes } from "./evidence";
import { meRoutes } from "./me";
import { registrationRoutes } from "./registration";

export const handler = createHandlerGroup([
  ...meRoutes,
  ...registrationRoutes,
  ...applicationRoutes,
  ...evidenceRoutes,
  ...applicationActionRoutes,
]);
