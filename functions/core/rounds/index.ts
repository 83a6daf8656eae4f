export { BOUNDARIES, BOUNDARY_LABELS, type Boundary } from "./boundaries";
export {
  amendCalendar,
  type CalendarAmendment,
  type CalendarChanges,
  calendarChangesSchema,
  type MovedBoundary,
} from "./calendar-amendment";
export {
  type CalendarInput,
  calendarInputSchema,
  canonicalCalendar,
  defineRound,
  type RoundDefinition,
  roundDefinitionSchema,
  roundIdSchema,
  yearOf,
} from "./round-definition";
export {
  ROUND_STATE_LABELS,
  ROUND_STATES,
  type RoundStanding,
  type RoundState,
  roundInForeground,
  roundState,
} from "./round-state";
