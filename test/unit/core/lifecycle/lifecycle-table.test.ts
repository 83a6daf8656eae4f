import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRoundCalendar, ROUND_2024_CALENDAR_SPEC, shanghai } from "../../../../functions/core/calendar";
import { DomainError } from "../../../../functions/core/errors";
import {
  ACTION_LABELS,
  ACTIONS,
  type Action,
  type Actor,
  APPLICATION_STATES,
  type ApplicationSnapshot,
  type ApplicationState,
  applyAction,
  availableActions,
  isEditable,
  type LifecycleContext,
  RECEIVED_STATES,
  STATE_LABELS,
  TRANSITIONS,
} from "../../../../functions/core/lifecycle";
import { ROLE_LABELS, ROLES, type Role } from "../../../../functions/core/roles";

// The lifecycle of DESIGN §5, written out edge by edge, independently of the table under test.
const IN_REVIEW = [
  "submitted",
  "returned_by_unit",
  "unit_publicity",
  "recommended",
  "returned_by_department",
];
const EXPECTED_EDGES = new Set([
  "draft -submit-> submitted",
  "returned_by_unit -resubmit-> submitted",
  "returned_by_department -resubmit-> submitted",
  ...["draft", ...IN_REVIEW, "department_approved"].map((state) => `${state} -withdraw-> withdrawn`),
  "submitted -return_by_unit-> returned_by_unit",
  "unit_publicity -return_by_unit-> returned_by_unit",
  "submitted -open_publicity-> unit_publicity",
  "unit_publicity -recommend-> recommended",
  "submitted -recommend-> recommended",
  "recommended -return_by_department-> returned_by_department",
  "recommended -approve_by_department-> department_approved",
  "department_approved -receive-> received",
  "draft -expire-> expired",
  ...IN_REVIEW.map((state) => `${state} -expire-> expired`),
  "received -pass_qualification-> qualification_passed",
  "received -fail_qualification-> qualification_failed",
  "qualification_passed -start_appraisal-> appraisal",
  "appraisal -pass_appraisal-> appraisal_passed",
  "appraisal -fail_appraisal-> appraisal_failed",
  "qualification_passed -schedule_defense-> defense",
  "appraisal_passed -schedule_defense-> defense",
  "defense -refer_to_committee-> committee",
  "committee -approve-> approved",
  "committee -reject-> rejected",
  "approved -publish_result-> result_publicity",
  "result_publicity -certify-> certified",
  // R5.5: from the first submission on; a draft is the applicant's alone.
  ...APPLICATION_STATES.filter(
    (state) => !["draft", "withdrawn", "expired", "cancelled"].includes(state),
  ).map((state) => `${state} -cancel-> cancelled`),
  "submitted -cancel_by_unit-> cancelled",
  "unit_publicity -cancel_by_unit-> cancelled",
]);

const EXPECTED_ROLES: Record<Action, Role[]> = {
  submit: ["applicant"],
  resubmit: ["applicant"],
  withdraw: ["applicant"],
  return_by_unit: ["unit_handler"],
  open_publicity: ["unit_handler"],
  recommend: ["unit_leader"],
  return_by_department: ["department_reviewer"],
  approve_by_department: ["department_reviewer"],
  receive: ["system"],
  expire: ["system"],
  pass_qualification: ["office_admin"],
  fail_qualification: ["office_admin"],
  start_appraisal: ["organiser"],
  pass_appraisal: ["expert"],
  fail_appraisal: ["expert"],
  schedule_defense: ["organiser"],
  refer_to_committee: ["panel_member"],
  approve: ["organiser"],
  reject: ["organiser"],
  publish_result: ["office_admin"],
  certify: ["office_admin"],
  cancel: ["office_admin"],
  cancel_by_unit: ["unit_handler"],
};

function successors(state: ApplicationState): ApplicationState[] {
  return TRANSITIONS.filter((transition) => transition.from.includes(state)).map(
    (transition) => transition.to,
  );
}

function reachable(from: ApplicationState, avoid: ApplicationState[] = []): Set<ApplicationState> {
  const seen = new Set<ApplicationState>([from]);
  const queue = [from];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const next of successors(state)) {
      if (!seen.has(next) && !avoid.includes(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

describe("the lifecycle table (DESIGN §5)", () => {
  it("holds exactly the edges of the design", () => {
    const edges = TRANSITIONS.flatMap((transition) =>
      transition.from.map((state) => `${state} -${transition.action}-> ${transition.to}`),
    );
    expect(new Set(edges)).toEqual(EXPECTED_EDGES);
    expect(edges).toHaveLength(EXPECTED_EDGES.size);
  });

  it("has at most one row per (state, action)", () => {
    const keys = TRANSITIONS.flatMap((transition) =>
      transition.from.map((state) => `${state}/${transition.action}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(ACTIONS)("%s is done only by its role", (action) => {
    for (const transition of TRANSITIONS.filter((row) => row.action === action)) {
      expect([...transition.roles]).toEqual(EXPECTED_ROLES[action]);
    }
  });

  it("every state is reachable from a draft, and every action is used", () => {
    expect([...reachable("draft")].sort()).toEqual([...APPLICATION_STATES].sort());
    expect(new Set(TRANSITIONS.map((transition) => transition.action))).toEqual(new Set(ACTIONS));
  });

  it("R4.4 the defense follows the appraisal; straight from qualification only for non-senior titles", () => {
    const rows = TRANSITIONS.filter((transition) => transition.to === "defense");
    expect(rows.map((row) => [row.from, row.guards])).toEqual([
      [["qualification_passed"], ["not_senior", "defense_announced"]],
      [["appraisal_passed"], ["defense_announced"]],
    ]);
  });

  it.each([
    ["role", ROLES, ROLE_LABELS],
    ["state", APPLICATION_STATES, STATE_LABELS],
    ["action", ACTIONS, ACTION_LABELS],
  ] as [string, readonly string[], Record<string, string>][])(
    "every %s has its own Chinese label",
    (_kind, keys, labels) => {
      for (const key of keys) expect(labels[key]).toMatch(/^\p{Script=Han}/u);
      expect(new Set(keys.map((key) => labels[key])).size).toBe(keys.length);
      expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    },
  );
});

describe("R7.3 editing", () => {
  it("only drafts and returned applications are editable", () => {
    const editable = APPLICATION_STATES.filter(isEditable);
    expect(editable).toEqual(["draft", "returned_by_unit", "returned_by_department"]);
  });

  it("the received states are exactly those reachable from `received` (cancellation aside), none editable", () => {
    const afterReceipt = [...reachable("received")].filter((state) => state !== "cancelled");
    expect([...RECEIVED_STATES].sort()).toEqual(afterReceipt.sort());
    for (const state of RECEIVED_STATES) expect(isEditable(state)).toBe(false);
  });

  it("no editable state is reachable once received", () => {
    for (const state of reachable("received")) expect(isEditable(state)).toBe(false);
  });
});

describe("availableActions: what a role may attempt in a state (for UIs)", () => {
  it.each([
    ["draft", "applicant", ["submit", "withdraw"]],
    ["returned_by_department", "applicant", ["resubmit", "withdraw"]],
    ["submitted", "unit_handler", ["return_by_unit", "open_publicity", "cancel_by_unit"]],
    ["submitted", "unit_leader", ["recommend"]],
    ["unit_publicity", "unit_admin", []],
    ["recommended", "department_reviewer", ["return_by_department", "approve_by_department"]],
    ["recommended", "department_admin", []],
    ["received", "office_admin", ["pass_qualification", "fail_qualification", "cancel"]],
    ["qualification_passed", "organiser", ["start_appraisal", "schedule_defense"]],
    ["committee", "committee_member", []],
    ["certified", "applicant", []],
    ["certified", "office_admin", ["cancel"]],
    ["cancelled", "office_admin", []],
    ["draft", "system", ["expire"]],
    ["draft", "office_admin", []],
  ] as [ApplicationState, Role, Action[]][])("%s, %s → %j", (state, role, actions) => {
    expect(availableActions(state, role)).toEqual(actions);
  });
});

const CALENDAR = parseRoundCalendar({
  ...ROUND_2024_CALENDAR_SPEC,
  defenseAt: "2024-12-10 09:00",
  committeeMeetingAt: "2024-12-20 09:00",
});

// Two people per role, and one person who is both a handler and a leader (maker-checker).
const ACTORS: Actor[] = [
  ...ROLES.flatMap((role) => [1, 2].map((n) => ({ id: `${role}-${n}`, role }))),
  { id: "unit_handler-1", role: "unit_leader" },
];
const actorsFor = (role: Role): Actor[] => ACTORS.filter((actor) => actor.role === role);

const SIDE_EXITS: readonly Action[] = ["withdraw", "cancel", "cancel_by_unit"];

const steps = fc.array(
  fc.record({
    followTable: fc.nat(9).map((n) => n < 8),
    sideExit: fc.noBias(fc.nat(19)).map((n) => n === 0),
    pick: fc.noBias(fc.nat(1000)),
    actor: fc.noBias(fc.nat(1000)),
    action: fc.constantFrom(...ACTIONS),
    advanceMinutes: fc.noBias(fc.nat(4 * 24 * 60)),
    objections: fc.noBias(fc.nat(9)).map((n) => (n === 0 ? 1 : 0)),
    accountsComplete: fc.noBias(fc.nat(9)).map((n) => n !== 0),
    reason: fc.constantFrom("", "材料不全，请补充"),
  }),
  { minLength: 10, maxLength: 80 },
);

describe("the lifecycle under random use", () => {
  it("no sequence of actions leaves the table; department returns never exceed 3; nothing reopens after receipt", () => {
    // Half the walks start from a draft at the opening of the applications, half somewhere later in the round.
    const starts = fc.oneof(
      fc.record({
        state: fc.constant<ApplicationState>("draft"),
        at: fc.constant(shanghai("2024-09-11", "00:00").getTime()),
        returns: fc.constant(0),
      }),
      fc.record({
        state: fc.constantFrom(...APPLICATION_STATES),
        at: fc.noBias(
          fc.integer({
            min: shanghai("2024-09-11", "00:00").getTime(),
            max: shanghai("2025-01-31", "00:00").getTime(),
          }),
        ),
        returns: fc.nat(3),
      }),
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        starts,
        steps,
        (senior, exceptional, grassroots, start, plan) => {
          let app: ApplicationSnapshot = {
            state: start.state,
            applicantId: "applicant-1",
            senior,
            exceptionalPromotion: exceptional,
            grassrootsScope: grassroots,
            departmentReturns: start.returns,
            submissions: start.state === "draft" ? 0 : 1,
            ...(start.state === "draft"
              ? {}
              : {
                  unitPublicity: {
                    openedBy: "unit_handler-1",
                    startedAt: new Date(start.at - 3 * 86_400_000),
                  },
                  resultNoticeStartedAt: new Date(start.at - 3 * 86_400_000),
                }),
          };
          let now = start.at;
          let returns = start.returns;
          for (const step of plan) {
            now += step.advanceMinutes * 60_000;
            // Mostly forward: the side exits (withdraw, cancel) end the walk, so they are taken rarely.
            const rows = TRANSITIONS.filter(
              (row) => row.from.includes(app.state) && (step.sideExit || !SIDE_EXITS.includes(row.action)),
            );
            const row = rows[step.pick % Math.max(rows.length, 1)];
            const action: Action = step.followTable && row ? row.action : step.action;
            const candidates = step.followTable && row ? actorsFor(row.roles[0] ?? "system") : ACTORS;
            const actor = candidates[step.actor % candidates.length] ?? ACTORS[0];
            if (actor === undefined) throw new Error("no actor");
            const context: LifecycleContext = {
              now: new Date(now),
              calendar: CALENDAR,
              openedPhases: ["preparation", "application", "review"],
              unitAccountsComplete: step.accountsComplete,
              unresolvedObjections: step.objections,
              reason: step.reason,
            };
            const before = app;
            try {
              app = applyAction(app, action, actor, context);
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              continue;
            }
            expect(EXPECTED_EDGES.has(`${before.state} -${action}-> ${app.state}`)).toBe(true);
            expect(EXPECTED_ROLES[action]).toContain(actor.role);
            if (action === "return_by_department") returns += 1;
            expect(app.departmentReturns).toBe(returns);
            expect(app.departmentReturns).toBeLessThanOrEqual(3);
            if (RECEIVED_STATES.includes(before.state)) {
              expect(app.state === "cancelled" || RECEIVED_STATES.includes(app.state)).toBe(true);
            }
            if (action === "recommend") expect(actor.id).not.toBe(before.unitPublicity?.openedBy);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("R4.3 however often the department and the unit go back and forth, the fourth return is refused", () => {
    const reviewer: Actor = { id: "reviewer-1", role: "department_reviewer" };
    const leader: Actor = { id: "leader-1", role: "unit_leader" };
    const applicant: Actor = { id: "applicant-1", role: "applicant" };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (attempts) => {
        const context: LifecycleContext = {
          now: shanghai("2024-10-25", "10:00"),
          calendar: CALENDAR,
          openedPhases: ["application", "review"],
          unitAccountsComplete: true,
          unresolvedObjections: 0,
          reason: "请一次性补正",
        };
        let app: ApplicationSnapshot = {
          state: "recommended",
          applicantId: applicant.id,
          senior: true,
          exceptionalPromotion: false,
          grassrootsScope: false,
          departmentReturns: 0,
          submissions: 1,
          unitPublicity: { openedBy: "handler-1", startedAt: shanghai("2024-09-20", "00:00") },
        };
        for (let attempt = 1; attempt <= attempts; attempt += 1) {
          if (attempt > 3) {
            expect(() => applyAction(app, "return_by_department", reviewer, context)).toThrow(
              expect.objectContaining({ code: "DEPARTMENT_RETURN_LIMIT" }),
            );
            continue;
          }
          app = applyAction(app, "return_by_department", reviewer, context);
          app = applyAction(app, "resubmit", applicant, context);
          app = applyAction(app, "recommend", leader, context);
        }
        expect(app.departmentReturns).toBe(Math.min(attempts, 3));
      }),
    );
  });
});
