import type { ActorRef, ApplicationRecord } from "../adapters/dynamodb/application-record";
import { applicationRepository } from "../adapters/dynamodb/application-repository";
import type { MeetingRecord, VoteRecord } from "../adapters/dynamodb/meeting-repository";
import { countVotes, type VoteCount } from "../core/committee";
import { ruleViolation } from "../core/errors";
import type { LifecycleContext } from "../core/lifecycle";

/** Ballots of the members recorded present, by application: the only ones that count (R8.1). */
export function ballotsByApplication(meeting: MeetingRecord, ballots: readonly VoteRecord[]) {
  const present = new Set(meeting.present);
  const byApplication = new Map<string, VoteRecord[]>();
  for (const vote of ballots) {
    if (!present.has(vote.memberId)) continue;
    byApplication.set(vote.applicationId, [...(byApplication.get(vote.applicationId) ?? []), vote]);
  }
  return byApplication;
}

/**
 * R8.1: the vote closes only when every present member has voted on every application still before
 * the meeting; otherwise a decision would be counted on fewer experts than were in the room.
 */
export function assertVotingComplete(
  meeting: MeetingRecord,
  pending: readonly ApplicationRecord[],
  ballots: ReadonlyMap<string, VoteRecord[]>,
): void {
  const missing = pending.flatMap((application) => {
    const cast = ballots.get(application.applicationId)?.length ?? 0;
    const owed = meeting.present.length - cast;
    return owed > 0 ? [{ application, owed }] : [];
  });
  if (missing.length === 0) return;
  throw ruleViolation(
    "R8.1",
    "VOTES_INCOMPLETE",
    `还有${missing.length}份申报未完成表决（共缺${missing.reduce((sum, entry) => sum + entry.owed, 0)}票），` +
      "每位出席委员须对每份申报投票或回避后方可结束表决。",
    missing.map(({ application, owed }) => ({
      path: `agenda.${application.applicationId}`,
      message: `缺${owed}票`,
    })),
  );
}

function rejectionReason(count: VoteCount): string {
  return (
    `评审会议表决未通过：出席且未回避的委员${count.eligible}名，赞成${count.approve}票、反对${count.reject}票、` +
    `弃权${count.abstain}票，赞成票未达到出席评审专家的三分之二（R8.1）`
  );
}

/**
 * Decides every application of a closed meeting that is still waiting for it, each in its own
 * transaction: the result is counted from the ballots, never typed in. An application decided before
 * an interruption is skipped, so repeating the close finishes the rest.
 */
export async function decideAgenda(
  meeting: MeetingRecord,
  pending: readonly ApplicationRecord[],
  ballots: ReadonlyMap<string, VoteRecord[]>,
  organiser: ActorRef,
  context: LifecycleContext,
): Promise<ApplicationRecord[]> {
  const decided: ApplicationRecord[] = [];
  for (const application of pending) {
    const count = countVotes((ballots.get(application.applicationId) ?? []).map((vote) => vote.ballot));
    const result = { ...count, decidedAt: context.now.toISOString() };
    decided.push(
      await applicationRepository.transition({
        application,
        action: count.passed ? "approve" : "reject",
        actor: organiser,
        context: count.passed ? context : { ...context, reason: rejectionReason(count) },
        facts: {
          committee: { meetingId: meeting.meetingId, members: application.committee?.members ?? [], result },
        },
        detail: { meetingId: meeting.meetingId, ...count },
      }),
    );
  }
  return decided;
}
