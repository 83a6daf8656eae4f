import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "../../../functions/http/openapi";
import { ROUTES } from "../../../functions/http/route-catalogue";

describe("OpenAPI document", () => {
  const document = buildOpenApiDocument(ROUTES);

  it("documents every route of the catalogue, with its operation id", () => {
    for (const spec of ROUTES) {
      const operation = document.paths?.[spec.path]?.[spec.method.toLowerCase() as "get"];
      expect(operation?.operationId, `${spec.method} ${spec.path}`).toBe(spec.operationId);
    }
  });

  it("requires the bearer token exactly on the routes behind the authorizer", () => {
    for (const spec of ROUTES) {
      const operation = document.paths?.[spec.path]?.[spec.method.toLowerCase() as "get"];
      expect(operation?.security, spec.operationId).toEqual(
        spec.access === "public" ? [] : [{ cognito: [] }],
      );
    }
  });

  it("every reference points at a schema the document defines (the blacklist import's rows included)", () => {
    const references = [
      ...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g),
    ].map((match) => match[1] ?? "");
    expect(references).toContain("BlacklistEntryInput");
    for (const name of new Set(references)) expect(document.components?.schemas?.[name], name).toBeDefined();
  });

  it("has unique operation ids and describes the error body", () => {
    const ids = ROUTES.map((spec) => spec.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.components?.schemas?.Error).toBeDefined();
  });

  it("R4.6 states in the contract that the certificate verification negotiates a page or JSON on one URL", () => {
    const operation = document.paths?.["/certificates/{certificateNumber}"]?.get;
    expect(Object.keys(operation?.responses?.["200"]?.content ?? {})).toEqual([
      "application/json",
      "text/html",
    ]);
    expect(Object.keys(operation?.responses?.["404"]?.content ?? {})).toEqual([
      "application/json",
      "text/html",
    ]);
    expect(operation?.parameters).toContainEqual(expect.objectContaining({ in: "header", name: "accept" }));
    // Routes that do not negotiate keep answering JSON only.
    const round = document.paths?.["/rounds/{roundId}"]?.get;
    expect(Object.keys(round?.responses?.["200"]?.content ?? {})).toEqual(["application/json"]);
  });
});
