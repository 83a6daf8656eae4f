import type { BasicSection, EducationRecord } from "./basic-section";
import { EMPLOYMENT_KINDS_PROVING_SOCIAL_INSURANCE } from "./basic-section";
import {
  DOCUMENT_FILES,
  EVIDENCE_CONTENT_TYPES,
  eachItem,
  IMAGE_TYPES,
  once,
  type SlotContext,
  type SlotDefinition,
} from "./evidence-slot";

// Technical-school graduates from 2008 on can be looked up online; earlier ones cannot.
const TECHNICAL_SCHOOL_ONLINE_FROM_YEAR = 2008;

function educationEvidence(record: EducationRecord): string {
  switch (record.origin) {
    case "foreign":
      return "教育部留学服务中心认证的《国外学历学位认证书》";
    case "hk_macau_taiwan":
      return "教育部留学服务中心认证的《港澳台学历学位认证书》";
    case "party_school":
    case "secondary_school":
      return "学籍卡或毕业生登记表等相关材料";
    case "technical_school":
      return Number(record.graduatedOn.slice(0, 4)) >= TECHNICAL_SCHOOL_ONLINE_FROM_YEAR
        ? "网上毕业证书查询结果"
        : "毕业生登记表或学籍卡";
    case "higher_education":
      return "毕业证书、学位证书扫描件";
  }
}

function socialInsurance(section: BasicSection, proof: BasicSection["socialInsurance"]): boolean {
  return (
    EMPLOYMENT_KINDS_PROVING_SOCIAL_INSURANCE.includes(section.employmentKind) &&
    section.socialInsurance === proof
  );
}

const ALTERNATIVE_WHEN = "编外聘用人员、企业人员因特殊原因无法提供社保缴费证明时";

const document = { accepts: EVIDENCE_CONTENT_TYPES, files: DOCUMENT_FILES } as const;

/** R7.4. */
export const BASIC_SLOTS = [
  {
    id: "id_photo",
    section: "basic",
    title: "证件照片",
    rule: "R7.4",
    per: "application",
    requiredWhen: "所有申报人",
    accepts: IMAGE_TYPES,
    files: { min: 1, max: 1 },
    // The photo is embedded in the electronic certificate, which is answered in one Lambda response (6 MB).
    maxBytes: 2 * 1024 * 1024,
    notes: ["按系统要求上传清晰的证件照片（JPEG或PNG格式，不超过2MB），照片将用于制作证书。"],
    instances: () => once(true),
  },
  {
    id: "social_insurance",
    section: "basic",
    title: "近6个月社保参保缴费证明",
    rule: "R7.4",
    per: "application",
    requiredWhen: "事业单位编外聘用人员、企业人员",
    ...document,
    notes: ["用于确认申报人是否为本单位在职员工。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "payments")),
  },
  {
    id: "social_insurance_headquarters",
    section: "basic",
    title: "企业总部所在地近6个月社保缴费证明",
    rule: "R7.4",
    per: "application",
    requiredWhen: "经委托程序核准的外省民营企业在甘分支机构人员，在企业总部缴纳社保的",
    ...document,
    notes: ["由企业总部所在地社保经办机构出具。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "headquarters_payments")),
  },
  {
    id: "identity_statement",
    section: "basic",
    title: "身份情况说明",
    rule: "R7.4",
    per: "application",
    requiredWhen: ALTERNATIVE_WHEN,
    ...document,
    notes: ["须加盖本单位印章。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "alternative")),
  },
  {
    id: "labour_contract",
    section: "basic",
    title: "劳动合同",
    rule: "R7.4",
    per: "application",
    requiredWhen: ALTERNATIVE_WHEN,
    ...document,
    notes: ["用人单位与申报人签订的劳动合同。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "alternative")),
  },
  {
    id: "salary_statement",
    section: "basic",
    title: "银行工资流水",
    rule: "R7.4",
    per: "application",
    requiredWhen: ALTERNATIVE_WHEN,
    ...document,
    notes: ["银行出具的工资流水单。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "alternative")),
  },
  {
    id: "signed_roster",
    section: "basic",
    title: "申报人员花名册",
    rule: "R7.4",
    per: "application",
    requiredWhen: ALTERNATIVE_WHEN,
    ...document,
    notes: ["须经法人签字、单位盖章，并报送审核部门。"],
    instances: (section: BasicSection) => once(socialInsurance(section, "alternative")),
  },
  {
    id: "recommendation_report",
    section: "basic",
    title: "推荐报告",
    rule: "R7.4",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: ["由本人所在具体用人单位出具的拟晋升推荐报告。"],
    instances: () => once(true),
  },
  {
    id: "education_evidence",
    section: "basic",
    title: "学历佐证材料",
    rule: "R7.4",
    per: "item",
    items: "basic.education",
    requiredWhen: "学历未经审核人员在学信网核验的",
    ...document,
    notes: [
      "单位或审核部门在学信网核验学历证书编号并记录验证码后，该学历无需上传佐证材料；核验之前须上传。",
      "国外学历学位：《国外学历学位认证书》；港澳台学历学位：《港澳台学历学位认证书》（均由教育部留学服务中心认证）。",
      "党校、中专学历：学籍卡或毕业生登记表等；技工院校：2008年以后毕业的提供网上毕业证书查询结果，2008年之前毕业的提供毕业生登记表或学籍卡。",
    ],
    instances: (section: BasicSection, context: SlotContext) =>
      eachItem(
        section.education,
        (record, position) => `学习经历${position}（${record.school}）`,
        (record) => !context.registryMatches.includes(record.certificateNumber),
        educationEvidence,
      ),
  },
  {
    id: "title_certificate",
    section: "basic",
    title: "现专业技术资格证书",
    rule: "R7.4",
    per: "application",
    requiredWhen: "已取得专业技术资格的",
    ...document,
    notes: ["上传现专业技术资格证书。"],
    instances: (section: BasicSection) => once(section.currentTitle !== null),
  },
  {
    id: "previous_series_certificate",
    section: "basic",
    title: "原系列专业技术资格证书",
    rule: "R7.4",
    per: "application",
    requiredWhen: "现资格是转系列后取得的",
    ...document,
    notes: ["转系列人员还须上传原系列的专业技术资格证书（R6.4）。"],
    instances: (section: BasicSection) => once(section.seriesChange !== null),
  },
  {
    id: "appointment_proof",
    section: "basic",
    title: "专业技术职务聘用证明",
    rule: "R7.4",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: [
      "事业单位正式人员：连续的《事业单位岗位聘用人员备案表》或《工资变动审批表》，聘任时间以表上时间为准。",
      "事业单位聘用人员、企业人员等：单位聘任文件或聘书。",
    ],
    instances: (section: BasicSection) => [
      {
        note:
          section.employmentKind === "establishment"
            ? "连续的《事业单位岗位聘用人员备案表》或《工资变动审批表》"
            : "单位聘任文件或聘书",
      },
    ],
  },
  {
    id: "post_usage",
    section: "basic",
    title: "岗位使用情况",
    rule: "R7.4",
    per: "application",
    requiredWhen: "所有申报人",
    ...document,
    notes: ["由单位出具的岗位使用情况。"],
    instances: () => once(true),
  },
] as const satisfies readonly SlotDefinition<BasicSection>[];
