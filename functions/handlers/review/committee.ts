import type { BoundRoute } from "../../http/handler-group";
import { committeeApplicationRoutes } from "./committee-applications";
import { defenseRoutes } from "./defense";
import { meetingRoutes } from "./meetings";
import { panelRoutes } from "./panels";
import { qualificationRoutes } from "./qualification";

/** The committee's path after receipt (issue #8): qualification, defense and the review meeting. */
export const committeeRoutes: BoundRoute[] = [
  ...committeeApplicationRoutes,
  ...qualificationRoutes,
  ...panelRoutes,
  ...defenseRoutes,
  ...meetingRoutes,
];
