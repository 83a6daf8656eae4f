import * as z from "zod/mini";
import type { ApplicationRecord } from "../../adapters/dynamodb/application-record";
import type { MeetingRecord } from "../../adapters/dynamodb/meeting-repository";
import { STATE_LABELS } from "../../core/lifecycle";
import { toReviewSummary } from "./review-view";

const decision = z.object({
  approve: z.int(),
  reject: z.int(),
  abstain: z.int(),
  recused: z.int(),
  eligible: z.int(),
  passed: z.boolean(),
  decidedAt: z.iso.datetime(),
});

export const meetingView = z
  .object({
    meetingId: z.string(),
    roundId: z.string(),
    title: z.string(),
    place: z.string(),
    at: z.iso.datetime(),
    status: z.enum(["scheduled", "in_session", "closed"]),
    version: z.int(),
    members: z.array(z.object({ accountId: z.string(), realName: z.string(), present: z.boolean() })),
    quorum: z.object({
      members: z.int(),
      present: z.int(),
      needed: z.int().check(z.describe("Two thirds of the members, rounded up (R8.1)")),
      met: z.boolean(),
    }),
    agenda: z.array(
      z.object({
        applicationId: z.string(),
        applicantName: z.string(),
        qualification: z.optional(z.string()),
        state: z.string(),
        stateLabel: z.string(),
        ballotsCast: z.int().check(z.describe("How many present members have voted on it")),
        votedByMe: z.optional(z.boolean()).check(z.describe("For a member: whether they have voted on it")),
        decision: z.optional(decision),
      }),
    ),
    openedAt: z.optional(z.iso.datetime()),
    closedAt: z.optional(z.iso.datetime()),
  })
  .register(z.globalRegistry, { id: "Meeting" });

export interface MeetingFacts {
  meeting: MeetingRecord;
  /** The agenda's applications as they stand now (missing ones are shown by id only). */
  applications: ReadonlyMap<string, ApplicationRecord>;
  /** Ballots cast per application, and whether the caller (a member) cast one. */
  ballotsCast: ReadonlyMap<string, number>;
  votedByMe?: ReadonlySet<string>;
}

export function toMeetingView({ meeting, applications, ballotsCast, votedByMe }: MeetingFacts) {
  const present = new Set(meeting.present);
  const needed = Math.ceil((meeting.members.length * 2) / 3);
  return {
    meetingId: meeting.meetingId,
    roundId: meeting.scope.roundId,
    title: meeting.title,
    place: meeting.place,
    at: meeting.at,
    status: meeting.status,
    version: meeting.version,
    members: meeting.members.map((member) => ({ ...member, present: present.has(member.accountId) })),
    quorum: {
      members: meeting.members.length,
      present: present.size,
      needed,
      met: meeting.members.length > 0 && present.size >= needed,
    },
    agenda: meeting.agenda.map((applicationId) => {
      const application = applications.get(applicationId);
      const summary = application ? toReviewSummary(application) : undefined;
      const result =
        application?.committee?.meetingId === meeting.meetingId ? application.committee.result : undefined;
      return {
        applicationId,
        applicantName: summary?.applicantName ?? "",
        ...(summary?.qualification ? { qualification: summary.qualification } : {}),
        state: application?.state ?? "unknown",
        stateLabel: application ? STATE_LABELS[application.state] : "",
        ballotsCast: ballotsCast.get(applicationId) ?? 0,
        ...(votedByMe ? { votedByMe: votedByMe.has(applicationId) } : {}),
        ...(result ? { decision: result } : {}),
      };
    }),
    ...(meeting.openedAt ? { openedAt: meeting.openedAt } : {}),
    ...(meeting.closedAt ? { closedAt: meeting.closedAt } : {}),
  } satisfies z.input<typeof meetingView>;
}
