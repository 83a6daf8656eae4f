import { describe, expect, it } from "vitest";
import { ACTIONS, type Action } from "../../../../functions/core/lifecycle";
import {
  notificationsFor,
  TRANSITION_NOTICES,
  type TransitionFacts,
} from "../../../../functions/core/notifications";

const CUTOFF = new Date("2024-11-05T00:00:00+08:00");
const facts = (action: Action, overrides: Partial<TransitionFacts> = {}): TransitionFacts => ({
  action,
  roundId: "2024",
  applicationId: "app-1",
  applicantId: "acc-applicant",
  unitId: "unit-1",
  applicantName: "王二",
  reason: "请补充继续教育证明，联系电话13912345678",
  reviewCutoff: CUTOFF,
  departmentReturns: 2,
  testData: false,
  ...overrides,
});

const APPLICANT = { kind: "account", accountId: "acc-applicant" };
const UNIT_HANDLERS = { kind: "org_role", orgId: "unit-1", role: "unit_handler" };

describe("which state changes notify whom (DESIGN.md §7a)", () => {
  it.each([
    ["R7.9 a unit return: the applicant", "return_by_unit", [["unit_return", APPLICANT]]],
    [
      "R4.3 a department return: the applicant and the unit's handlers",
      "return_by_department",
      [
        ["department_return", APPLICANT],
        ["department_return_to_unit", UNIT_HANDLERS],
      ],
    ],
    ["R4.4 qualification passed", "pass_qualification", [["qualification_passed", APPLICANT]]],
    ["R5.1 qualification failed", "fail_qualification", [["qualification_failed", APPLICANT]]],
    ["R4.4 appraisal passed", "pass_appraisal", [["appraisal_passed", APPLICANT]]],
    ["R4.4 appraisal failed", "fail_appraisal", [["appraisal_failed", APPLICANT]]],
    ["R8.1 committee approved", "approve", [["committee_approved", APPLICANT]]],
    ["R8.1 committee rejected", "reject", [["committee_rejected", APPLICANT]]],
    ["R4.6 certificate ready", "certify", [["certificate_ready", APPLICANT]]],
  ] as const)("%s", (_, action, expected) => {
    expect(notificationsFor(facts(action)).map((intent) => [intent.template, intent.recipient])).toEqual(
      expected,
    );
  });

  it("every other action notifies nobody: the person follows it in the timeline", () => {
    const silent = ACTIONS.filter((action) => TRANSITION_NOTICES[action] === undefined);
    expect(silent).toEqual(
      expect.arrayContaining([
        "submit",
        "resubmit",
        "withdraw",
        "open_publicity",
        "recommend",
        "receive",
        "expire",
      ]),
    );
    for (const action of silent) expect(notificationsFor(facts(action))).toEqual([]);
  });

  it("a return says until when to resubmit, how many department returns so far, and the reason without the phone in it", () => {
    const [toApplicant, toUnit] = notificationsFor(facts("return_by_department"));
    expect(toApplicant?.params).toEqual({
      roundId: "2024",
      applicationId: "app-1",
      reason: "请补充继续教育证明，联系电话［电话已隐去］",
      deadline: CUTOFF.toISOString(),
      returns: 2,
    });
    // The unit is told whose application it is; the applicant is not told their own name twice.
    expect(toUnit?.params).toMatchObject({ applicantName: "王二", deadline: CUTOFF.toISOString() });
    expect(toApplicant?.params.applicantName).toBeUndefined();
  });

  it("decisions carry no deadline; a rehearsal's notifications are marked as test data (R3.5)", () => {
    const [decision] = notificationsFor(facts("pass_qualification", { reason: "  ", testData: true }));
    expect(decision?.params).toEqual({ roundId: "2024", applicationId: "app-1", testData: true });
  });
});
