import { describe, expect, it } from "vitest";
import { ROUTES } from "../../../functions/http/route-catalogue";
import { RouteMatcher } from "../../../infra/local/route-matcher";

describe("local route matcher", () => {
  const matcher = new RouteMatcher(ROUTES);

  it("matches a template and decodes its parameters", () => {
    const found = matcher.match("GET", "/rounds/2024/units/%E6%BC%94%E7%A4%BA/staffing");
    expect(found).toMatchObject({ kind: "route", pathParameters: { roundId: "2024", unitId: "演示" } });
  });

  it("matches a literal path before nothing else", () => {
    expect(matcher.match("GET", "/health")).toMatchObject({
      kind: "route",
      spec: { operationId: "getHealth" },
    });
  });

  it("does not match another method, a longer path or a partial segment", () => {
    expect(matcher.match("POST", "/health").kind).toBe("none");
    expect(matcher.match("GET", "/health/x").kind).toBe("none");
    expect(matcher.match("GET", "/rounds/2024/extra").kind).toBe("none");
    expect(matcher.match("GET", "/rounds/").kind).toBe("none");
  });
});
