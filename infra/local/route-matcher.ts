import type { RouteSpec } from "../../functions/http/route-spec";

interface CompiledRoute {
  spec: RouteSpec;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: "route"; spec: RouteSpec; pathParameters: Record<string, string> }
  | { kind: "none" };

/** Matches requests against API Gateway path templates (`/rounds/{roundId}`), as the gateway does. */
export class RouteMatcher {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly RouteSpec[]) {
    this.compiled = routes.map((spec) => {
      const names: string[] = [];
      const source = spec.path
        .split("/")
        .map((segment) => {
          const name = /^\{([A-Za-z0-9_]+)\}$/.exec(segment)?.[1];
          if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
          names.push(name);
          return "([^/]+)";
        })
        .join("/");
      return { spec, names, pattern: new RegExp(`^${source}$`) };
    });
  }

  match(method: string, path: string): RouteMatch {
    for (const route of this.compiled) {
      if (route.spec.method !== method) continue;
      const found = route.pattern.exec(path);
      if (!found) continue;
      const pathParameters: Record<string, string> = {};
      route.names.forEach((name, index) => {
        pathParameters[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return { kind: "route", spec: route.spec, pathParameters };
    }
    return { kind: "none" };
  }
}
