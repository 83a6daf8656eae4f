import type { RoundCalendar, RoundCalendarSpec } from "../calendar";

/** The instants of a round's calendar, by their path in the calendar (R3, R3.4). */
export const BOUNDARIES = [
  "preparation.from",
  "preparation.to",
  "application.from",
  "application.to",
  "review.from",
  "review.to",
  "receiptCutoff",
  "defenseAt",
  "committeeMeetingAt",
] as const;
export type Boundary = (typeof BOUNDARIES)[number];

export const BOUNDARY_LABELS: Readonly<Record<Boundary, string>> = {
  "preparation.from": "系统预准备开始",
  "preparation.to": "系统预准备结束（重置）",
  "application.from": "个人正式申报开始",
  "application.to": "个人正式申报截止",
  "review.from": "审核开始",
  "review.to": "审核截止",
  receiptCutoff: "评委会接收材料截止",
  defenseAt: "答辩时间",
  committeeMeetingAt: "评审会议时间",
};

type Phase = "preparation" | "application" | "review";

function split(boundary: Boundary): [Phase, "from" | "to"] | undefined {
  const [phase, end] = boundary.split(".");
  return end === undefined ? undefined : [phase as Phase, end as "from" | "to"];
}

export function boundaryOf(calendar: RoundCalendar, boundary: Boundary): Date | undefined {
  const path = split(boundary);
  if (path) return calendar[path[0]][path[1]];
  return calendar[boundary as "receiptCutoff" | "defenseAt" | "committeeMeetingAt"];
}

export function boundaryTextOf(spec: RoundCalendarSpec, boundary: Boundary): string | undefined {
  const path = split(boundary);
  if (path) return spec[path[0]][path[1]];
  return spec[boundary as "receiptCutoff" | "defenseAt" | "committeeMeetingAt"];
}

export function withBoundary(spec: RoundCalendarSpec, boundary: Boundary, text: string): RoundCalendarSpec {
  const path = split(boundary);
  if (path) return { ...spec, [path[0]]: { ...spec[path[0]], [path[1]]: text } };
  return { ...spec, [boundary]: text };
}
