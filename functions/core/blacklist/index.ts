export {
  type BlacklistEntryInput,
  blacklistEntryInputSchema,
  checkBlacklistRows,
  decisionDateIssue,
  decisionKey,
  type RowIssue,
} from "./entry-input";
export { BLACKLIST_GROUND_LABELS, BLACKLIST_GROUNDS, type BlacklistGround } from "./grounds";
export { blacklistPeriod, type DecidedPeriod } from "./period";
