export { decideReset, type ResetDecision, type ResetRequest, type ResetSituation } from "./reset-policy";
