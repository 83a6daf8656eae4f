export type AppraisalVerdict = "pass" | "fail";

/**
 * How the experts' verdicts on the two representative papers (R4.4) decide the appraisal. The notice
 * leaves it to the organiser; the default is a simple majority of the assigned experts.
 */
export type AppraisalPassRule =
  | { kind: "majority" }
  | { kind: "unanimous" }
  | { kind: "at_least"; passes: number };

export const DEFAULT_APPRAISAL = {
  expertsPerApplication: 3,
  passRule: { kind: "majority" } as AppraisalPassRule,
};

export interface AppraisalOutcome {
  decided: boolean;
  passed: boolean;
  passes: number;
  fails: number;
  pending: number;
}

/** Undecided while a verdict is missing, unless the missing ones can no longer change the result. */
export function appraisalOutcome(
  verdicts: readonly (AppraisalVerdict | undefined)[],
  rule: AppraisalPassRule = DEFAULT_APPRAISAL.passRule,
): AppraisalOutcome {
  const passes = verdicts.filter((verdict) => verdict === "pass").length;
  const fails = verdicts.filter((verdict) => verdict === "fail").length;
  const pending = verdicts.length - passes - fails;
  const needed =
    rule.kind === "majority"
      ? Math.floor(verdicts.length / 2) + 1
      : rule.kind === "unanimous"
        ? verdicts.length
        : rule.passes;
  if (passes >= needed) return { decided: true, passed: true, passes, fails, pending };
  if (passes + pending < needed) return { decided: true, passed: false, passes, fails, pending };
  return { decided: false, passed: false, passes, fails, pending };
}
