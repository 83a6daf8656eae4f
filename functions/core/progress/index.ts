export {
  addCounts,
  countIn,
  type ProgressFigures,
  progressFigures,
  type StateCounts,
  transitionDelta,
  WAITING_FOR_DEPARTMENT,
  WAITING_FOR_UNIT,
} from "./state-counts";
