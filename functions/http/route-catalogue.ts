import type { RouteSpec } from "./route-spec";
import * as accounts from "./routes/accounts";
import * as applicationActions from "./routes/application-actions";
import * as applications from "./routes/applications";
import * as appraisal from "./routes/appraisal";
import * as auditExport from "./routes/audit-export";
import * as certificates from "./routes/certificates";
import * as committee from "./routes/committee";
import * as departmentReview from "./routes/department-review";
import * as dispatchApprovals from "./routes/dispatch-approvals";
import * as docs from "./routes/docs";
import * as entrustments from "./routes/entrustments";
import * as evidence from "./routes/evidence";
import * as fraud from "./routes/fraud";
import * as health from "./routes/health";
import * as meetings from "./routes/meetings";
import * as orgs from "./routes/orgs";
import * as progress from "./routes/progress";
import * as registration from "./routes/registration";
import * as registryChecks from "./routes/registry-checks";
import * as resets from "./routes/resets";
import * as resultNotice from "./routes/result-notice";
import * as rounds from "./routes/rounds";
import * as unitPublicity from "./routes/unit-publicity";
import * as unitReview from "./routes/unit-review";

const isRoute = (value: unknown): value is RouteSpec =>
  typeof value === "object" && value !== null && "operationId" in value && "path" in value;

/**
 * Every route of the API. CDK creates one API Gateway route per entry, the local server matches
 * against it, and the OpenAPI document is generated from it: a route cannot exist in one and not the
 * others.
 */
export const ROUTES: readonly RouteSpec[] = [
  health,
  rounds,
  resets,
  accounts,
  registration,
  applications,
  evidence,
  applicationActions,
  orgs,
  entrustments,
  dispatchApprovals,
  unitReview,
  unitPublicity,
  departmentReview,
  progress,
  registryChecks,
  appraisal,
  committee,
  meetings,
  resultNotice,
  certificates,
  fraud,
  auditExport,
  docs,
].flatMap((module) => Object.values(module).filter(isRoute));
