import { orgRepository } from "../../adapters/dynamodb/org-repository";
import { type BoundRoute, route } from "../../http/handler-group";
import { listDepartments, listUnits } from "../../http/routes/orgs";

export const directoryRoutes: BoundRoute[] = [
  route(listUnits, async ({ query }) => {
    const page = query.departmentId
      ? await orgRepository.unitsOf(query.departmentId, query.cursor)
      : await orgRepository.list("unit", query.cursor);
    return {
      units: page.items.flatMap((org) =>
        org.kind === "unit"
          ? [
              {
                unitId: org.orgId,
                name: org.name,
                unitType: org.unitType,
                region: org.region,
                departmentId: org.departmentId,
              },
            ]
          : [],
      ),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(listDepartments, async ({ query }) => {
    const page = await orgRepository.list("department", query.cursor);
    return {
      departments: page.items.flatMap((org) =>
        org.kind === "department"
          ? [
              {
                departmentId: org.orgId,
                name: org.name,
                departmentType: org.departmentType,
                region: org.region,
              },
            ]
          : [],
      ),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),
];
