import { App, Stack } from "aws-cdk-lib";
import { Bucket } from "aws-cdk-lib/aws-s3";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { buildTestApp } from "./app";

describe("cdk-nag AwsSolutions (v3, validateScope)", () => {
  it("reports no finding that is not acknowledged with a reason", () => {
    const { app } = buildTestApp();
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const findings = report.violations.map(
      (v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId).join(", ")}`,
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it("canary: flags a bucket without logging, SSL enforcement or public access block", () => {
    const app = new App();
    const stack = new Stack(app, "Canary");
    new Bucket(stack, "Careless", { enforceSSL: false });
    const report = new AwsSolutionsChecks(app).validateScope(app);
    const rules = report.violations.map((violation) => violation.ruleName);
    expect(report.success).toBe(false);
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.stringContaining("AwsSolutions-S1"),
        expect.stringContaining("AwsSolutions-S10"),
      ]),
    );
  });
});
