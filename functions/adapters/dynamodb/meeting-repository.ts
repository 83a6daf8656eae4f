import { GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Ballot } from "../../core/committee";
import { DomainError } from "../../core/errors";
import type { ActorRef, ApplicationRecord } from "./application-record";
import { editApplication } from "./application-repository";
import { auditPut } from "./audit-repository";
import { documentClient, tableName } from "./client";
import { committeeKeys } from "./committee-keys";
import { newGenerationItem } from "./generation-items";
import type { GenerationScope } from "./keys";
import { type Page, queryIndexPage } from "./page";
import { withoutKeys } from "./records";
import { staleVersion } from "./round-repository";
import { type GuardedWrite, writeTogether } from "./transactions";

export type MeetingStatus = "scheduled" | "in_session" | "closed";

/** A review meeting of the committee (R8.1): its members, who came, what it decides, and its state. */
export interface MeetingRecord {
  meetingId: string;
  scope: GenerationScope;
  title: string;
  place: string;
  /** When it sits; not before the committee meeting the round announced (R4.5). */
  at: string;
  members: { accountId: string; realName: string }[];
  /** The applications it decides, each in `committee` when placed on it. */
  agenda: string[];
  /** Members recorded present by the organiser; only they vote (R8.1). */
  present: string[];
  status: MeetingStatus;
  openedAt?: string;
  closedAt?: string;
  version: number;
  createdBy: string;
  createdAt: string;
}

/** A member's ballot: kept to refuse a second one and to count; never shown member by member (无记名投票). */
export interface VoteRecord {
  meetingId: string;
  applicationId: string;
  memberId: string;
  ballot: Ballot;
  /** Why a member recused themselves (R8.2). */
  recusal?: string;
  at: string;
}

function meetingClosed(): DomainError {
  return new DomainError("MEETING_NOT_IN_SESSION", "评审会议不在表决阶段（未开始或已结束），不能投票。");
}

function toMeeting(item: Record<string, unknown>): MeetingRecord {
  return withoutKeys(item) as unknown as MeetingRecord;
}

/** An edit of the meeting in one of the states it may happen in, guarded by the version read, with its audit. */
function meetingEdit(
  meeting: MeetingRecord,
  expectedVersion: number,
  from: MeetingStatus,
  set: Record<string, unknown>,
  audit: { action: string; actor: string; at: Date; detail: Record<string, unknown> },
): GuardedWrite[] {
  if (expectedVersion !== meeting.version) throw staleVersion();
  const names = Object.fromEntries(Object.keys(set).map((name, index) => [`#s${index}`, name]));
  const values = Object.fromEntries(Object.values(set).map((value, index) => [`:s${index}`, value]));
  return [
    {
      write: {
        Update: {
          TableName: tableName(),
          Key: committeeKeys.meeting(meeting.scope, meeting.meetingId),
          UpdateExpression: `SET ${Object.keys(names)
            .map((name, index) => `${name} = :s${index}`)
            .join(", ")}, #version = :next`,
          ConditionExpression: "#version = :expected AND #status = :from",
          ExpressionAttributeNames: { ...names, "#version": "version", "#status": "status" },
          ExpressionAttributeValues: {
            ...values,
            ":expected": expectedVersion,
            ":next": expectedVersion + 1,
            ":from": from,
          },
        },
      },
      conflict: staleVersion,
    },
    { write: auditPut({ entity: `MEETING#${meeting.meetingId}`, ...audit }) },
  ];
}

export const meetingRepository = {
  async create(meeting: MeetingRecord): Promise<void> {
    await writeTogether([
      newGenerationItem(
        meeting.scope,
        committeeKeys.meeting(meeting.scope, meeting.meetingId),
        {
          GSI1PK: committeeKeys.roundMeetings(meeting.scope),
          GSI1SK: `${meeting.createdAt}#${meeting.meetingId}`,
        },
        meeting,
      ),
      {
        write: auditPut({
          entity: `MEETING#${meeting.meetingId}`,
          action: "create_meeting",
          actor: meeting.createdBy,
          at: new Date(meeting.createdAt),
          detail: {
            roundId: meeting.scope.roundId,
            members: meeting.members.map((member) => member.accountId),
          },
        }),
      },
    ]);
  },

  async get(scope: GenerationScope, meetingId: string): Promise<MeetingRecord | undefined> {
    const found = await documentClient.send(
      new GetCommand({
        TableName: tableName(),
        Key: committeeKeys.meeting(scope, meetingId),
        ConsistentRead: true,
      }),
    );
    return found.Item ? toMeeting(found.Item) : undefined;
  },

  list(scope: GenerationScope, cursor?: string): Promise<Page<MeetingRecord>> {
    return queryIndexPage<MeetingRecord>({
      index: "GSI1",
      partition: committeeKeys.roundMeetings(scope),
      cursor,
    });
  },

  /**
   * Puts one application on the agenda: the application learns its meeting (and so its members may
   * read it), the meeting lists it, and its trail says so — one transaction, while the meeting has not
   * started, for an application no other meeting holds.
   */
  async placeOnAgenda(
    meeting: MeetingRecord,
    application: ApplicationRecord,
    actor: ActorRef,
    at: Date,
  ): Promise<ApplicationRecord> {
    const committee = {
      meetingId: meeting.meetingId,
      members: meeting.members.map((member) => member.accountId),
    };
    const agendaUpdate: GuardedWrite = {
      write: {
        Update: {
          TableName: tableName(),
          Key: committeeKeys.meeting(meeting.scope, meeting.meetingId),
          UpdateExpression: "SET agenda = list_append(agenda, :one)",
          ConditionExpression: "#status = :scheduled AND NOT contains(agenda, :id)",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: {
            ":one": [application.applicationId],
            ":id": application.applicationId,
            ":scheduled": "scheduled",
          },
        },
      },
      conflict: () => new DomainError("MEETING_ALREADY_STARTED", "评审会议已开始或已结束，不能再增加议程。"),
    };
    const updated = await editApplication(
      application,
      application.version,
      { set: "committee = :committee", values: { ":committee": committee } },
      { action: "place_on_meeting", actor, at, detail: { meetingId: meeting.meetingId } },
      [agendaUpdate],
    );
    return { ...updated, committee };
  },

  recordAttendance(
    meeting: MeetingRecord,
    expectedVersion: number,
    present: string[],
    actor: string,
    at: Date,
  ) {
    return writeTogether(
      meetingEdit(
        meeting,
        expectedVersion,
        "scheduled",
        { present },
        {
          action: "record_attendance",
          actor,
          at,
          detail: { present, members: meeting.members.length },
        },
      ),
    );
  },

  open(meeting: MeetingRecord, expectedVersion: number, actor: string, at: Date) {
    return writeTogether(
      meetingEdit(
        meeting,
        expectedVersion,
        "scheduled",
        { status: "in_session", openedAt: at.toISOString() },
        {
          action: "open_meeting",
          actor,
          at,
          detail: { present: meeting.present.length, members: meeting.members.length },
        },
      ),
    );
  },

  close(meeting: MeetingRecord, expectedVersion: number, actor: string, at: Date) {
    return writeTogether(
      meetingEdit(
        meeting,
        expectedVersion,
        "in_session",
        { status: "closed", closedAt: at.toISOString() },
        {
          action: "close_meeting",
          actor,
          at,
          detail: { agenda: meeting.agenda.length },
        },
      ),
    );
  },

  /**
   * One ballot per member and application, only while the meeting sits: the check on the meeting and
   * the ballot are one transaction, so nothing is counted after closing. The audit says who voted, not how.
   */
  async castVote(meeting: MeetingRecord, vote: VoteRecord): Promise<void> {
    await writeTogether([
      {
        write: {
          ConditionCheck: {
            TableName: tableName(),
            Key: committeeKeys.meeting(meeting.scope, meeting.meetingId),
            ConditionExpression: "#status = :sitting",
            ExpressionAttributeNames: { "#status": "status" },
            ExpressionAttributeValues: { ":sitting": "in_session" },
          },
        },
        conflict: meetingClosed,
      },
      newGenerationItem(
        meeting.scope,
        committeeKeys.vote(meeting.scope, meeting.meetingId, vote.applicationId, vote.memberId),
        {},
        vote,
        () =>
          new DomainError(
            "VOTE_ALREADY_CAST",
            "您已对该申报投过票，每位委员每项只能投票一次，投票后不能更改。",
          ),
      ),
      {
        write: auditPut({
          entity: `MEETING#${meeting.meetingId}`,
          action: "cast_vote",
          actor: vote.memberId,
          at: new Date(vote.at),
          detail: { applicationId: vote.applicationId },
        }),
      },
    ]);
  },

  /** Every ballot cast in the meeting, on every application. */
  async ballots(scope: GenerationScope, meetingId: string): Promise<VoteRecord[]> {
    const { PK } = committeeKeys.meeting(scope, meetingId);
    const votes: VoteRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: "PK = :pk AND begins_with(SK, :vote)",
          ExpressionAttributeValues: { ":pk": PK, ":vote": "VOTE#" },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      votes.push(...(page.Items ?? []).map((item) => withoutKeys(item) as unknown as VoteRecord));
      start = page.LastEvaluatedKey;
    } while (start);
    return votes;
  },
};
