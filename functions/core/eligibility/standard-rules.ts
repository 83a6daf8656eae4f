import type { Requirement } from "./config";
import type { EligibilityFacts, EligibilityRound } from "./facts";
import { chineseDate, type EligibilityFailure, failure, yearsAndMonths } from "./failure";
import { monthOf, monthsServed } from "./periods";
import { isHigherLevel, TITLE_LEVEL_LABELS } from "./vocabulary";

/** R1.2 and R6.2: the title held and the years in it, counted to the round's reference date. */
export function seniorityRules(
  facts: EligibilityFacts,
  round: EligibilityRound,
  requirement: Requirement,
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const sought = TITLE_LEVEL_LABELS[facts.level];
  const required = TITLE_LEVEL_LABELS[requirement.currentLevel];
  const reference = monthOf(round.seniorityReferenceDate);
  const current = facts.currentTitle;
  if (current === null) {
    failures.push(
      failure(
        "R1.2",
        "CURRENT_TITLE_MISSING",
        `申报${sought}职称须已取得${required}职称，请填写现专业技术资格。`,
      ),
    );
  } else if (isHigherLevel(requirement.currentLevel, current.level)) {
    failures.push(
      failure(
        "R1.2",
        "CURRENT_TITLE_TOO_LOW",
        `申报${sought}职称须已取得${required}及以上职称，您的现职称为${TITLE_LEVEL_LABELS[current.level]}。`,
      ),
    );
  } else if (requirement.minYearsInCurrentTitle !== null) {
    const minMonths = requirement.minYearsInCurrentTitle * 12;
    const start = facts.underPostManagement ? current.appointedIn : current.obtainedIn;
    if (start === null) {
      failures.push(
        failure(
          "R6.2",
          "APPOINTMENT_MONTH_MISSING",
          "纳入事业单位岗位管理的人员，任职年限从聘用当月起计算；请填写现职称的聘用时间。",
        ),
      );
    } else {
      const served = monthsServed(start, reference);
      if (served < minMonths) {
        const basis = facts.underPostManagement ? "自聘用当月起计算" : "自取得职称资格当月起计算";
        failures.push(
          failure(
            "R6.2",
            "TITLE_YEARS_INSUFFICIENT",
            `申报${sought}职称须任${required}职称满${requirement.minYearsInCurrentTitle}年；${basis}，到${chineseDate(round.seniorityReferenceDate)}为${yearsAndMonths(served)}。`,
          ),
        );
      }
    }
  }
  if (requirement.minProfessionalYears !== null) {
    const served =
      facts.professionalWorkSince === null ? 0 : monthsServed(facts.professionalWorkSince, reference);
    if (served < requirement.minProfessionalYears * 12) {
      failures.push(
        failure(
          "R6.2",
          "PROFESSIONAL_YEARS_INSUFFICIENT",
          `申报${sought}职称须从事专业技术工作满${requirement.minProfessionalYears}年；到${chineseDate(round.seniorityReferenceDate)}为${yearsAndMonths(served)}。`,
        ),
      );
    }
  }
  return failures;
}

/** R6.1: only papers obtained by the cutoff count towards the standard's number (R1.2). */
export function paperRule(
  facts: EligibilityFacts,
  round: EligibilityRound,
  requirement: Requirement,
): EligibilityFailure[] {
  const papers = facts.achievements.filter((a) => a.kind === "paper");
  const counted = papers.filter((paper) => paper.obtainedOn <= round.achievementCutoff).length;
  if (counted >= requirement.minPapers) return [];
  const late = papers.length - counted;
  const lateNote =
    late === 0 ? "" : `；另有${late}篇在${chineseDate(round.achievementCutoff)}之后取得，留待下次申报使用`;
  return [
    failure(
      "R6.1",
      "PAPERS_INSUFFICIENT",
      `申报${TITLE_LEVEL_LABELS[facts.level]}职称须有论文${requirement.minPapers}篇，截至${chineseDate(round.achievementCutoff)}取得的论文为${counted}篇${lateNote}。`,
    ),
  ];
}

/** R7.6: below the continuing-education hours, or without the grassroots service, no application. */
export function abilityRules(
  facts: EligibilityFacts,
  round: EligibilityRound,
  requirement: Requirement,
  continuingEducation: { minHoursPerYear: number; years: number },
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const short: string[] = [];
  for (let year = round.year - continuingEducation.years; year < round.year; year++) {
    const hours = facts.continuingEducation
      .filter((record) => record.year === year)
      .reduce((sum, record) => sum + record.hours, 0);
    if (hours < continuingEducation.minHoursPerYear) short.push(`${year}年${hours}学时`);
  }
  if (short.length > 0) {
    failures.push(
      failure(
        "R7.6",
        "CONTINUING_EDUCATION_INSUFFICIENT",
        `继续教育须每年不少于${continuingEducation.minHoursPerYear}学时，未达到学时量的不得申报；不足的年度：${short.join("、")}。`,
      ),
    );
  }
  const minMonths = requirement.minGrassrootsServiceMonths;
  if (minMonths !== null && facts.grassrootsServiceMonths < minMonths) {
    failures.push(
      failure(
        "R7.6",
        "GRASSROOTS_SERVICE_INSUFFICIENT",
        `申报该资格须在基层相应专业技术岗位累计服务或工作${yearsAndMonths(minMonths)}以上，您填写的累计为${yearsAndMonths(facts.grassrootsServiceMonths)}。`,
      ),
    );
  }
  return failures;
}
