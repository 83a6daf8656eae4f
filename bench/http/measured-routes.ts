import { randomUUID } from "node:crypto";
import type { ApiRequest } from "./api";
import { applicationPath, DEMO_UNIT, type Draft, ROUND, submitRequest } from "./applicant-journey";

/** What the routes below need: a draft to read and edit, drafts ready to submit, staff tokens. */
export interface LatencyContext {
  draft: Draft;
  readyToSubmit: Draft[];
  unitHandlerToken: string;
  officeToken: string;
  /** Rounds the bench creates (far in the future, so no calendar of theirs ever runs) and amends. */
  rounds: { created: number; amended?: { roundId: string; version: number; extended: boolean } };
}

/** A round of 2030, as the office writes one: each created under a new id. */
function createRound(context: LatencyContext): ApiRequest {
  context.rounds.created += 1;
  return {
    label: "create a round",
    method: "POST",
    path: "/admin/rounds",
    body: {
      roundId: `2030-bench-${context.rounds.created}`,
      title: "2030年度基准测试轮次",
      calendar: {
        preparation: { from: "2030-09-01 00:00", to: "2030-09-10 24:00" },
        application: { from: "2030-09-11 00:00", to: "2030-10-19 24:00" },
        review: { from: "2030-10-21 00:00", to: "2030-11-04 24:00" },
        receiptCutoff: "2030-11-04 24:00",
        achievementCutoff: "2030-09-30",
        seniorityReferenceDate: "2030-12-31",
      },
    },
    token: context.officeToken,
    expectStatus: 201,
  };
}

/** Moves the application deadline of the first bench round by a day and back again, each with its reason. */
function amendCalendar(context: LatencyContext): ApiRequest | undefined {
  const round = context.rounds.amended;
  if (!round) return undefined;
  return {
    label: "amend a round's calendar",
    method: "PUT",
    path: `/admin/rounds/${round.roundId}/calendar`,
    body: {
      expectedVersion: round.version,
      reason: "基准测试：调整个人申报截止时间",
      calendar: { application: { to: round.extended ? "2030-10-19 24:00" : "2030-10-20 24:00" } },
    },
    token: context.officeToken,
  };
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
  { label: "create a round", routeKey: "POST /admin/rounds", samples: 20, next: createRound, after: (c, answer) => { c.rounds.amended ??= { roundId: String(answer.roundId), version: Number(answer.version), extended: false }; } },
  { label: "amend a round's calendar", routeKey: "PUT /admin/rounds/{roundId}/calendar", samples: 50, next: amendCalendar, after: (c, answer) => { const round = c.rounds.amended; if (round) { round.version = Number(answer.version); round.extended = !round.extended; } } },
];
