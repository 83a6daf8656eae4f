import { defineConfig } from "vitest/config";

// Mutation testing (npm run mutation) runs the core's own unit tests against mutants of the core only.
export default defineConfig({
  test: { include: ["test/unit/core/**/*.test.ts"], environment: "node" },
});
