import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertQuorum, type Ballot, countVotes, hasQuorum } from "../../../../functions/core/committee";
import { DomainError } from "../../../../functions/core/errors";

const ballots = (approve: number, reject: number, abstain = 0, recused = 0): Ballot[] => [
  ...Array<Ballot>(approve).fill("approve"),
  ...Array<Ballot>(reject).fill("reject"),
  ...Array<Ballot>(abstain).fill("abstain"),
  ...Array<Ballot>(recused).fill("recused"),
];

describe("R8.1 quorum: at least two thirds of the members present", () => {
  it.each([
    [9, 6, true],
    [9, 5, false],
    [25, 17, true],
    [25, 16, false],
    [3, 2, true],
    [3, 1, false],
    [0, 0, false],
  ])("R8.1 %i members, %i present → %s", (members, present, expected) => {
    expect(hasQuorum({ members, present })).toBe(expected);
  });

  it("R8.1 a meeting without quorum is refused naming the rule and the numbers", () => {
    try {
      assertQuorum({ members: 25, present: 16 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "COMMITTEE_QUORUM_NOT_MET", details: { rule: "R8.1" } });
      expect((error as DomainError).message).toContain("至少需 17 名出席");
    }
    expect(() => assertQuorum({ members: 25, present: 17 })).not.toThrow();
  });

  it("R8.1 quorum holds exactly when 3 × present ≥ 2 × members (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 500 }), (members, present) => {
        fc.pre(present <= members);
        expect(hasQuorum({ members, present })).toBe(present / members >= 2 / 3 - 1e-12);
      }),
    );
  });
});

describe("R8.1 decision: approval of at least two thirds of the experts present", () => {
  it.each([
    ["exactly 2/3 passes", ballots(6, 3), true],
    ["one vote fewer fails", ballots(5, 4), false],
    ["abstentions count against", ballots(6, 1, 2), true],
    ["abstentions count against (fails)", ballots(5, 1, 3), false],
    ["R8.2 recused members leave the base", ballots(6, 3, 0, 2), true],
    ["R8.2 recusal does not rescue a failing vote", ballots(4, 3, 0, 2), false],
    ["nobody eligible never passes", ballots(0, 0, 0, 3), false],
  ])("%s", (_name, votes, passed) => {
    expect(countVotes(votes).passed).toBe(passed);
  });

  it("counts every kind of ballot (5 of 8 is under two thirds)", () => {
    expect(countVotes(ballots(5, 2, 1, 1))).toEqual({
      approve: 5,
      reject: 2,
      abstain: 1,
      recused: 1,
      eligible: 8,
      passed: false,
    });
  });
});
