import { describe, expect, it } from "vitest";

describe("runtime", () => {
  it("runs on Node 22, the Lambda runtime the functions are built for (the node@22 devDependency)", () => {
    expect(process.versions.node.split(".")[0]).toBe("22");
  });
});
