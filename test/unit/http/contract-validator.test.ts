import { describe, expect, it } from "vitest";
import { ContractViolation, validateAnswer } from "../../support/contract-validator";

const JSON_TYPE = "application/json; charset=utf-8";
const check = (method: string, path: string, status: number, body: unknown) => () =>
  validateAnswer(method, `http://127.0.0.1${path}`, status, JSON_TYPE, JSON.stringify(body));

describe("the end-to-end tests' contract check (test/support/contract-validator.ts)", () => {
  it("passes an error answer whose code the route's contract lists under that status", () => {
    expect(
      check("POST", "/admin/rounds/2024/resets", 409, { code: "STALE_GENERATION", message: "…" }),
    ).not.toThrow();
  });

  it("refuses a code the route's contract does not list for the status", () => {
    expect(
      check("POST", "/admin/rounds/2024/resets", 409, { code: "VOTE_ALREADY_CAST", message: "…" }),
    ).toThrow(ContractViolation);
  });

  it("refuses a status the contract does not document for the route", () => {
    expect(check("GET", "/health", 409, { code: "STALE_VERSION", message: "…" })).toThrow(
      /documents no JSON answer/,
    );
  });

  it("refuses an answer missing a required field or with a wrong type", () => {
    expect(check("GET", "/health", 200, {})).toThrow(ContractViolation);
    expect(check("POST", "/admin/rounds/2024/resets", 202, { roundId: "2024", fromGeneration: "1" })).toThrow(
      /fromGeneration/,
    );
  });

  it("leaves routes outside the contract (the local /dev routes) and non-JSON answers alone", () => {
    expect(check("POST", "/dev/login", 200, { anything: true })).not.toThrow();
    expect(() =>
      validateAnswer("GET", "http://127.0.0.1/docs", 200, "text/html", "<!doctype html>"),
    ).not.toThrow();
  });
});
