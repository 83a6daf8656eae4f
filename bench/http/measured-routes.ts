import { randomUUID } from "node:crypto";
import type { ApiRequest } from "./api";
import { applicationPath, DEMO_UNIT, type Draft, ROUND, submitRequest } from "./applicant-journey";

/** What the routes below need: a draft to read and edit, drafts ready to submit, staff tokens. */
export interface LatencyContext {
  draft: Draft;
  readyToSubmit: Draft[];
  unitHandlerToken: string;
}

export interface MeasuredRoute {
  label: string;
  /** The catalogue's route key: a route not in the catalogue yet is reported as skipped. */
  routeKey: string;
  samples: number;
  /** The next request, or nothing when the context has run out (e.g. of drafts to submit). */
  next(context: LatencyContext): ApiRequest | undefined;
  /** Reads what the next request needs from this answer (e.g. the new version). */
  after?(context: LatencyContext, answer: Record<string, unknown>): void;
}

const section = (context: LatencyContext): ApiRequest => ({
  label: "update a section",
  method: "PUT",
  path: applicationPath(context.draft.applicationId, "/sections/summary"),
  body: {
    expectedVersion: context.draft.version,
    confirmed: true,
    data: { text: `本人长期从事干部教育培训工作。${randomUUID()}` },
  },
  token: context.draft.applicant.token,
});

/** The routes of figure 4. Adding one is one line; it is measured as soon as the route exists. */
// biome-ignore format: one route per line
export const MEASURED_ROUTES: MeasuredRoute[] = [
  { label: "GET an application", routeKey: "GET /rounds/{roundId}/applications/{applicationId}", samples: 200, next: (c) => ({ label: "get an application", method: "GET", path: applicationPath(c.draft.applicationId), token: c.draft.applicant.token }) },
  { label: "update a section", routeKey: "PUT /rounds/{roundId}/applications/{applicationId}/sections/summary", samples: 100, next: section, after: (c, answer) => { c.draft.version = Number(answer.version); } },
  { label: "submit", routeKey: "POST /rounds/{roundId}/applications/{applicationId}/submit", samples: 20, next: (c) => { const draft = c.readyToSubmit.shift(); return draft && submitRequest(draft, randomUUID()); } },
  { label: "unit list page", routeKey: "GET /rounds/{roundId}/units/{unitId}/applications", samples: 200, next: (c) => ({ label: "unit list page", method: "GET", path: `/rounds/${ROUND}/units/${DEMO_UNIT}/applications`, token: c.unitHandlerToken }) },
];
