export {
  calendarDaysNoticeEnd,
  isNoticeSatisfied,
  NOTICE_DEFAULTS,
  type NoticeLength,
  type NoticeSettings,
  noticeEnd,
  noticeSettingsSchema,
  resultNoticeLength,
  unitPublicityLength,
  workingDaysNoticeEnd,
} from "./notices";
export { isPhaseOpen, openPhaseAt } from "./phases";
export { addDays, isPlainDate, type PlainDate, plainDateSchema } from "./plain-date";
export { ROUND_2024_CALENDAR_SPEC } from "./round-2024";
export {
  type Interval,
  PHASE_LABELS,
  PHASES,
  type Phase,
  parseRoundCalendar,
  type RoundCalendar,
  type RoundCalendarSpec,
  roundCalendarSchema,
  storedRoundCalendar,
} from "./round-calendar";
export {
  dueTransitions,
  IN_FLIGHT_GRACE_MS,
  nextBoundary,
  type RoundProgress,
  type RoundTransition,
} from "./round-workflow";
export {
  BOUNDARY_FORMAT_MESSAGE,
  boundaryTextSchema,
  canonicalBoundary,
  formatShanghai,
  parseBoundary,
  shanghai,
  shanghaiDateOf,
  wallTimeSchema,
} from "./shanghai-time";
export {
  type Activity,
  activityDeadline,
  assertBeforeDeadline,
  assertWindowOpen,
  type Deadline,
  isWindowOpen,
  receiptDeadline,
} from "./windows";
export { isWorkingDay } from "./working-days";
