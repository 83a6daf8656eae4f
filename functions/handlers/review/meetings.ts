import { randomUUID } from "node:crypto";
import type { ApplicationRecord } from "../../adapters/dynamodb/application-record";
import { applicationRepository } from "../../adapters/dynamodb/application-repository";
import type { GenerationScope } from "../../adapters/dynamodb/keys";
import { type MeetingRecord, meetingRepository } from "../../adapters/dynamodb/meeting-repository";
import { formatShanghai } from "../../core/calendar";
import { assertQuorum } from "../../core/committee";
import { DomainError, ruleViolation } from "../../core/errors";
import type { Actor } from "../../http/actor";
import { httpErrors } from "../../http/errors";
import { type BoundRoute, route } from "../../http/handler-group";
import { lifecycleContext, type RoundInScope, roundInScope } from "../../http/round-in-scope";
import {
  castVote,
  closeMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  openMeeting,
  recordAttendance,
} from "../../http/routes/meetings";
import { toMeetingView } from "../../http/views/meeting-view";
import { assertVotingComplete, ballotsByApplication, decideAgenda } from "../../services/committee-decision";
import { conflictWith, requireRoleHolders } from "../../services/committee-roster";
import { actingAs, isDesk } from "./desk";

/** R4.5: the meeting sits no earlier than the committee meeting the round announced (另行通知). */
function announcedMeeting(inScope: RoundInScope): Date {
  const at = inScope.calendar.committeeMeetingAt;
  if (at === undefined) {
    throw ruleViolation(
      "R4.5",
      "MEETING_NOT_SCHEDULED",
      "评审会议时间尚未公布，请省职改办先在轮次日程中设置",
    );
  }
  return at;
}

function agendaApplications(meeting: MeetingRecord): Promise<Map<string, ApplicationRecord>> {
  return applicationRepository.getMany(meeting.scope, meeting.agenda);
}

async function view(meeting: MeetingRecord, actor: Actor) {
  const [applications, ballots] = await Promise.all([
    agendaApplications(meeting),
    meetingRepository.ballots(meeting.scope, meeting.meetingId),
  ]);
  const counted = ballotsByApplication(meeting, ballots);
  const ballotsCast = new Map([...counted].map(([id, votes]) => [id, votes.length]));
  const me = actor.account.accountId;
  const votedByMe = isDesk(actor)
    ? undefined
    : new Set(ballots.filter((vote) => vote.memberId === me).map((vote) => vote.applicationId));
  return toMeetingView({ meeting, applications, ballotsCast, ...(votedByMe ? { votedByMe } : {}) });
}

/** The applications a new meeting takes: those named, or all awaiting the committee that no meeting holds. */
async function candidates(scope: GenerationScope, named: readonly string[] | undefined) {
  if (named) {
    const heads = await applicationRepository.getMany(scope, named);
    const found = named.map((id) => heads.get(id));
    const refused = found.flatMap((application, index) =>
      application?.state === "committee" && application.committee === undefined
        ? []
        : [{ path: `body.applicationIds.${index}`, message: "该申报不在待评委会评审状态，或已列入其他会议" }],
    );
    if (refused.length > 0) {
      throw new DomainError("NOT_AWAITING_COMMITTEE", "所列申报中有不能列入本次会议的，请核对后重试。", {
        fields: refused,
      });
    }
    return found.filter((application): application is ApplicationRecord => application !== undefined);
  }
  const waiting: ApplicationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await applicationRepository.listByState(scope, "committee", cursor);
    waiting.push(...page.items.filter((application) => application.committee === undefined));
    cursor = page.nextCursor;
  } while (cursor);
  return waiting;
}

async function currentMeeting(meeting: MeetingRecord): Promise<MeetingRecord> {
  return (await meetingRepository.get(meeting.scope, meeting.meetingId)) ?? meeting;
}

export const meetingRoutes: BoundRoute[] = [
  route(createMeeting, async ({ actor, params, body, now }) => {
    const inScope = await roundInScope(params.roundId);
    const organiser = actingAs(actor, "organiser");
    const announced = announcedMeeting(inScope);
    if (body.at < announced) {
      throw ruleViolation(
        "R4.5",
        "MEETING_BEFORE_ANNOUNCED",
        `会议时间不能早于已公布的评审会议时间 ${formatShanghai(announced)}（北京时间）`,
        [{ path: "body.at", message: "早于公布的评审会议时间" }],
      );
    }
    const members = await requireRoleHolders(inScope.scope, body.members, "committee_member", "members");
    const agenda = await candidates(inScope.scope, body.applicationIds);
    if (agenda.length === 0) {
      throw new DomainError("NOTHING_TO_DECIDE", "目前没有待评委会评审的申报，无需召开评审会议。");
    }
    const meeting: MeetingRecord = {
      meetingId: randomUUID(),
      scope: inScope.scope,
      title: body.title,
      place: body.place,
      at: body.at.toISOString(),
      members,
      agenda: [],
      present: [],
      status: "scheduled",
      version: 1,
      createdBy: organiser.id,
      createdAt: now.toISOString(),
    };
    await meetingRepository.create(meeting);
    // One transaction per application: an interruption leaves a consistent, shorter agenda, and the
    // applications not placed stay free for the next meeting.
    for (const application of agenda)
      await meetingRepository.placeOnAgenda(meeting, application, organiser, now);
    return view(await currentMeeting(meeting), actor);
  }),

  route(listMeetings, async ({ actor, params, query }) => {
    const { scope } = await roundInScope(params.roundId);
    const page = await meetingRepository.list(scope, query.cursor);
    return {
      meetings: await Promise.all(page.items.map((meeting) => view(meeting, actor))),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }),

  route(getMeeting, async ({ actor, subject: { meeting } }) => view(meeting, actor)),

  route(recordAttendance, async ({ actor, body, subject: { meeting }, now }) => {
    if (meeting.status !== "scheduled") {
      throw new DomainError("MEETING_ALREADY_OPENED", "会议已开始表决或已结束，出席情况不能再修改。");
    }
    const members = new Set(meeting.members.map((member) => member.accountId));
    const strangers = body.present.flatMap((accountId, index) =>
      members.has(accountId) ? [] : [{ path: `body.present.${index}`, message: "不是本次会议的委员" }],
    );
    if (strangers.length > 0) {
      throw new DomainError("NOT_A_MEMBER", "出席人员须为本次会议的委员。", {
        fields: strangers,
      });
    }
    const organiser = actingAs(actor, "organiser");
    await meetingRepository.recordAttendance(meeting, body.expectedVersion, body.present, organiser.id, now);
    return view(await currentMeeting(meeting), actor);
  }),

  /** R8.1: no vote without two thirds of the members in the room, and not before the meeting's time. */
  route(openMeeting, async ({ actor, params, body, subject: { meeting }, now }) => {
    if (meeting.status !== "scheduled") {
      throw new DomainError("MEETING_ALREADY_OPENED", "会议已开始表决或已结束。");
    }
    const inScope = await roundInScope(params.roundId);
    const startsAt = new Date(Math.max(new Date(meeting.at).getTime(), announcedMeeting(inScope).getTime()));
    if (now < startsAt) {
      throw ruleViolation(
        "R4.5",
        "MEETING_NOT_YET",
        `会议定于${formatShanghai(startsAt)}（北京时间）召开，届时方可开始表决`,
      );
    }
    assertQuorum({ members: meeting.members.length, present: meeting.present.length });
    const organiser = actingAs(actor, "organiser");
    await meetingRepository.open(meeting, body.expectedVersion, organiser.id, now);
    return view(await currentMeeting(meeting), actor);
  }),

  route(castVote, async ({ actor, params, body, subject: { meeting }, now }) => {
    if (meeting.status !== "in_session") {
      throw new DomainError("MEETING_NOT_IN_SESSION", "评审会议不在表决阶段（未开始或已结束），不能投票。");
    }
    const member = actingAs(actor, "committee_member");
    if (!meeting.agenda.includes(params.applicationId)) throw httpErrors.notFound();
    if (!meeting.present.includes(member.id)) {
      throw ruleViolation(
        "R8.1",
        "NOT_PRESENT",
        "您未登记出席本次会议，不能投票；如已到会，请联系会议组织方登记出席。",
      );
    }
    const application = await applicationRepository.get(meeting.scope, params.applicationId);
    if (application?.state !== "committee") {
      throw new DomainError("NOT_AWAITING_DECISION", "该申报已不在待表决状态，不能投票。");
    }
    const conflict = await conflictWith(meeting.scope, member.id, {
      applicationId: application.applicationId,
      applicantId: application.applicantId,
      unitId: application.unitId,
    });
    if (conflict && body.ballot !== "recused") {
      throw ruleViolation(
        "R8.2",
        "MUST_RECUSE",
        "您与该申报人存在须回避的情形（本人、同一单位或已申报的利害关系），只能选择回避，不能参与表决。",
        [{ path: "body.ballot", message: "须回避" }],
      );
    }
    await meetingRepository.castVote(meeting, {
      meetingId: meeting.meetingId,
      applicationId: application.applicationId,
      memberId: member.id,
      ballot: body.ballot,
      ...(body.recusal ? { recusal: body.recusal } : {}),
      at: now.toISOString(),
    });
    return {
      meetingId: meeting.meetingId,
      applicationId: application.applicationId,
      recorded: true as const,
      message: "表决意见已记录；会议采用无记名方式，结果在表决结束后统一公布。",
    };
  }),

  route(closeMeeting, async ({ actor, params, body, subject: { meeting }, now }) => {
    if (meeting.status === "scheduled") {
      throw new DomainError("MEETING_NOT_OPENED", "会议尚未开始表决，不能结束。");
    }
    const inScope = await roundInScope(params.roundId);
    const organiser = actingAs(actor, "organiser");
    const [applications, ballots] = await Promise.all([
      agendaApplications(meeting),
      meetingRepository.ballots(meeting.scope, meeting.meetingId),
    ]);
    const counted = ballotsByApplication(meeting, ballots);
    // Fraud may have cancelled an application since it was placed: only those still waiting are decided.
    const pending = [...applications.values()].filter(
      (application) =>
        application.state === "committee" && application.committee?.meetingId === meeting.meetingId,
    );
    if (meeting.status === "in_session") {
      assertVotingComplete(meeting, pending, counted);
      await meetingRepository.close(meeting, body.expectedVersion, organiser.id, now);
    }
    await decideAgenda(meeting, pending, counted, organiser, lifecycleContext(inScope, now));
    return view(await currentMeeting(meeting), actor);
  }),
];
