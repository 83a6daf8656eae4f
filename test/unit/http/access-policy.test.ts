import { describe, expect, it } from "vitest";
import { ACCESS_POLICY, type AccessRule, accessRuleOf } from "../../../functions/http/access-policy";
import { buildOpenApiDocument } from "../../../functions/http/openapi";
import { ROUTES } from "../../../functions/http/route-catalogue";

const document = buildOpenApiDocument(ROUTES);
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item ?? {}).map(([method, operation]) => ({
    path,
    method,
    operationId: String((operation as { operationId?: string }).operationId),
    public: ((operation as { security?: unknown[] }).security ?? []).length === 0,
  })),
);

describe("the authorization table (issue #4 §5)", () => {
  it("has an entry for every operation of the OpenAPI document: deny by default", () => {
    expect(operations.length).toBe(ROUTES.length);
    const missing = operations.filter((operation) => !accessRuleOf(operation.operationId));
    expect(missing.map((operation) => `${operation.method} ${operation.path}`)).toEqual([]);
  });

  it("has no entry for a route that does not exist", () => {
    const known = new Set(operations.map((operation) => operation.operationId));
    expect(Object.keys(ACCESS_POLICY).filter((operationId) => !known.has(operationId))).toEqual([]);
  });

  it("is public exactly where the document has no security requirement", () => {
    for (const operation of operations) {
      expect(accessRuleOf(operation.operationId)?.access === "public", operation.operationId).toBe(
        operation.public,
      );
    }
  });

  it("names a subject parameter the route's path really has, and reaches that fit the subject", () => {
    for (const spec of ROUTES) {
      const rule = accessRuleOf(spec.operationId) as AccessRule;
      if (rule.access !== "roles") continue;
      if (rule.subject.kind !== "none")
        expect(spec.path, spec.operationId).toContain(`{${rule.subject.param}}`);
      for (const [role, reach] of Object.entries(rule.grants)) {
        expect(role, spec.operationId).not.toBe("system");
        if (rule.subject.kind === "none") expect(reach, `${spec.operationId} ${role}`).toBe("any");
        if (reach === "self") expect(rule.subject.kind, `${spec.operationId} ${role}`).toBe("account");
      }
    }
  });

  it("lets no role but the office reach province-wide, so a unit or department never sees past its own", () => {
    // The committee's desk is province-wide by nature: the party school organises the review of every
    // unit's applicants (R4.4, R4.5, R8.1); an expert's list is a query of their own assignments.
    const committeeDesk: Record<string, string[]> = {
      organiser: [
        "listReviewers",
        "assignAppraisalExperts",
        "getAppraisalPaper",
        "listCommitteeApplications",
        "getCommitteeApplication",
        "createPanel",
        "listPanels",
        "scheduleDefense",
        "createMeeting",
        "listMeetings",
        "getMeeting",
        "recordAttendance",
        "openMeeting",
        "closeMeeting",
      ],
      expert: ["listMyAppraisals"],
    };
    for (const spec of ROUTES) {
      const rule = accessRuleOf(spec.operationId) as AccessRule;
      if (rule.access !== "roles") continue;
      // The office may be absent: a unit's own decisions (return, publicity, recommendation) are the unit's.
      const provinceWide = Object.entries(rule.grants).filter(([, reach]) => reach === "any");
      expect(
        provinceWide
          .map(([role]) => role)
          .filter((role) => role !== "office_admin" && !committeeDesk[role]?.includes(spec.operationId)),
        spec.operationId,
      ).toEqual([]);
    }
  });
});
