import { describe, expect, it } from "vitest";
import {
  DEFAULT_ELIGIBILITY_CONFIG,
  type EligibilityFacts,
  evaluateEligibility,
} from "../../../../functions/core/eligibility";
import { facts, ROUND } from "./eligible-applicant";

const inGansuUnit = {
  kind: "party_school" as const,
  inGansu: true,
  central: false,
  entrustmentApproved: false,
};

// The exact wording is part of the contract: applicants act on it, so a change must be deliberate.
describe("eligibility messages tell the applicant what stands in the way", () => {
  it.each<[string, Partial<EligibilityFacts>, string]>([
    [
      "R1.1",
      { unit: { ...inGansuUnit, inGansu: false } },
      "申报人须在甘肃省内的用人单位从事专业技术工作，省外单位人员请在所在省份申报。",
    ],
    [
      "R1.3",
      { unit: { ...inGansuUnit, kind: "degree_school" } },
      "人力资源培训专业只评价党校（行政学院）、社会主义学院、讲师团、党政群机关职工培训教育机构、企事业单位所属职工培训教育机构的人员；开展学历教育的学校的人员不在本专业评价范围内，请按所从事的专业选择相应的职称系列。",
    ],
    [
      "R1.3",
      { unit: { ...inGansuUnit, kind: "other" } },
      "人力资源培训专业只评价党校（行政学院）、社会主义学院、讲师团、党政群机关职工培训教育机构、企事业单位所属职工培训教育机构的人员；其他单位的人员不在本专业评价范围内，请按所从事的专业选择相应的职称系列。",
    ],
    ["R1.5", { civilServant: true }, "公务员不能申报职称。"],
    ["R1.5", { civilServantManaged: true }, "参照公务员法管理的事业单位工作人员（参公人员）不能申报职称。"],
    ["R1.5", { retired: true }, "离退休人员不能申报职称。"],
    [
      "R1.5",
      { birthDate: "1964-07-02" },
      "按法定退休年龄，您于2024年7月到达退休年龄；2024年内（含此前）到达退休年龄的人员不能申报本年度职称。",
    ],
    [
      "R1.5",
      { sanctions: [{ kind: "government", from: "2024-01-01", until: "2025-01-01" }] },
      "您受到的政务处分2025年1月1日前仍在影响期内，影响期内不得参加职称申报。",
    ],
    [
      "R1.5",
      { sanctions: [{ kind: "party", from: "2024-01-01", until: null }] },
      "您受到的党纪处分影响期尚未结束，影响期内不得参加职称申报。",
    ],
    [
      "R5.5",
      { blacklist: [{ from: "2023-05-06" }] },
      "您因申报弄虚作假已被列入职称申报“黑名单”，2026年5月6日前不得申报职称。",
    ],
    [
      "R5.5",
      {
        blacklist: [{ from: "2023-05-06", ground: "falsified_upload", documentNumber: "甘职改〔2023〕5号" }],
      },
      "您因上传虚假材料已被列入职称申报“黑名单”（甘职改〔2023〕5号），2026年5月6日前不得申报职称。",
    ],
    [
      "R5.5",
      { blacklist: [{ from: "2024-06-01", until: "2029-06-01", ground: "verified_complaint" }] },
      "经投诉举报核实，您已被列入职称申报“黑名单”，2029年6月1日前不得申报职称。",
    ],
    [
      "R5.5",
      {
        blacklist: [{ from: "2022-03-15", ground: "earlier_register", documentNumber: "甘职改〔2022〕3号" }],
      },
      "您在往年的职称申报“黑名单”中（甘职改〔2022〕3号），2025年3月15日前不得申报职称。",
    ],
    [
      "R5.5",
      { blacklist: [{ from: "2024-09-20", ground: "fraud_in_application", cancelledInRound: "2024" }] },
      "您在“2024”轮次的申报因弄虚作假已于2024年9月20日被取消申报资格，并被列入职称申报“黑名单”，2027年9月20日前不得申报职称。",
    ],
    [
      "R2.4",
      { unit: { ...inGansuUnit, central: true } },
      "中央在甘单位人员须由本单位人事（人力资源）部门向省职改办出具委托函，经审核同意后方可在本评委会申报；目前没有已核准的委托。",
    ],
    [
      "R2.5",
      { dispatch: { approved: false } },
      "中央及外省单位的派驻人员原则上不能在我省申报职称；帮扶、挂职等人员须由派出单位向派出地和派驻地省级行业主管部门、人社部门申请，经同意后方可在派驻单位申报。",
    ],
    ["R1.2", { currentTitle: null }, "申报副高级职称须已取得中级职称，请填写现专业技术资格。"],
    [
      "R1.2",
      {
        currentTitle: {
          level: "junior",
          inHrTrainingSeries: true,
          obtainedIn: "2018-06",
          appointedIn: "2019-01",
        },
      },
      "申报副高级职称须已取得中级及以上职称，您的现职称为初级。",
    ],
    ["R1.2", { level: "senior" }, "申报正高级职称须已取得副高级及以上职称，您的现职称为中级。"],
    [
      "R6.2",
      {
        currentTitle: {
          level: "intermediate",
          inHrTrainingSeries: true,
          obtainedIn: "2018-06",
          appointedIn: null,
        },
      },
      "纳入事业单位岗位管理的人员，任职年限从聘用当月起计算；请填写现职称的聘用时间。",
    ],
    [
      "R6.2",
      {
        underPostManagement: false,
        currentTitle: {
          level: "intermediate",
          inHrTrainingSeries: true,
          obtainedIn: "2021-01",
          appointedIn: null,
        },
      },
      "申报副高级职称须任中级职称满5年；自取得职称资格当月起计算，到2024年12月31日为4年。",
    ],
    [
      "R6.4",
      {
        currentTitle: {
          level: "intermediate",
          inHrTrainingSeries: false,
          obtainedIn: "2018-06",
          appointedIn: "2019-01",
        },
      },
      "您的现职称不属于人力资源培训专业，也没有转系列记录；未转系列人员不得跨系列申报高一级职称，请先按规定办理转系列。",
    ],
    [
      "R6.4",
      { seriesChange: { changedOn: "2022-01-01", unitAssessmentPassed: false, newSeriesSince: "2022-01" } },
      "转系列须在岗位发生变化后经单位考核合格；请由单位完成考核后再按新系列条件申报。",
    ],
    [
      "R6.4",
      { seriesChange: { changedOn: "2024-01-15", unitAssessmentPassed: true, newSeriesSince: "2023-01" } },
      "您于2024年1月15日转系列，转系列当年度不得申报高一级职称。",
    ],
    [
      "R6.4",
      { seriesChange: { changedOn: "2023-12-01", unitAssessmentPassed: true, newSeriesSince: "2024-06" } },
      "转系列人员须在新系列聘任（用）满1年以上方可申报高一级职称；计算到2024年12月31日，您在新系列聘任（用）7个月。",
    ],
    [
      "R6.1",
      { achievements: [{ kind: "paper", obtainedOn: "2022-03-01" }] },
      "申报副高级职称须有论文2篇，截至2024年9月30日取得的论文为1篇。",
    ],
    [
      "R7.6",
      { continuingEducation: [] },
      "继续教育须每年不少于90学时，未达到学时量的不得申报；不足的年度：2019年0学时、2020年0学时、2021年0学时、2022年0学时、2023年0学时。",
    ],
  ])("%s: %s", (rule, change, message) => {
    expect(evaluateEligibility(facts(change), ROUND, "2024-10-08")).toEqual([
      { rule, code: expect.any(String), message },
    ]);
  });

  it.each([
    ["R1.2", "本评委会不受理“全省基层有效”正高级职称的破格申报，请核对申报资格、有效范围和申报方式。"],
  ])("%s: a combination not offered", (rule, message) => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, requirements: [] };
    const applicant = facts({
      scope: "grassroots",
      level: "senior",
      method: "exceptional",
      currentTitle: {
        level: "associate_senior",
        inHrTrainingSeries: true,
        obtainedIn: "2018-06",
        appointedIn: "2019-01",
      },
    });
    expect(evaluateEligibility(applicant, ROUND, "2024-10-08", config)).toEqual([
      { rule, code: "QUALIFICATION_NOT_OFFERED", message },
    ]);
  });

  it("R1.5 the message when the retirement table has no row", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, retirement: [] };
    expect(evaluateEligibility(facts(), ROUND, "2024-10-08", config)).toEqual([
      {
        rule: "R1.5",
        code: "RETIREMENT_AGE_UNKNOWN",
        message:
          "退休年龄表中没有适用于您的出生日期、性别和岗位类型的规定，无法确认您是否已到退休年龄，请联系省职改办。",
      },
    ]);
  });

  it("R1.2 the message names a regular application that is not offered", () => {
    const config = { ...DEFAULT_ELIGIBILITY_CONFIG, requirements: [] };
    expect(evaluateEligibility(facts(), ROUND, "2024-10-08", config)[0]?.message).toBe(
      "本评委会不受理“全省有效”副高级职称的正常申报，请核对申报资格、有效范围和申报方式。",
    );
  });

  it("R6.2 without a seniority minimum the appointment month is not asked for", () => {
    const applicant = facts({
      method: "exceptional",
      currentTitle: {
        level: "intermediate",
        inHrTrainingSeries: true,
        obtainedIn: "2018-06",
        appointedIn: null,
      },
    });
    expect(evaluateEligibility(applicant, ROUND, "2024-10-08")).toEqual([]);
  });

  it("R7.6 the grassroots message gives both durations", () => {
    const config = {
      ...DEFAULT_ELIGIBILITY_CONFIG,
      requirements: DEFAULT_ELIGIBILITY_CONFIG.requirements.map((r) => ({
        ...r,
        minGrassrootsServiceMonths: 12,
      })),
    };
    expect(evaluateEligibility(facts({ grassrootsServiceMonths: 8 }), ROUND, "2024-10-08", config)).toEqual([
      {
        rule: "R7.6",
        code: "GRASSROOTS_SERVICE_INSUFFICIENT",
        message: "申报该资格须在基层相应专业技术岗位累计服务或工作1年以上，您填写的累计为8个月。",
      },
    ]);
  });

  it("R6.2 the total-years message", () => {
    const config = {
      ...DEFAULT_ELIGIBILITY_CONFIG,
      requirements: DEFAULT_ELIGIBILITY_CONFIG.requirements.map((r) => ({ ...r, minProfessionalYears: 20 })),
    };
    expect(evaluateEligibility(facts(), ROUND, "2024-10-08", config)).toEqual([
      {
        rule: "R6.2",
        code: "PROFESSIONAL_YEARS_INSUFFICIENT",
        message: "申报副高级职称须从事专业技术工作满20年；到2024年12月31日为19年6个月。",
      },
    ]);
  });

  it("R6.4 without a current title, a series change in the round's year still blocks a higher title", () => {
    const applicant = facts({
      currentTitle: null,
      seriesChange: { changedOn: "2024-02-01", unitAssessmentPassed: true, newSeriesSince: "2023-01" },
    });
    expect(evaluateEligibility(applicant, ROUND, "2024-10-08").map((f) => f.code)).toEqual([
      "SERIES_CHANGE_SAME_YEAR",
      "CURRENT_TITLE_MISSING",
    ]);
  });
});
