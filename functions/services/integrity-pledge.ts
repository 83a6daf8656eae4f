/**
 * The integrity pledge (诚信承诺书) every applicant signs before submitting (R4.1). Its wording is
 * versioned: a signature records the version the applicant read, and a new wording needs a new signature.
 */
export const INTEGRITY_PLEDGE = {
  version: "2024-1",
  title: "职称申报诚信承诺书",
  paragraphs: [
    "本人自愿参加人力资源培训专业职称申报评审，已认真阅读申报通知及评价标准条件。",
    "本人承诺：所填写的个人信息、工作经历、业绩成果及上传的证明材料真实、准确、完整，上传的扫描件与原件一致，不存在伪造、变造、剽窃或冒用他人成果等情况。",
    "本人承诺：所声明的个人情况（是否为公务员或参公人员、是否退休、是否受到党纪政务处分及影响期、是否为派驻人员等）属实。",
    "本人知悉：填写信息或上传材料弄虚作假的，一经查实，取消申报资格，列入“黑名单”，三年内不得申报职称；因上传材料不清晰、不完整、位置错误造成的后果由本人承担。",
  ],
} as const;
