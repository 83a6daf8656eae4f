import type * as z from "zod/mini";
import type { PlainDate } from "../calendar/plain-date";
import {
  baseInfoSchema,
  REPRESENTATIVE_PAPER_SLOT,
  SECTION_IDS,
  SECTION_SCHEMAS,
  SECTION_TITLES,
  type SectionId,
  SLOT_CATALOGUE,
  type SlotContext,
  type SlotDefinition,
  type SlotId,
} from "../forms";
import type { Checklist, ChecklistItem, ChecklistSection, SectionGroup, SlotGroup } from "./checklist";
import { abilityContent, achievementsContent } from "./content-check";
import { checkSlot, type EvidenceRecord } from "./evidence-check";
import { representativePaperItems } from "./representative-papers";

/** An application as stored: the parts are raw, because drafts are re-checked against today's schemas. */
export interface ApplicationDraft {
  baseInfo: unknown;
  sections: { [Section in SectionId]?: unknown };
  confirmedSections: readonly SectionId[];
  /** The integrity pledge (诚信承诺书, R4.1). */
  pledgeSigned: boolean;
  /** R4.4: the uploads the applicant designated as representative papers, by evidence id. */
  representativePapers: readonly string[];
}

export interface ReadinessContext extends SlotContext {
  achievementCutoff: PlainDate;
}

/** The rule whose content each part of the form carries. */
const CONTENT_RULES: Record<"base_info" | SectionId, string> = {
  base_info: "R7.1",
  basic: "R7.4",
  moral: "R7.5",
  ability: "R7.6",
  achievements: "R7.7",
  summary: "R7.8",
};

type SectionReview = (
  raw: unknown,
  evidence: readonly EvidenceRecord[],
  context: ReadinessContext,
  application: ApplicationDraft,
) => {
  items: ChecklistItem[];
  slots: SlotGroup[];
};

/** What a section's content check may consult besides the section: the uploads and what they say. */
interface ContentFacts {
  evidence: readonly EvidenceRecord[];
  application: ApplicationDraft;
  /** The section's slots that still have something to fix. */
  slots: readonly SlotGroup[];
}

function fieldIssues(part: "base_info" | SectionId, error: z.core.$ZodError): ChecklistItem[] {
  return error.issues.map((issue) => ({
    rule: CONTENT_RULES[part],
    code: "FIELD_INVALID",
    message: issue.message,
    field: [part, ...issue.path.map(String)].join("."),
  }));
}

/** Validates a section, then its content and its uploads; uploads of an invalid section wait for the fix. */
function review<Data>(
  section: SectionId,
  schema: z.ZodMiniType<Data>,
  slots: readonly (SlotDefinition<Data> & { id: SlotId })[],
  content: (data: Data, context: ReadinessContext, facts: ContentFacts) => ChecklistItem[],
): SectionReview {
  return (raw, evidence, context, application) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { items: fieldIssues(section, parsed.error), slots: [] };
    const open = slots
      .map((slot) => ({
        slotId: slot.id,
        title: slot.title,
        items: checkSlot(
          slot,
          slot.instances(parsed.data, context),
          evidence.filter((record) => record.slotId === slot.id),
        ),
      }))
      .filter((group) => group.items.length > 0);
    return { items: content(parsed.data, context, { evidence, application, slots: open }), slots: open };
  };
}

const REVIEWS: Record<SectionId, SectionReview> = {
  basic: review("basic", SECTION_SCHEMAS.basic, SLOT_CATALOGUE.basic, () => []),
  moral: review("moral", SECTION_SCHEMAS.moral, SLOT_CATALOGUE.moral, () => []),
  ability: review("ability", SECTION_SCHEMAS.ability, SLOT_CATALOGUE.ability, (data, context) =>
    abilityContent(data, context.roundYear),
  ),
  achievements: review(
    "achievements",
    SECTION_SCHEMAS.achievements,
    SLOT_CATALOGUE.achievements,
    (data, context, facts) => [
      ...achievementsContent(data, context.achievementCutoff),
      // Every level this committee reviews is a senior title, which goes to paper appraisal (R4.4).
      ...representativePaperItems(
        data.papers,
        facts.application.representativePapers,
        facts.evidence,
        !facts.slots.some((group) => group.slotId === REPRESENTATIVE_PAPER_SLOT),
      ),
    ],
  ),
  summary: review("summary", SECTION_SCHEMAS.summary, SLOT_CATALOGUE.summary, () => []),
};

function group(
  section: ChecklistSection,
  title: string,
  items: ChecklistItem[],
  slots: SlotGroup[] = [],
): SectionGroup {
  return { section, title, items, slots };
}

/**
 * R7.3: everything that stands between the application and its submission, grouped by section and slot,
 * so that the applicant sees exactly what to add, remove or correct, and where.
 */
export function readinessChecklist(
  application: ApplicationDraft,
  evidence: readonly EvidenceRecord[],
  context: ReadinessContext,
): Checklist {
  const groups: SectionGroup[] = [];
  if (application.baseInfo === null || application.baseInfo === undefined) {
    groups.push(
      group("base_info", "基础信息", [
        {
          rule: "R7.1",
          code: "BASE_INFO_MISSING",
          message: "请先填写基础信息（姓名、单位名称、申报方式、申报系列、申报资格、申报专业、有效范围）",
        },
      ]),
    );
  } else {
    const parsed = baseInfoSchema.safeParse(application.baseInfo);
    if (!parsed.success) groups.push(group("base_info", "基础信息", fieldIssues("base_info", parsed.error)));
  }
  for (const section of SECTION_IDS) {
    const title = SECTION_TITLES[section];
    const raw = application.sections[section];
    if (raw === undefined || raw === null) {
      groups.push(
        group(section, title, [
          {
            rule: "R7.2",
            code: "SECTION_MISSING",
            message: `“${title}”尚未填写，请填写并确认`,
            field: section,
          },
        ]),
      );
      continue;
    }
    const { items, slots } = REVIEWS[section](raw, evidence, context, application);
    if (!application.confirmedSections.includes(section)) {
      items.push({
        rule: "R7.2",
        code: "SECTION_NOT_CONFIRMED",
        message: `请核对“${title}”的信息，确认无误后点击确认`,
        field: section,
      });
    }
    if (items.length > 0 || slots.length > 0) groups.push(group(section, title, items, slots));
  }
  if (!application.pledgeSigned) {
    groups.push(
      group("pledge", "诚信承诺书", [
        {
          rule: "R4.1",
          code: "PLEDGE_NOT_SIGNED",
          message: "请签署申报诚信承诺书；填写信息或上传材料弄虚作假的，将列入“黑名单”，三年内不得申报职称",
        },
      ]),
    );
  }
  return { sections: groups };
}
