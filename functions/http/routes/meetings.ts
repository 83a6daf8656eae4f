import * as z from "zod/mini";
import { wallTimeSchema } from "../../core/calendar";
import { defineRoute } from "../route-spec";
import { meetingView } from "../views/meeting-view";
import { accountIdField, cursorQuery, expectedVersionField, strictBody } from "./fields";
import { roundIdParams } from "./rounds";

const TAG = "评委会评审会议";

const meetingParams = z.extend(roundIdParams, { meetingId: z.uuid("会议编号格式不正确") });

const memberIds = (what: string) =>
  z
    .array(accountIdField, { error: `请列出${what}的账号编号` })
    .check(z.maxLength(99, `${what}最多99名`))
    .check(z.refine((ids) => new Set(ids).size === ids.length, `${what}不能重复`));

export const createMeeting = defineRoute({
  operationId: "createMeeting",
  method: "POST",
  path: "/rounds/{roundId}/meetings",
  group: "review",
  access: "authenticated",
  summary:
    "The organiser convenes a review meeting (R8.1) with its members; the applications awaiting the " +
    "committee (or those listed) go on its agenda",
  tag: TAG,
  params: roundIdParams,
  body: strictBody({
    title: z
      .string({ error: "请填写会议名称" })
      .check(z.trim())
      .check(z.minLength(2, "会议名称至少2个字"))
      .check(z.maxLength(100, "会议名称最多100字")),
    place: z
      .string({ error: "请填写会议地点" })
      .check(z.trim())
      .check(z.minLength(2, "会议地点至少2个字"))
      .check(z.maxLength(100, "会议地点最多100字")),
    at: wallTimeSchema.check(
      z.describe("Beijing wall time, not before the committee meeting the round announced"),
    ),
    members: memberIds("评审委员会委员").check(z.refine((ids) => ids.length >= 1, "请至少列出一名委员")),
    applicationIds: z
      .optional(
        z
          .array(z.uuid("申报编号格式不正确"))
          .check(z.minLength(1, "请至少列出一份申报"))
          .check(z.maxLength(500, "一次会议最多审议500份申报"))
          .check(z.refine((ids) => new Set(ids).size === ids.length, "申报不能重复")),
      )
      .check(z.describe("Absent: every application awaiting the committee that no other meeting holds")),
  }).register(z.globalRegistry, { id: "NewMeeting" }),
  response: meetingView,
  successStatus: 201,
  errors: [
    "CONCURRENT_UPDATE",
    "INVALID_CURSOR",
    "MEETING_ALREADY_STARTED",
    "MEETING_BEFORE_ANNOUNCED",
    "MEETING_NOT_SCHEDULED",
    "NOTHING_TO_DECIDE",
    "NOT_AWAITING_COMMITTEE",
    "NOT_A_ROLE_HOLDER",
    "STALE_VERSION",
  ],
});

export const listMeetings = defineRoute({
  operationId: "listMeetings",
  method: "GET",
  path: "/rounds/{roundId}/meetings",
  group: "review",
  access: "authenticated",
  summary: "The round's review meetings, oldest first",
  tag: TAG,
  params: roundIdParams,
  query: cursorQuery,
  response: z.object({ meetings: z.array(meetingView), nextCursor: z.optional(z.string()) }),
  errors: ["INVALID_CURSOR"],
});

export const getMeeting = defineRoute({
  operationId: "getMeeting",
  method: "GET",
  path: "/rounds/{roundId}/meetings/{meetingId}",
  group: "review",
  access: "authenticated",
  summary:
    "A meeting: members, attendance, agenda and, once closed, each decision counted from the votes. " +
    "A member sees whether they voted, never how others did (无记名投票)",
  tag: TAG,
  params: meetingParams,
  response: meetingView,
});

export const recordAttendance = defineRoute({
  operationId: "recordAttendance",
  method: "PUT",
  path: "/rounds/{roundId}/meetings/{meetingId}/attendance",
  group: "review",
  access: "authenticated",
  summary: "The organiser records which members are present, before the meeting opens (R8.1)",
  tag: TAG,
  params: meetingParams,
  body: strictBody({ expectedVersion: expectedVersionField, present: memberIds("出席委员") }).register(
    z.globalRegistry,
    {
      id: "MeetingAttendance",
    },
  ),
  response: meetingView,
  errors: ["CONCURRENT_UPDATE", "MEETING_ALREADY_OPENED", "NOT_A_MEMBER", "STALE_VERSION"],
});

export const openMeeting = defineRoute({
  operationId: "openMeeting",
  method: "POST",
  path: "/rounds/{roundId}/meetings/{meetingId}/opening",
  group: "review",
  access: "authenticated",
  summary: "Opens the vote: only at its time and with at least two thirds of the members present (R8.1)",
  tag: TAG,
  params: meetingParams,
  body: strictBody({ expectedVersion: expectedVersionField }).register(z.globalRegistry, {
    id: "MeetingOpening",
  }),
  response: meetingView,
  errors: [
    "COMMITTEE_QUORUM_NOT_MET",
    "CONCURRENT_UPDATE",
    "MEETING_ALREADY_OPENED",
    "MEETING_NOT_SCHEDULED",
    "MEETING_NOT_YET",
    "STALE_VERSION",
  ],
});

export const castVote = defineRoute({
  operationId: "castVote",
  method: "PUT",
  path: "/rounds/{roundId}/meetings/{meetingId}/votes/{applicationId}",
  group: "review",
  access: "authenticated",
  summary:
    "A present member votes once on one application while the meeting sits (R8.1); a member with a " +
    "conflict of interest must recuse (R8.2)",
  tag: TAG,
  params: z.extend(meetingParams, { applicationId: z.uuid("申报编号格式不正确") }),
  body: strictBody({
    ballot: z.enum(["approve", "reject", "abstain", "recused"], {
      error: "表决意见应为 approve（赞成）、reject（反对）、abstain（弃权）或 recused（回避）",
    }),
    recusal: z.optional(
      z
        .string({ error: "回避理由应为文字" })
        .check(z.trim())
        .check(z.minLength(2, "回避理由至少2个字"))
        .check(z.maxLength(200, "回避理由最多200字")),
    ),
  })
    .check(
      z.refine((body) => body.ballot !== "recused" || body.recusal !== undefined, {
        message: "回避时请写明理由（如与申报人同一单位、亲属关系等）",
        path: ["recusal"],
      }),
    )
    .register(z.globalRegistry, { id: "Vote" }),
  response: z.object({
    meetingId: z.string(),
    applicationId: z.string(),
    recorded: z.literal(true),
    message: z.string(),
  }),
  errors: [
    "CONCURRENT_UPDATE",
    "DEFENSE_NOT_SCHEDULED",
    "MEETING_NOT_HELD",
    "MEETING_NOT_IN_SESSION",
    "MEETING_NOT_SCHEDULED",
    "MUST_RECUSE",
    "REASON_REQUIRED",
    "NOT_AWAITING_DECISION",
    "NOT_PRESENT",
    "VOTE_ALREADY_CAST",
  ],
});

export const closeMeeting = defineRoute({
  operationId: "closeMeeting",
  method: "POST",
  path: "/rounds/{roundId}/meetings/{meetingId}/closing",
  group: "review",
  access: "authenticated",
  summary:
    "Closes the vote once every present member has voted on every application, and decides each: " +
    "approved with at least two thirds of the votes of the members present (R8.1). Repeating it on a " +
    "closed meeting finishes decisions an interruption left open",
  tag: TAG,
  params: meetingParams,
  body: strictBody({ expectedVersion: expectedVersionField }).register(z.globalRegistry, {
    id: "MeetingClosing",
  }),
  response: meetingView,
  errors: [
    "DEADLINE_PASSED",
    "APPLICATION_NOT_FOUND",
    "CONCURRENT_UPDATE",
    "CONFLICT_OF_INTEREST",
    "DEFENSE_NOT_SCHEDULED",
    "INVALID_TRANSITION",
    "MEETING_NOT_HELD",
    "MEETING_NOT_OPENED",
    "MEETING_NOT_SCHEDULED",
    "REASON_REQUIRED",
    "ROLE_NOT_ALLOWED",
    "STALE_VERSION",
    "VOTES_INCOMPLETE",
  ],
});
