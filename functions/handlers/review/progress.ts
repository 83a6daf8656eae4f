import type { DepartmentRecord } from "../../adapters/dynamodb/org-record";
import { type BoundRoute, route } from "../../http/handler-group";
import { isRehearsal, type RoundInScope, roundInScope } from "../../http/round-in-scope";
import { getDepartmentProgress, getRoundProgress, getUnitProgress } from "../../http/routes/progress";
import { testDataOf } from "../../http/views/test-data";
import {
  departmentProgressReport,
  roundProgressReport,
  unitProgressReport,
} from "../../services/progress-report";

/** Which round and generation the counts are of; before the scheduled reset they count test data (R3.5). */
function roundFields(inScope: RoundInScope) {
  return {
    roundId: inScope.scope.roundId,
    generation: inScope.scope.generation,
    ...testDataOf({ testData: isRehearsal(inScope) }),
  };
}

export const progressRoutes: BoundRoute[] = [
  route(getRoundProgress, async ({ params }) => {
    const inScope = await roundInScope(params.roundId);
    return { ...roundFields(inScope), ...(await roundProgressReport(inScope.scope)) };
  }),

  route(getDepartmentProgress, async ({ params, subject: { org } }) => {
    const inScope = await roundInScope(params.roundId);
    return {
      ...roundFields(inScope),
      ...(await departmentProgressReport(inScope.scope, org as DepartmentRecord)),
    };
  }),

  route(getUnitProgress, async ({ params, subject: { org: unit } }) => {
    const inScope = await roundInScope(params.roundId);
    return { ...roundFields(inScope), unit: await unitProgressReport(inScope.scope, unit) };
  }),
];
