import { requireRound } from "../../http/current-round";
import { type BoundRoute, route } from "../../http/handler-group";
import { getUnitStaffing } from "../../http/routes/accounts";
import { unitStaffing } from "./unit-staffing";

export const staffingRoutes: BoundRoute[] = [
  route(getUnitStaffing, async ({ params, subject: { org: unit } }) => {
    const round = await requireRound(params.roundId);
    return { unitId: unit.orgId, ...(await unitStaffing(unit.orgId, round)) };
  }),
];
