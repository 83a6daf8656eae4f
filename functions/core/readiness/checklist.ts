import { ruleViolation } from "../errors";
import type { SectionId, SlotId } from "../forms";

/** Where an item shows: the base information, one of the five sections, or the pledge. */
export type ChecklistSection = "base_info" | SectionId | "pledge";

export type ReadinessCode =
  | "BASE_INFO_MISSING"
  | "SECTION_MISSING"
  | "SECTION_NOT_CONFIRMED"
  | "FIELD_INVALID"
  | "PLEDGE_NOT_SIGNED"
  | "ANNUAL_ASSESSMENT_NOT_FILLED"
  | "ACHIEVEMENT_AFTER_CUTOFF"
  | "PAPER_DUPLICATE_RATIO_EXCEEDED"
  | "THINK_TANK_NEUTRAL_INSTRUCTION"
  | "EVIDENCE_MISSING"
  | "EVIDENCE_TOO_MANY"
  | "EVIDENCE_PENDING"
  | "EVIDENCE_TYPE_NOT_ACCEPTED"
  | "EVIDENCE_NOT_EXPECTED"
  | "REPRESENTATIVE_PAPERS_NOT_DESIGNATED"
  | "REPRESENTATIVE_PAPER_INVALID";

/** One thing to fix before submitting. */
export interface ChecklistItem {
  rule: string;
  code: ReadinessCode;
  message: string;
  /** Dotted path of the offending field, e.g. `achievements.papers.0.duplicateRatio`. */
  field?: string;
  /** The list item or year an evidence item is about. */
  index?: number;
  year?: number;
}

export interface SlotGroup {
  slotId: SlotId;
  title: string;
  items: ChecklistItem[];
}

export interface SectionGroup {
  section: ChecklistSection;
  title: string;
  /** Items about the section's content. */
  items: ChecklistItem[];
  /** Items about its uploads, slot by slot in the order of the form. */
  slots: SlotGroup[];
}

/** Only sections with something to fix appear, in the order of the form. */
export interface Checklist {
  sections: SectionGroup[];
}

/** R7.3: submission is allowed only when nothing is left to fix. */
export function isReady(checklist: Checklist): boolean {
  return checklist.sections.length === 0;
}

/**
 * For the submit action: a 422 naming R7.3 whose fields point at every item of the checklist, each
 * with the rule it breaks and its code — an achievement after the cutoff names R6.1, not only R7.3.
 */
export function assertReady(checklist: Checklist): void {
  if (isReady(checklist)) return;
  const issue = (path: string, item: ChecklistItem) => ({
    path,
    message: item.message,
    rule: item.rule,
    code: item.code,
  });
  const fields = checklist.sections.flatMap((group) => [
    ...group.items.map((item) => issue(item.field ?? group.section, item)),
    ...group.slots.flatMap((slot) => slot.items.map((item) => issue(`evidence.${slot.slotId}`, item))),
  ]);
  throw ruleViolation(
    "R7.3",
    "APPLICATION_NOT_READY",
    `申报材料还有${fields.length}处需要补充或修改，请按检查清单逐项处理后再提交。`,
    fields,
  );
}
