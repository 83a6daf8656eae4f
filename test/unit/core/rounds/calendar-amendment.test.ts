import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseBoundary,
  ROUND_2024_CALENDAR_SPEC,
  type RoundCalendarSpec,
} from "../../../../functions/core/calendar";
import type { DomainError } from "../../../../functions/core/errors";
import { amendCalendar, BOUNDARIES, type CalendarChanges } from "../../../../functions/core/rounds";
import { refusal } from "../../../support/domain-refusal";

const CURRENT: RoundCalendarSpec = { ...ROUND_2024_CALENDAR_SPEC, defenseAt: "2024-12-01 09:00" };
const at = (text: string) => new Date(`${text}+08:00`);

describe("R3.4 moving a round's boundaries", () => {
  it("extends a deadline that has not passed, with the following ones, and reports what moved", () => {
    const result = amendCalendar(
      CURRENT,
      { application: { to: "2024-10-25 24:00" }, review: { from: "2024-10-26 00:00" } },
      at("2024-10-20T23:00:00"),
    );
    expect(result.calendar.application).toEqual({ from: "2024-09-11 00:00", to: "2024-10-25 24:00" });
    expect(result.calendar.review.from).toBe("2024-10-26 00:00");
    expect(result.moved).toEqual([
      { boundary: "application.to", before: "2024-10-20 24:00", after: "2024-10-25 24:00" },
      { boundary: "review.from", before: "2024-10-21 00:00", after: "2024-10-26 00:00" },
    ]);
  });

  it("closes a window earlier, but not into the past", () => {
    const now = at("2024-10-10T12:00:00");
    expect(
      amendCalendar(CURRENT, { application: { to: "2024-10-15T00:00+08:00" } }, now).calendar.application.to,
    ).toBe("2024-10-15 00:00");
    const error = refusal(() => amendCalendar(CURRENT, { application: { to: "2024-10-10 08:00" } }, now));
    expect(error.code).toBe("BOUNDARY_PASSED");
    expect(error.details.fields?.[0]?.path).toBe("body.calendar.application.to");
  });

  it("never moves a boundary that has passed, even by a minute, at the very instant it passes", () => {
    const error = refusal(() =>
      amendCalendar(CURRENT, { application: { to: "2024-10-21 00:01" } }, at("2024-10-21T00:00:00")),
    );
    expect(error.kind).toBe("rule_violation");
    expect(error.details.rule).toBe("R3.4");
    expect(error.message).toContain("个人正式申报截止已于2024-10-21 00:00（北京时间）过去");
  });

  it("keeps the order (400 naming the field) and refuses a change that changes nothing", () => {
    const order = refusal(() =>
      amendCalendar(CURRENT, { application: { to: "2024-10-25 24:00" } }, at("2024-10-01T00:00:00")),
    );
    expect(order.code).toBe("INVALID_ROUND_CALENDAR");
    expect(order.details.fields?.map((field) => field.path)).toEqual(["body.calendar.review.from"]);
    const same = refusal(() =>
      amendCalendar(CURRENT, { application: { to: "2024-10-21T00:00+08:00" } }, at("2024-10-01T00:00:00")),
    );
    expect(same.code).toBe("CALENDAR_UNCHANGED");
  });

  it("fixes the rule dates and notice minimums once the pre-preparation has begun", () => {
    const changes: CalendarChanges = { achievementCutoff: "2024-10-31" };
    expect(amendCalendar(CURRENT, changes, at("2024-08-31T23:59:59")).terms).toEqual(["achievementCutoff"]);
    const error = refusal(() => amendCalendar(CURRENT, changes, at("2024-09-01T00:00:00")));
    expect(error.code).toBe("BOUNDARY_PASSED");
    expect(error.details.fields?.[0]?.path).toBe("body.calendar.achievementCutoff");
  });

  it("property: a boundary moves if and only if it has not passed and its new time has not either", () => {
    const instants = BOUNDARIES.filter((boundary) => boundary !== "committeeMeetingAt");
    fc.assert(
      fc.property(
        fc.constantFrom(...instants),
        fc.integer({ min: Date.parse("2024-08-25T00:00:00Z"), max: Date.parse("2024-12-05T00:00:00Z") }),
        fc.integer({ min: -3 * 86_400, max: 3 * 86_400 }),
        (boundary, nowMs, shiftSeconds) => {
          const [phase, end] = boundary.split(".") as [string, string | undefined];
          const spec = CURRENT as unknown as Record<string, Record<string, string> | string>;
          const before = parseBoundary(
            (end === undefined ? spec[phase] : (spec[phase] as Record<string, string>)[end]) as string,
          ) as Date;
          const after = new Date(before.getTime() + Math.round(shiftSeconds / 60) * 60_000);
          if (after.getTime() === before.getTime()) return;
          const text = after.toISOString().replace(/:00\.000Z$/, "Z");
          const changes = (
            end === undefined ? { [phase]: text } : { [phase]: { [end]: text } }
          ) as CalendarChanges;
          const now = new Date(nowMs);
          let outcome: "moved" | "passed" | "order";
          try {
            amendCalendar(CURRENT, changes, now);
            outcome = "moved";
          } catch (error) {
            outcome = (error as DomainError).code === "BOUNDARY_PASSED" ? "passed" : "order";
          }
          const mayMove = before > now && after >= now;
          expect(outcome === "passed").toBe(!mayMove);
        },
      ),
    );
  });
});
