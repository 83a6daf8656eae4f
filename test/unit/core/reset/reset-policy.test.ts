import { describe, expect, it } from "vitest";
import { decideReset } from "../../../../functions/core/reset";
import { refusal } from "../../../support/domain-refusal";

const rehearsal = { roundId: "2024", generation: 1, preparationResetDone: false };
const formal = { roundId: "2024", generation: 2, preparationResetDone: true };

describe("reset policy (DESIGN.md §8, R3.2, R3.3)", () => {
  it.each([
    [
      "scheduled reset at the end of pre-preparation moves 1 → 2",
      rehearsal,
      { expectedGeneration: 1, scheduled: true },
      { kind: "move", toGeneration: 2 },
    ],
    [
      "an admin's second rehearsal during pre-preparation needs no confirmation",
      rehearsal,
      { expectedGeneration: 1, scheduled: false },
      { kind: "move", toGeneration: 2 },
    ],
    [
      "a repeated scheduled reset finds it done",
      formal,
      { expectedGeneration: 2, scheduled: true },
      { kind: "already_moved" },
    ],
    [
      "the reset workflow repeating a reset already begun joins the reset that moved it",
      formal,
      { expectedGeneration: 1, scheduled: false, rejoin: true },
      { kind: "already_moved" },
    ],
    [
      "R3.3 formal data is reset only with the round id typed back",
      formal,
      { expectedGeneration: 2, scheduled: false, confirmRoundId: "2024" },
      { kind: "move", toGeneration: 3 },
    ],
  ])("%s", (_name, situation, request, expected) => {
    expect(decideReset(situation, { requestedBy: "office", ...request })).toEqual(expected);
  });

  it.each([undefined, "", "2025", " 2024"])(
    "R3.3 refuses to wipe formal data when the confirmation is %j, naming the field",
    (confirmRoundId) => {
      const error = refusal(() =>
        decideReset(formal, {
          expectedGeneration: 2,
          scheduled: false,
          requestedBy: "office",
          confirmRoundId,
        }),
      );
      expect(error).toMatchObject({ kind: "rule_violation", code: "FORMAL_DATA_RESET_NOT_CONFIRMED" });
      expect(error.details).toEqual({
        rule: "R3.3",
        fields: [{ path: "body.confirmRoundId", message: "请输入轮次编号以确认重置正式数据" }],
      });
      expect(error.message).toBe(
        "预准备期已结束，当前为正式申报数据。确需重置，请在 confirmRoundId 中输入轮次编号“2024”以确认；未确认前不会删除任何数据。",
      );
    },
  );

  it("refuses the office a generation already reset with 409 naming the current one, moving nothing", () => {
    const error = refusal(() =>
      decideReset(formal, { expectedGeneration: 1, scheduled: false, requestedBy: "office" }),
    );
    expect(error).toMatchObject({ kind: "conflict", code: "STALE_GENERATION" });
    expect(error.message).toBe(
      "轮次“2024”当前为第 2 代数据，第 1 代数据已被此前的重置清除，本次未重置任何数据。如仍需重置当前数据，请刷新后以 expectedGeneration=2 重新提交。",
    );
    expect(error.details.fields).toEqual([{ path: "body.expectedGeneration", message: "当前代次为 2" }]);
  });

  it("refuses a generation from the future as stale, naming the current one", () => {
    const error = refusal(() =>
      decideReset(rehearsal, { expectedGeneration: 2, scheduled: false, requestedBy: "office" }),
    );
    expect(error).toMatchObject({ kind: "conflict", code: "STALE_GENERATION" });
    expect(error.message).toContain("当前为第 1 代数据，第 2 代尚不存在");
  });
});
