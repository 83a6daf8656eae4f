import type { EligibilityFacts, EligibilityRound } from "./facts";
import { chineseDate, type EligibilityFailure, failure, yearsAndMonths } from "./failure";
import { monthOf, monthsServed } from "./periods";
import { isHigherLevel } from "./vocabulary";

const MIN_MONTHS_IN_NEW_SERIES = 12;

/** R6.4: a series change needs a passed assessment, and delays a higher title by a year. */
export function seriesChangeRules(facts: EligibilityFacts, round: EligibilityRound): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  const change = facts.seriesChange;
  const current = facts.currentTitle;
  const seeksHigher = current === null || isHigherLevel(facts.level, current.level);
  if (change === null) {
    if (current !== null && !current.inHrTrainingSeries && seeksHigher) {
      failures.push(
        failure(
          "R6.4",
          "CROSS_SERIES_WITHOUT_CHANGE",
          "您的现职称不属于人力资源培训专业，也没有转系列记录；未转系列人员不得跨系列申报高一级职称，请先按规定办理转系列。",
        ),
      );
    }
    return failures;
  }
  if (!change.unitAssessmentPassed) {
    failures.push(
      failure(
        "R6.4",
        "SERIES_CHANGE_NOT_ASSESSED",
        "转系列须在岗位发生变化后经单位考核合格；请由单位完成考核后再按新系列条件申报。",
      ),
    );
  }
  if (!seeksHigher) return failures;
  if (Number(change.changedOn.slice(0, 4)) === round.year) {
    failures.push(
      failure(
        "R6.4",
        "SERIES_CHANGE_SAME_YEAR",
        `您于${chineseDate(change.changedOn)}转系列，转系列当年度不得申报高一级职称。`,
      ),
    );
  }
  const served = monthsServed(change.newSeriesSince, monthOf(round.seniorityReferenceDate));
  if (served < MIN_MONTHS_IN_NEW_SERIES) {
    failures.push(
      failure(
        "R6.4",
        "SERIES_CHANGE_TOO_RECENT",
        `转系列人员须在新系列聘任（用）满1年以上方可申报高一级职称；计算到${chineseDate(round.seniorityReferenceDate)}，您在新系列${served === 0 ? "尚未聘任（用）" : `聘任（用）${yearsAndMonths(served)}`}。`,
      ),
    );
  }
  return failures;
}
