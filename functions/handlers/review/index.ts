import { createHandlerGroup } from "../../http/handler-group";
import { appraisalRoutes } from "./appraisal";
import { committeeRoutes } from "./committee";
import { departmentReviewRoutes } from "./department-review";
import { objectionResolutionRoutes } from "./objection-resolution";
import { progressRoutes } from "./progress";
import { recommendationRoutes } from "./recommendation";
import { registryCheckRoutes } from "./registry-checks";
import { reviewerRoutes } from "./reviewers";
import { staffingRoutes } from "./staffing";
import { unitPublicityRoutes } from "./unit-publicity";
import { unitReviewRoutes } from "./unit-review";

export const handler = createHandlerGroup([
  ...staffingRoutes,
  ...unitReviewRoutes,
  ...unitPublicityRoutes,
  ...objectionResolutionRoutes,
  ...recommendationRoutes,
  ...departmentReviewRoutes,
  ...progressRoutes,
  ...registryCheckRoutes,
  ...reviewerRoutes,
  ...appraisalRoutes,
  ...committeeRoutes,
]);
