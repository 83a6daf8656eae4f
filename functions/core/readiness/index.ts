export {
  assertReady,
  type Checklist,
  type ChecklistItem,
  type ChecklistSection,
  isReady,
  type ReadinessCode,
  type SectionGroup,
  type SlotGroup,
} from "./checklist";
export type { EvidenceRecord } from "./evidence-check";
export { type ApplicationDraft, type ReadinessContext, readinessChecklist } from "./readiness-checklist";
export { designatedPapers, designationProblems } from "./representative-papers";
