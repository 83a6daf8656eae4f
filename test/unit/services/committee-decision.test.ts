import { describe, expect, it } from "vitest";
import type { ApplicationRecord } from "../../../functions/adapters/dynamodb/application-record";
import type { MeetingRecord, VoteRecord } from "../../../functions/adapters/dynamodb/meeting-repository";
import type { Ballot } from "../../../functions/core/committee";
import { DomainError } from "../../../functions/core/errors";
import { assertVotingComplete, ballotsByApplication } from "../../../functions/services/committee-decision";

const meeting = {
  meetingId: "m1",
  members: ["p1", "p2", "p3", "p4"].map((accountId) => ({ accountId, realName: accountId })),
  present: ["p1", "p2", "p3"],
} as MeetingRecord;

const vote = (applicationId: string, memberId: string, ballot: Ballot = "approve"): VoteRecord => ({
  meetingId: "m1",
  applicationId,
  memberId,
  ballot,
  at: "2024-12-20T01:30:00.000Z",
});

const application = (applicationId: string) => ({ applicationId }) as ApplicationRecord;

describe("R8.1 counting the ballots of the members present", () => {
  it("groups ballots by application and counts only members recorded present", () => {
    const grouped = ballotsByApplication(meeting, [
      vote("a1", "p1"),
      vote("a1", "p2", "reject"),
      vote("a2", "p3", "recused"),
      vote("a1", "p4"),
    ]);
    expect(grouped.get("a1")?.map((entry) => entry.memberId)).toEqual(["p1", "p2"]);
    expect(grouped.get("a2")?.map((entry) => entry.ballot)).toEqual(["recused"]);
  });

  it("closes only when every present member voted on every application still pending", () => {
    const grouped = ballotsByApplication(meeting, [
      vote("a1", "p1"),
      vote("a1", "p2"),
      vote("a1", "p3"),
      vote("a2", "p1"),
    ]);
    expect(() => assertVotingComplete(meeting, [application("a1")], grouped)).not.toThrow();
    let refusal: unknown;
    try {
      assertVotingComplete(meeting, [application("a1"), application("a2"), application("a3")], grouped);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    const error = refusal as DomainError;
    expect([error.code, error.details.rule]).toEqual(["VOTES_INCOMPLETE", "R8.1"]);
    expect(error.details.fields).toEqual([
      { path: "agenda.a2", message: "缺2票" },
      { path: "agenda.a3", message: "缺3票" },
    ]);
    expect(error.message).toContain("还有2份申报未完成表决（共缺5票）");
  });
});
