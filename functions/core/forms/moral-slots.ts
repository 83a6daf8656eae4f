import { DOCUMENT_FILES, EVIDENCE_CONTENT_TYPES, eachItem, once, type SlotDefinition } from "./evidence-slot";
import type { MoralSection } from "./moral-section";

const document = { accepts: EVIDENCE_CONTENT_TYPES, files: DOCUMENT_FILES } as const;

/** R7.5. */
export const MORAL_SLOTS = [
  {
    id: "moral_assessment",
    section: "moral",
    title: "品德考核材料",
    rule: "R7.5",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: ["由单位出具的品德考核材料。"],
    instances: () => once(true),
  },
  {
    id: "honour_evidence",
    section: "moral",
    title: "荣誉证明",
    rule: "R7.5",
    per: "item",
    items: "moral.honours",
    requiredWhen: "填写了优秀共产党员、优秀党务工作者、道德模范等荣誉的，每项荣誉一份",
    ...document,
    notes: ["上传荣誉证书或表彰文件。"],
    instances: (section: MoralSection) =>
      eachItem(section.honours, (honour, position) => `荣誉${position}《${honour.title}》`),
  },
  {
    id: "integrity_report",
    section: "moral",
    title: "廉洁自律报告",
    rule: "R7.5",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: ["根据人才管理权限，由相关部门出具。"],
    instances: () => once(true),
  },
  {
    id: "publicity_report",
    section: "moral",
    title: "公示报告及公示照片",
    rule: "R7.5",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: ["由本人所在具体用人单位出具的拟晋升公示报告，以及公示照片等佐证材料。"],
    instances: () => once(true),
  },
] as const satisfies readonly SlotDefinition<MoralSection>[];
