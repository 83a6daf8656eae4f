export {
  type AbilitySection,
  ANNUAL_ASSESSMENT_YEARS,
  ASSESSMENT_RESULTS,
  abilitySectionSchema,
  annualAssessmentYears,
} from "./ability-section";
export { type AchievementEntry, achievementEntries } from "./achievement-entries";
export { type AchievementsSection, achievementsSectionSchema, type Paper } from "./achievements-section";
export { type BaseInfo, baseInfoSchema } from "./base-info";
export {
  type BasicSection,
  basicSectionSchema,
  EDUCATION_ORIGINS,
  type EducationRecord,
  SOCIAL_INSURANCE_PROOFS,
} from "./basic-section";
export { characterCount } from "./character-count";
export { EVIDENCE_SLOTS, evidenceSlot, isSlotId, SLOT_CATALOGUE, type SlotId } from "./evidence-catalogue";
export {
  EVIDENCE_CONTENT_TYPES,
  type EvidenceContentType,
  type EvidenceSlot,
  type SlotContext,
  type SlotDefinition,
  type SlotInstance,
} from "./evidence-slot";
export { type MoralSection, moralSectionSchema } from "./moral-section";
export {
  DUPLICATE_RATIO_LIMITS,
  exceedsDuplicateLimit,
  JOURNAL_LEVEL_LABELS,
  JOURNAL_LEVELS,
} from "./paper-rules";
export { REPRESENTATIVE_PAPER_COUNT, REPRESENTATIVE_PAPER_SLOT } from "./representative-papers";
export {
  type ApplicationSections,
  SECTION_IDS,
  SECTION_SCHEMAS,
  SECTION_TITLES,
  type SectionId,
} from "./sections";
export { SUMMARY_MAX_CHARACTERS, type SummarySection, summarySectionSchema } from "./summary-section";
export { isNeutralInstruction, THINK_TANK_LEVEL_LABELS, THINK_TANK_LEVELS } from "./think-tank";
