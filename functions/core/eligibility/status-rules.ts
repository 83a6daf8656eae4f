import type { BlacklistGround } from "../blacklist/grounds";
import type { PlainDate } from "../calendar/plain-date";
import type { EligibilityConfig } from "./config";
import type { BlacklistEntry, EligibilityFacts, EligibilityRound } from "./facts";
import { chineseDate, chineseMonth, type EligibilityFailure, failure } from "./failure";
import { addYears } from "./periods";
import { statutoryRetirementMonth } from "./retirement";
import { UNIT_KIND_LABELS, UNIT_KINDS_IN_SCOPE } from "./vocabulary";

/** R1.1 and R1.3; contract staff of those units are not singled out, they apply on equal terms (R1.4). */
export function unitRules(facts: EligibilityFacts): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  if (!facts.unit.inGansu) {
    failures.push(
      failure(
        "R1.1",
        "UNIT_NOT_IN_GANSU",
        "申报人须在甘肃省内的用人单位从事专业技术工作，省外单位人员请在所在省份申报。",
      ),
    );
  }
  if (!UNIT_KINDS_IN_SCOPE.includes(facts.unit.kind)) {
    const inScope = UNIT_KINDS_IN_SCOPE.map((kind) => UNIT_KIND_LABELS[kind]).join("、");
    failures.push(
      failure(
        "R1.3",
        "UNIT_NOT_IN_SCOPE",
        `人力资源培训专业只评价${inScope}的人员；${UNIT_KIND_LABELS[facts.unit.kind]}的人员不在本专业评价范围内，请按所从事的专业选择相应的职称系列。`,
      ),
    );
  }
  return failures;
}

/** R1.5: who may never apply, or not in this round. */
export function personalStatusRules(
  facts: EligibilityFacts,
  round: EligibilityRound,
  today: PlainDate,
  config: EligibilityConfig,
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  if (facts.civilServant) {
    failures.push(failure("R1.5", "CIVIL_SERVANT", "公务员不能申报职称。"));
  }
  if (facts.civilServantManaged) {
    failures.push(
      failure(
        "R1.5",
        "CIVIL_SERVANT_MANAGED_STAFF",
        "参照公务员法管理的事业单位工作人员（参公人员）不能申报职称。",
      ),
    );
  }
  if (facts.retired) {
    failures.push(failure("R1.5", "RETIRED", "离退休人员不能申报职称。"));
  } else {
    failures.push(...retirementAgeRule(facts, round, config));
  }
  for (const sanction of facts.sanctions) {
    if (sanction.from <= today && (sanction.until === null || today < sanction.until)) {
      const kind = sanction.kind === "party" ? "党纪" : "政务";
      const end = sanction.until === null ? "影响期尚未结束" : `${chineseDate(sanction.until)}前仍在影响期内`;
      failures.push(
        failure(
          "R1.5",
          "DISCIPLINARY_SANCTION_ACTIVE",
          `您受到的${kind}处分${end}，影响期内不得参加职称申报。`,
        ),
      );
    }
  }
  return failures;
}

function retirementAgeRule(
  facts: EligibilityFacts,
  round: EligibilityRound,
  config: EligibilityConfig,
): EligibilityFailure[] {
  const month = statutoryRetirementMonth(
    facts.birthDate,
    facts.gender,
    facts.retirementPostType,
    config.retirement,
  );
  if (month === undefined) {
    return [
      failure(
        "R1.5",
        "RETIREMENT_AGE_UNKNOWN",
        "退休年龄表中没有适用于您的出生日期、性别和岗位类型的规定，无法确认您是否已到退休年龄，请联系省职改办。",
      ),
    ];
  }
  if (Number(month.slice(0, 4)) > round.year) return [];
  return [
    failure(
      "R1.5",
      "RETIREMENT_AGE_REACHED",
      `按法定退休年龄，您于${chineseMonth(month)}到达退休年龄；${round.year}年内（含此前）到达退休年龄的人员不能申报本年度职称。`,
    ),
  ];
}

/** An entry with its end worked out: the decision's own, or the configured years from its start. */
function withEnd(entry: BlacklistEntry, years: number): BlacklistEntry & { until: PlainDate } {
  return { ...entry, until: entry.until ?? addYears(entry.from, years) };
}

/** The entry in force on `today` that ends last: the day it ends is the day the person may apply again. */
function longestInForce(
  entries: readonly BlacklistEntry[],
  today: PlainDate,
  config: EligibilityConfig,
): (BlacklistEntry & { until: PlainDate }) | undefined {
  return entries
    .map((entry) => withEnd(entry, config.blacklistYears))
    .filter((entry) => entry.from <= today && today < entry.until)
    .reduce<(BlacklistEntry & { until: PlainDate }) | undefined>(
      (longest, entry) => (longest === undefined || entry.until > longest.until ? entry : longest),
      undefined,
    );
}

const BLACKLIST_CAUSES: Readonly<Record<BlacklistGround, string>> = {
  fraud_in_application: "您因申报弄虚作假已被列入",
  falsified_upload: "您因上传虚假材料已被列入",
  verified_complaint: "经投诉举报核实，您已被列入",
  earlier_register: "您在往年的",
};

function blacklistFailure(entry: BlacklistEntry & { until: PlainDate }): EligibilityFailure {
  const document = entry.documentNumber ? `（${entry.documentNumber}）` : "";
  const end = `${chineseDate(entry.until)}前不得申报职称。`;
  if (entry.cancelledInRound !== undefined) {
    return failure(
      "R5.5",
      "BLACKLISTED",
      `您在“${entry.cancelledInRound}”轮次的申报因弄虚作假已于${chineseDate(entry.from)}被取消申报资格，并被列入职称申报“黑名单”${document}，${end}`,
    );
  }
  const cause = BLACKLIST_CAUSES[entry.ground ?? "fraud_in_application"];
  const listed = entry.ground === "earlier_register" ? "职称申报“黑名单”中" : "职称申报“黑名单”";
  return failure("R5.5", "BLACKLISTED", `${cause}${listed}${document}，${end}`);
}

/**
 * R5.5, R7.3: a listed person may not apply while an entry is in force, whatever its ground and in
 * any round; the answer names the day the last entry in force ends. An expired entry bars nothing.
 */
export function blacklistRule(
  facts: EligibilityFacts,
  today: PlainDate,
  config: EligibilityConfig,
): EligibilityFailure[] {
  const longest = longestInForce(facts.blacklist, today, config);
  return longest ? [blacklistFailure(longest)] : [];
}

/**
 * Whether the blacklist keeps the person from submitting on every day left in a round, up to the
 * last day of its application window: then starting an application there is pointless, and the
 * answer says why and until when (R5.5). Entries never start after the day they are recorded, so
 * the one in force today that ends last decides.
 */
export function blacklistBarsRound(
  entries: readonly BlacklistEntry[],
  today: PlainDate,
  lastApplicationDay: PlainDate,
  config: EligibilityConfig,
): EligibilityFailure | undefined {
  const longest = longestInForce(entries, today, config);
  return longest && longest.until > lastApplicationDay ? blacklistFailure(longest) : undefined;
}

/** R2.4 and R2.5: who may apply here only with an approval on file. */
export function channelRules(facts: EligibilityFacts): EligibilityFailure[] {
  const failures: EligibilityFailure[] = [];
  if (facts.unit.central && !facts.unit.entrustmentApproved) {
    failures.push(
      failure(
        "R2.4",
        "CENTRAL_UNIT_NOT_ENTRUSTED",
        "中央在甘单位人员须由本单位人事（人力资源）部门向省职改办出具委托函，经审核同意后方可在本评委会申报；目前没有已核准的委托。",
      ),
    );
  }
  if (facts.dispatch !== null && !facts.dispatch.approved) {
    failures.push(
      failure(
        "R2.5",
        "DISPATCHED_WITHOUT_APPROVAL",
        "中央及外省单位的派驻人员原则上不能在我省申报职称；帮扶、挂职等人员须由派出单位向派出地和派驻地省级行业主管部门、人社部门申请，经同意后方可在派驻单位申报。",
      ),
    );
  }
  return failures;
}
