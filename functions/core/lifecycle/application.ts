import type { Phase, RoundCalendar } from "../calendar";
import type { Role } from "../roles";
import type { ApplicationState } from "./states";

/** The part of an application the lifecycle reads and writes. */
export interface ApplicationSnapshot {
  state: ApplicationState;
  applicantId: string;
  /** R4.4: only senior titles go through paper appraisal. */
  senior: boolean;
  /** R5.3: exceptional promotion (破格) lengthens the unit publicity… */
  exceptionalPromotion: boolean;
  /** …and so does the grassroots validity scope (全省基层有效, R1.2). */
  grassrootsScope: boolean;
  /** R4.3: at most 3. */
  departmentReturns: number;
  /** Submissions so far: which deadline ends the applicant's work on it (R3, R7.9), whatever its state. */
  submissions: number;
  /** The latest unit publicity: who opened it (maker-checker) and when it started (R4.2). */
  unitPublicity?: { openedBy: string; startedAt: Date } | undefined;
  /** R4.5: when the result notice went up. */
  resultNoticeStartedAt?: Date | undefined;
}

export interface Actor {
  id: string;
  role: Role;
}

/** What the guards need besides the application. Facts a caller did not supply make the guard throw. */
export interface LifecycleContext {
  now: Date;
  calendar: RoundCalendar;
  openedPhases: readonly Phase[];
  /** R3.2: the unit has its real-name admin, handler and leader accounts. Needed by unit actions. */
  unitAccountsComplete?: boolean;
  /** DESIGN §7: objections lodged against the current notice and not yet resolved. */
  unresolvedObjections?: number;
  /** Why: returns (R7.9), negative decisions (R5.1) and cancellations (R5.5) must say it. */
  reason?: string;
}
