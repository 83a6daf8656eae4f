import type { SectionId } from "./sections";

/** R7.3: images or PDF, nothing else. */
export const EVIDENCE_CONTENT_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type EvidenceContentType = (typeof EVIDENCE_CONTENT_TYPES)[number];
export const IMAGE_TYPES: readonly EvidenceContentType[] = ["image/jpeg", "image/png"];
export const PDF_ONLY: readonly EvidenceContentType[] = ["application/pdf"];

/** Ordered scans may be several images, though one merged PDF is preferred (R7.3). */
export const DOCUMENT_FILES = { min: 1, max: 20 } as const;

/** What decides which uploads an application needs besides its own content. */
export interface SlotContext {
  roundYear: number;
  /** The applicant's rule set asks for grassroots service (R7.6). */
  grassrootsServiceRequired: boolean;
  /**
   * R7.4: certificate numbers of education records a unit or department reviewer found on the 学信网
   * registry. Only those records need no uploaded evidence; the applicant's word counts for nothing here.
   */
  registryMatches: readonly string[];
}

/** One place an upload must go: the application once, one item of a list, or one year. */
export interface SlotInstance {
  index?: number;
  year?: number;
  /** Names the item for the applicant, e.g. 论文2《…》 or 2021年度. */
  label?: string;
  /** What to upload for this particular item, when it differs between items. */
  note?: string;
}

/** A place in the form where evidence is uploaded (R7.4–R7.7). */
export interface EvidenceSlot {
  id: string;
  section: SectionId;
  title: string;
  rule: string;
  /** Whether an upload names an item (`index` into the list at `items`) or a `year`. */
  per: "application" | "item" | "year";
  /** Field path of the list an `index` points into. */
  items?: string;
  /** When the slot must be filled, for people. */
  requiredWhen: string;
  accepts: readonly EvidenceContentType[];
  /** Files per instance. */
  files: { readonly min: number; readonly max: number };
  /** A tighter size limit than the bucket's, where the file is reused (the ID photo is printed, R4.6). */
  maxBytes?: number;
  notes: readonly string[];
}

/** A slot together with the instances an application's section makes required. */
export interface SlotDefinition<Data> extends EvidenceSlot {
  instances(data: Data, context: SlotContext): SlotInstance[];
}

export function once(required: boolean): SlotInstance[] {
  return required ? [{}] : [];
}

/** One instance per item of a list that `needs` evidence, labelled by its position and title. */
export function eachItem<Item>(
  items: readonly Item[],
  describe: (item: Item, position: number) => string,
  needs: (item: Item) => boolean = () => true,
  note?: (item: Item) => string,
): SlotInstance[] {
  return items.flatMap((item, index) =>
    needs(item) ? [{ index, label: describe(item, index + 1), ...(note ? { note: note(item) } : {}) }] : [],
  );
}
