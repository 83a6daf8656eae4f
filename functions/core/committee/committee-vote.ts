import { ruleViolation } from "../errors";

/** Integer comparison with thirds, so that 2/3 is never rounded (6 of 9 passes, 5 of 8 does not). */
function atLeastTwoThirds(part: number, whole: number): boolean {
  return whole > 0 && part * 3 >= whole * 2;
}

export interface Attendance {
  members: number;
  present: number;
}

/** R8.1: the meeting may decide only with at least two thirds of the committee's members present. */
export function hasQuorum({ members, present }: Attendance): boolean {
  return atLeastTwoThirds(present, members);
}

export function assertQuorum(attendance: Attendance): void {
  if (!hasQuorum(attendance)) {
    const needed = Math.ceil((attendance.members * 2) / 3);
    throw ruleViolation(
      "R8.1",
      "COMMITTEE_QUORUM_NOT_MET",
      `评审会议须有评委会三分之二以上委员出席：共 ${attendance.members} 名委员，至少需 ${needed} 名出席，现出席 ${attendance.present} 名。`,
    );
  }
}

export type Ballot = "approve" | "reject" | "abstain" | "recused";

export interface VoteCount {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** Present members who do not recuse themselves: the base of the two-thirds rule. */
  eligible: number;
  passed: boolean;
}

/**
 * R8.1 and R8.2: an application passes with the approval of at least two thirds of the experts present.
 * A recused member (回避) takes no part in that application, so they leave its base; an abstention
 * is a present expert who did not approve, so it stays in the base and counts against.
 */
export function countVotes(ballots: readonly Ballot[]): VoteCount {
  const count = { approve: 0, reject: 0, abstain: 0, recused: 0 };
  for (const ballot of ballots) count[ballot] += 1;
  const eligible = ballots.length - count.recused;
  return { ...count, eligible, passed: atLeastTwoThirds(count.approve, eligible) };
}
