import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATES, type ApplicationState, TRANSITIONS } from "../../../../functions/core/lifecycle";
import {
  addCounts,
  progressFigures,
  type StateCounts,
  transitionDelta,
} from "../../../../functions/core/progress";

describe("round progress counts (DESIGN.md §7a)", () => {
  it("a created application counts one draft; a transition moves one from its state to the next", () => {
    expect(transitionDelta(undefined, "draft")).toEqual({ draft: 1 });
    expect(transitionDelta("submitted", "returned_by_unit")).toEqual({ submitted: -1, returned_by_unit: 1 });
    expect(transitionDelta("submitted", "submitted")).toEqual({});
  });

  it("figures list the states that have any, in the lifecycle's order, with what units and departments must act on", () => {
    expect(
      progressFigures({ recommended: 2, draft: 1, submitted: 3, unit_publicity: 1, certified: 0 }),
    ).toEqual({
      total: 7,
      byState: { draft: 1, submitted: 3, unit_publicity: 1, recommended: 2 },
      waitingForUnit: 4,
      waitingForDepartment: 2,
    });
    expect(Object.keys(progressFigures({ recommended: 1, draft: 1 }).byState)).toEqual([
      "draft",
      "recommended",
    ]);
  });

  it("property: along any walk of the lifecycle table, the summed deltas count exactly the applications in each state", () => {
    const walk = fc.array(fc.array(fc.nat(), { maxLength: 12 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(walk, (applications) => {
        const deltas: StateCounts[] = [];
        const finals: ApplicationState[] = [];
        for (const choices of applications) {
          let state: ApplicationState = "draft";
          deltas.push(transitionDelta(undefined, state));
          for (const choice of choices) {
            const moves = TRANSITIONS.filter((transition) => transition.from.includes(state));
            if (moves.length === 0) break;
            const next = (moves[choice % moves.length] as (typeof moves)[number]).to;
            deltas.push(transitionDelta(state, next));
            state = next;
          }
          finals.push(state);
        }
        const counted = progressFigures(addCounts(...deltas));
        expect(counted.total).toBe(applications.length);
        for (const state of APPLICATION_STATES) {
          expect(counted.byState[state] ?? 0).toBe(finals.filter((final) => final === state).length);
        }
      }),
    );
  });
});
