import { type AbilitySection, annualAssessmentYears } from "./ability-section";
import {
  DOCUMENT_FILES,
  EVIDENCE_CONTENT_TYPES,
  eachItem,
  once,
  PDF_ONLY,
  type SlotDefinition,
} from "./evidence-slot";

const document = { accepts: EVIDENCE_CONTENT_TYPES, files: DOCUMENT_FILES } as const;

/** R7.6. */
export const ABILITY_SLOTS = [
  {
    id: "work_experience_evidence",
    section: "ability",
    title: "专业技术工作经历佐证材料",
    rule: "R7.6",
    per: "item",
    items: "ability.workExperience",
    requiredWhen: "每条专业技术工作经历一份",
    ...document,
    notes: ["对照专业技术资格条件，先选择工作经历类别，再填写经历内容并上传相应佐证材料。"],
    instances: (section: AbilitySection) =>
      eachItem(section.workExperience, (entry, position) => `工作经历${position}（${entry.category}）`),
  },
  {
    id: "annual_assessment",
    section: "ability",
    title: "年度考核结果",
    rule: "R7.6",
    per: "year",
    requiredWhen: "近五年每年一份",
    accepts: PDF_ONLY,
    files: { min: 1, max: 1 },
    notes: ["将每年的考核文件扫描为一个PDF，按年度依次上传。"],
    instances: (_section: AbilitySection, context) =>
      annualAssessmentYears(context.roundYear).map((year) => ({ year, label: `${year}年度` })),
  },
  {
    id: "continuing_education",
    section: "ability",
    title: "继续教育证明",
    rule: "R7.6",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: [
      "上传继续教育证书等佐证材料；未达到继续教育学时量的不得申报。",
      "公需科目以外通过其他方式完成的学时能否认定，由用人单位提出意见，省级行业主管部门、人社部门共同认定。",
    ],
    instances: () => once(true),
  },
  {
    id: "grassroots_service",
    section: "ability",
    title: "帮扶基层经历材料",
    rule: "R7.6",
    per: "application",
    requiredWhen: "评价条件要求基层服务经历的",
    ...document,
    notes: [
      "由本单位及行业主管部门出具的相关文件、考核登记表。",
      "在基层相应专业技术岗位累计1年以上的服务或工作经历的印证材料。",
    ],
    instances: (_section: AbilitySection, context) => once(context.grassrootsServiceRequired),
  },
] as const satisfies readonly SlotDefinition<AbilitySection>[];
