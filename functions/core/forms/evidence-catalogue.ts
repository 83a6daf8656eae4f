import { ABILITY_SLOTS } from "./ability-slots";
import { ACHIEVEMENT_SLOTS } from "./achievement-slots";
import { BASIC_SLOTS } from "./basic-slots";
import type { EvidenceSlot, SlotDefinition } from "./evidence-slot";
import { MORAL_SLOTS } from "./moral-slots";
import { type ApplicationSections, SECTION_IDS, type SectionId } from "./sections";

/** The slots of each section, in the order the form shows them; the summary has none. */
export const SLOT_CATALOGUE = {
  basic: BASIC_SLOTS,
  moral: MORAL_SLOTS,
  ability: ABILITY_SLOTS,
  achievements: ACHIEVEMENT_SLOTS,
  summary: [],
} satisfies { [Section in SectionId]: readonly SlotDefinition<ApplicationSections[Section]>[] };

export type SlotId =
  | (typeof BASIC_SLOTS)[number]["id"]
  | (typeof MORAL_SLOTS)[number]["id"]
  | (typeof ABILITY_SLOTS)[number]["id"]
  | (typeof ACHIEVEMENT_SLOTS)[number]["id"];

export const EVIDENCE_SLOTS: readonly EvidenceSlot[] = SECTION_IDS.flatMap(
  (section): readonly EvidenceSlot[] => SLOT_CATALOGUE[section],
);

const BY_ID = new Map(EVIDENCE_SLOTS.map((slot) => [slot.id, slot]));

export function isSlotId(id: string): id is SlotId {
  return BY_ID.has(id);
}

/** The slot an upload request names, or undefined for an id the catalogue does not know. */
export function evidenceSlot(id: string): EvidenceSlot | undefined {
  return BY_ID.get(id);
}
