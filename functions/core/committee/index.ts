export {
  type Attendance,
  assertQuorum,
  type Ballot,
  countVotes,
  hasQuorum,
  type VoteCount,
} from "./committee-vote";
export {
  type DuplicateCheck,
  duplicateCheckProblems,
  type RecordedDuplicateCheck,
  recordedDuplicateChecks,
} from "./duplicate-checks";
export {
  type Appraisee,
  type Assignment,
  assignExperts,
  type ConflictKind,
  checkManualAssignment,
  conflictOf,
  EXCLUSION_MESSAGES,
  type Exclusion,
  type Expert,
} from "./expert-assignment";
export {
  type AppraisalOutcome,
  type AppraisalPassRule,
  type AppraisalVerdict,
  appraisalOutcome,
  DEFAULT_APPRAISAL,
} from "./paper-appraisal";
