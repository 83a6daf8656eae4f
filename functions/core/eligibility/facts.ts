import type { BlacklistGround } from "../blacklist/grounds";
import type { PlainDate } from "../calendar/plain-date";
import type { Gender } from "../identity";
import type { PlainMonth } from "./periods";
import type {
  ApplicationMethod,
  EmploymentKind,
  RetirementPostType,
  SoughtLevel,
  TitleLevel,
  UnitKind,
  ValidityScope,
} from "./vocabulary";

/** Periods are half-open: `from` is the first day inside, `until` the first day outside again. */
export interface Sanction {
  kind: "party" | "government";
  from: PlainDate;
  /** null: the effect period has no end on record, so the sanction keeps counting. */
  until: PlainDate | null;
}

export interface BlacklistEntry {
  from: PlainDate;
  /** Absent: the standard period of the configuration (3 years, R5.5) from `from`. */
  until?: PlainDate;
  /** Why the person is listed; the message names it (absent: fraud found in an application). */
  ground?: BlacklistGround;
  documentNumber?: string;
  /** The round whose application was cancelled for the fraud, when a cancellation decided the entry. */
  cancelledInRound?: string;
}

export interface CurrentTitle {
  level: TitleLevel;
  /** Whether the title belongs to the 人力资源培训 series (R6.4 compares series). */
  inHrTrainingSeries: boolean;
  obtainedIn: PlainMonth;
  /** Month of appointment to the post; counts instead of `obtainedIn` under post management (R6.2). */
  appointedIn: PlainMonth | null;
}

/** A change into this series from another one (R6.4). */
export interface SeriesChange {
  changedOn: PlainDate;
  /** The unit assessed the applicant after the post change and passed them. */
  unitAssessmentPassed: boolean;
  /** First month employed in a post of the new series. */
  newSeriesSince: PlainMonth;
}

export type AchievementKind = "paper" | "monograph" | "project" | "award" | "think_tank" | "other";

/** Everything the rules need about one applicant; the caller assembles it from the records. */
export interface EligibilityFacts {
  scope: ValidityScope;
  level: SoughtLevel;
  method: ApplicationMethod;
  unit: {
    kind: UnitKind;
    inGansu: boolean;
    /** A central (中央在甘) research institute or state-owned enterprise (R2.4). */
    central: boolean;
    entrustmentApproved: boolean;
  };
  employment: EmploymentKind;
  /** Staff of a public institution under post management (岗位管理): seniority counts from appointment. */
  underPostManagement: boolean;
  civilServant: boolean;
  /** Staff of a unit managed under the Civil Servant Law (参公). */
  civilServantManaged: boolean;
  retired: boolean;
  birthDate: PlainDate;
  gender: Gender;
  retirementPostType: RetirementPostType;
  sanctions: readonly Sanction[];
  blacklist: readonly BlacklistEntry[];
  /** Posted here by a central or other-province unit (R2.5); null when not dispatched. */
  dispatch: { approved: boolean } | null;
  seriesChange: SeriesChange | null;
  currentTitle: CurrentTitle | null;
  /** First month of professional technical work, for the total years (R6.2). */
  professionalWorkSince: PlainMonth | null;
  continuingEducation: readonly { year: number; hours: number }[];
  grassrootsServiceMonths: number;
  achievements: readonly { kind: AchievementKind; obtainedOn: PlainDate }[];
}

/** The dates of the round the rules measure against (for 2024: cutoff 2024-09-30, reference 2024-12-31). */
export interface EligibilityRound {
  year: number;
  achievementCutoff: PlainDate;
  seniorityReferenceDate: PlainDate;
}
