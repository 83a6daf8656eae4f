/**
 * Architecture rules (DESIGN.md §9). `npm run check` fails on any violation.
 * The pure core (rules, calendar, lifecycle, form catalogue) imports zod, the holiday calendar and
 * itself only: no AWS SDK, no middy, no Powertools, no adapter, no HTTP layer, no I/O.
 */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      severity: "error",
      comment: "functions/core may import only zod, chinese-days and other core modules.",
      from: { path: "^functions/core/" },
      to: {
        pathNot: ["^functions/core/", "^node_modules/(zod|chinese-days)/"],
      },
    },
    {
      name: "core-no-node-builtins",
      severity: "error",
      comment: "The core does no I/O: no fs, net, crypto clocks or other Node built-ins.",
      from: { path: "^functions/core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "functions-never-import-infra",
      severity: "error",
      comment: "Lambda code must not depend on the CDK app or the local runtime.",
      from: { path: "^functions/" },
      to: { path: "^infra/" },
    },
    {
      name: "adapters-do-not-know-http",
      severity: "error",
      comment: "Repositories and clients sit below the HTTP layer and the handlers.",
      from: { path: "^functions/adapters/" },
      to: { path: "^functions/(http|handlers)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^cdk\\.out", "^\\.local"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
