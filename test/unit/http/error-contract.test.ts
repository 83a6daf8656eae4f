import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE, type ErrorCode } from "../../../functions/core/error-catalogue";
import { accessRuleOf } from "../../../functions/http/access-policy";
import { buildOpenApiDocument } from "../../../functions/http/openapi";
import { ROUTES } from "../../../functions/http/route-catalogue";
import { routeErrorCodes } from "../../../functions/http/route-errors";
import { thrownCodesByOperation } from "../../support/thrown-codes";

const answersOf = (spec: (typeof ROUTES)[number]) =>
  routeErrorCodes(spec, { roleBased: accessRuleOf(spec.operationId)?.access === "roles" });

describe("error contract: the codes a route can throw are the codes its contract lists", () => {
  const thrown = thrownCodesByOperation();

  it("reads every route of the catalogue (a route the analysis misses would pass unchecked)", () => {
    const served = ROUTES.map((spec) => spec.operationId).sort();
    expect([...thrown.keys()].sort()).toEqual(served);
  });

  it("finds codes thrown deep down: services, repositories, the lifecycle guards of the route's actions", () => {
    expect([...(thrown.get("submitApplication") ?? [])]).toEqual(
      expect.arrayContaining([
        "NOT_ELIGIBLE",
        "APPLICATION_NOT_READY",
        "REQUEST_IN_PROGRESS",
        "WINDOW_NOT_OPEN",
      ]),
    );
    expect([...(thrown.get("returnApplicationByDepartment") ?? [])]).toContain("DEPARTMENT_RETURN_LIMIT");
    // …and not the guards of actions the route never takes, nor codes that are only data.
    expect([...(thrown.get("submitApplication") ?? [])]).not.toContain("DEPARTMENT_RETURN_LIMIT");
    expect([...(thrown.get("getApplicationChecklist") ?? [])]).not.toContain("BLACKLISTED");
  });

  it.each(ROUTES.map((spec) => [spec.operationId, spec] as const))(
    "%s lists every code its code can throw",
    (operationId, spec) => {
      const listed = new Set<string>(answersOf(spec));
      const missing = [...(thrown.get(operationId) ?? [])].filter((code) => !listed.has(code));
      expect(missing, `add to the errors of ${operationId} in functions/http/routes`).toEqual([]);
    },
  );

  it("every catalogue code is answered by some route, or is the HTTP layer's own", () => {
    const answered = new Set<string>(ROUTES.flatMap(answersOf));
    // Answered outside any route: an unknown path, the local runtime's sign-in, and the workflow's
    // own refusal to sweep before a deadline.
    const outsideRoutes: ErrorCode[] = ["ROUTE_NOT_FOUND", "INVALID_CREDENTIALS", "NOT_YET_DUE"];
    const unused = Object.keys(ERROR_CATALOGUE).filter(
      (code) => !answered.has(code) && !outsideRoutes.includes(code as ErrorCode),
    );
    expect(unused).toEqual([]);
  });

  it("documents each listed code under its status, with the catalogue's message, in the schema and in words", () => {
    const document = buildOpenApiDocument(ROUTES);
    for (const spec of ROUTES) {
      const responses = document.paths?.[spec.path]?.[spec.method.toLowerCase() as "get"]?.responses ?? {};
      for (const code of answersOf(spec)) {
        const { status, message } = ERROR_CATALOGUE[code];
        const response = responses[String(status)] as {
          description: string;
          "x-error-codes": string[];
          content: {
            "application/json": {
              schema: { allOf: [unknown, { properties: { code: { enum: string[] } } }] };
            };
          };
        };
        expect(response?.["x-error-codes"], `${spec.operationId} ${status}`).toContain(code);
        expect(response.content["application/json"].schema.allOf[1].properties.code.enum).toContain(code);
        expect(response.description).toContain(`\`${code}\``);
        expect(response.description).toContain(message);
      }
    }
  });
});
