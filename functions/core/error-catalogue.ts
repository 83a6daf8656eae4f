/**
 * Every error code the API answers, once: its HTTP status, the Chinese message a person reads (the
 * general form; a refusal may say more, e.g. the date a window closed) and the rule of DESIGN.md §2 it
 * enforces. Errors are thrown by code from here, each route lists the codes it answers
 * (`RouteSpec.errors`), and the OpenAPI document is generated from both, so code and docs cannot drift.
 * A new code is one line here.
 */
export interface ErrorEntry {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;
  message: string;
  rule?: string;
}

const entry = <const S extends ErrorEntry["status"]>(status: S, message: string, rule?: string) =>
  (rule ? { status, message, rule } : { status, message }) as { status: S; message: string; rule?: string };

export const ERROR_CATALOGUE = {
  // The HTTP layer: any route.
  VALIDATION_FAILED: entry(400, "提交的数据不符合要求，请按提示修改后重试。"),
  MALFORMED_JSON: entry(400, "请求内容不是有效的 JSON，请检查格式（如引号、逗号、括号）后重试。"),
  UNAUTHENTICATED: entry(401, "未登录或登录已失效，请重新登录后再试。"),
  ACCOUNT_DISABLED: entry(401, "该账号已停用，请联系本单位系统管理员。"),
  FORBIDDEN: entry(403, "您的角色无权执行此操作。"),
  ROLE_REMOVED_BY_RESET: entry(
    403,
    "您在本轮次的角色已随系统重置清除，请联系本单位系统管理员重新分配。",
    "R3.2",
  ),
  NOT_FOUND: entry(404, "未找到该记录，或您无权查看。"),
  ROUTE_NOT_FOUND: entry(404, "请求的接口不存在，请核对地址和请求方法。"),
  PAYLOAD_TOO_LARGE: entry(413, "请求内容过大。上传证明材料请使用材料上传功能。"),
  INTERNAL_ERROR: entry(500, "系统内部错误，请稍后重试；如持续出现，请联系技术支持并提供请求编号。"),
  SERVICE_UNAVAILABLE: entry(503, "系统的数据服务暂时没有响应，本次操作未能确认完成，请稍后重试。"),
  // Versions, idempotency and paging.
  STALE_VERSION: entry(409, "记录已被他人修改，请刷新后在最新内容上重新操作。"),
  CONCURRENT_UPDATE: entry(409, "该记录正被他人同时修改，请稍后刷新重试。"),
  REQUEST_IN_PROGRESS: entry(409, "相同的请求正在处理中，请稍候片刻后刷新查看申报状态，不要重复提交。"),
  IDEMPOTENCY_KEY_REUSED: entry(
    400,
    "该 Idempotency-Key 已用于另一项操作，请为每次新的操作生成新的请求标识。",
  ),
  INVALID_CURSOR: entry(400, "分页游标无效，请从第一页重新查询。"),
  // Accounts, organisations and roles (R3.2).
  INVALID_CREDENTIALS: entry(401, "用户名或密码错误，请核对后重试。"),
  ACCOUNT_EXISTS: entry(409, "该账号已存在。"),
  USERNAME_TAKEN: entry(409, "该用户名已被使用，请换一个用户名。"),
  PASSWORD_TOO_WEAK: entry(400, "密码不符合要求：至少10位，须同时包含大写字母、小写字母、数字和特殊符号。"),
  RESIDENT_ID_TAKEN: entry(409, "该身份证号码已注册账号，请使用原账号登录。"),
  ORG_EXISTS: entry(409, "该机构编号已存在，请勿重复创建。"),
  UNKNOWN_UNIT: entry(400, "所选单位不存在，请从单位名录中选择。"),
  UNKNOWN_DEPARTMENT: entry(400, "所选审核部门不存在，请从审核部门名录中选择。"),
  OWN_ACCOUNT: entry(409, "不能修改自己账号的角色或停用自己的账号，请由本机构另一位管理员或上级管理员办理。"),
  ROLE_NOT_GRANTABLE: entry(403, "您无权在该机构授予所列角色。"),
  UNIT_ROLES_SEPARATE: entry(422, "系统管理员、经办人、审核领导须由三个不同的实名账号分别担任。", "R3.2"),
  NO_ROUND: entry(409, "尚未设立评审轮次，暂时只能分配系统管理员类角色。"),
  ROLE_NOT_ALLOWED: entry(403, "您的角色不能办理该操作。"),
  ENTRUSTMENT_EXISTS: entry(409, "该单位本轮次已有委托函记录，请刷新后查看。"),
  ENTRUSTMENT_NOT_NEEDED: entry(422, "只有中央在甘单位需要委托评审，该单位无需登记委托函。", "R2.4"),
  ALREADY_DECIDED: entry(409, "该记录已作出审批决定，不能再次审批。"),
  // Notifications (DESIGN.md §7a).
  CHANNEL_NOT_OFFERED: entry(422, "本系统当前不提供所选的通知方式，请选择其他方式。"),
  // Rounds, calendars and resets (R3, §8).
  ROUND_EXISTS: entry(409, "轮次编号已被使用，请换一个编号。"),
  INVALID_ROUND_CALENDAR: entry(400, "轮次日程有误，请按提示修改后重新保存。"),
  CALENDAR_NOT_FAILED: entry(409, "该轮次日程流程当前没有需要恢复的失败，请刷新轮次信息后再操作。", "R3"),
  CALENDAR_UNCHANGED: entry(400, "提交的日程与现行日程相同，没有需要调整的内容。"),
  BOUNDARY_IN_PAST: entry(422, "新轮次的时间节点不能早于当前时间。", "R3.4"),
  BOUNDARY_PASSED: entry(422, "已经过去的时间节点不能调整。", "R3.4"),
  WINDOW_NOT_OPEN: entry(422, "该阶段当前未开放，请在开放时间内办理。", "R3"),
  DEADLINE_PASSED: entry(422, "该阶段已截止，不能再办理。", "R3"),
  NOT_YET_DUE: entry(422, "截止时间未到。", "R3"),
  STALE_GENERATION: entry(409, "轮次已不在您读取时的数据代次，请刷新后按当前代次确认是否仍需重置。"),
  RESET_CONFLICT: entry(409, "轮次正在被其他操作修改，请稍后刷新重试。"),
  FORMAL_DATA_RESET_NOT_CONFIRMED: entry(422, "当前为正式申报数据，须输入轮次编号确认后方可重置。", "R3.3"),
  // The application and its evidence (R4.1, R7).
  APPLICATION_EXISTS: entry(409, "您在本轮次已有一份申报，请继续填写该申报。"),
  APPLICATION_NOT_FOUND: entry(404, "未找到该申报。"),
  APPLICATION_CANCELLED: entry(422, "您在本轮次的申报已被取消申报资格，本轮次不能重新申报。", "R5.5"),
  BLACKLISTED: entry(422, "您在黑名单期限内，不能申报。", "R5.5"),
  NAME_NOT_REGISTERED: entry(400, "姓名须与实名注册的姓名一致；如注册信息有误，请联系所在单位。"),
  RESIDENT_ID_NOT_REGISTERED: entry(
    400,
    "身份证号码须与实名注册时的号码一致；如注册信息有误，请联系所在单位。",
  ),
  NOT_EDITABLE: entry(409, "申报当前状态不能修改；如需修改，请联系所在单位退回。"),
  MATERIALS_LOCKED: entry(422, "申报材料已报送评委会，不能再修改或补充。", "R7.3"),
  APPLICATION_NOT_READY: entry(422, "申报材料尚未填写完整，请按检查清单逐项处理后再提交。", "R7.3"),
  NOT_ELIGIBLE: entry(422, "不符合申报条件，fields 逐条列出所依据的规则。", "R1"),
  INVALID_TRANSITION: entry(409, "申报当前状态不能办理该操作。"),
  CONFLICT_OF_INTEREST: entry(422, "不能审核或处理本人的申报，请回避并交由他人办理。", "R8.2"),
  EVIDENCE_NOT_FOUND: entry(404, "未找到该材料，可能已被删除或合并，请刷新材料列表。"),
  EVIDENCE_CHANGED: entry(409, "该材料已被修改或删除，请刷新材料列表后重试。"),
  EVIDENCE_PLACE_INVALID: entry(400, "材料的上传位置不正确，请按表单中的位置上传。"),
  EVIDENCE_TOO_LARGE: entry(422, "文件超过大小上限，请降低扫描分辨率或分页扫描后重新上传。", "R7.3"),
  EVIDENCE_TYPE_NOT_ACCEPTED: entry(422, "此处不接受该格式的文件。", "R7.3"),
  EVIDENCE_TYPE_NOT_ALLOWED: entry(422, "只能上传PDF文件或图片（JPG、PNG）。", "R7.3"),
  EVIDENCE_TYPE_MISMATCH: entry(
    422,
    "文件实际格式与申请上传时声明的格式不一致，请按实际格式重新申请上传。",
    "R7.3",
  ),
  EVIDENCE_EMPTY: entry(422, "上传的文件是空文件（0字节），请重新扫描后上传。", "R7.3"),
  EVIDENCE_PDF_ENCRYPTED: entry(
    422,
    "PDF文件设置了密码或加密，审核人员无法查看，请上传未加密的PDF。",
    "R7.3",
  ),
  EVIDENCE_PDF_UNREADABLE: entry(422, "PDF文件已损坏或不完整，无法打开，请重新生成PDF后上传。", "R7.3"),
  EVIDENCE_SLOT_FULL: entry(
    422,
    "此处的文件数已达上限，请先删除多余的文件，或将有序的图片合并为一个PDF。",
    "R7.3",
  ),
  EVIDENCE_MERGE_REFUSED: entry(422, "所选图片不能合并为一个PDF，请按提示处理。", "R7.3"),
  EVIDENCE_MERGE_FAILED: entry(422, "有图片无法读取，不能合并；请删除该图片并重新上传后再合并。", "R7.3"),
  EVIDENCE_NOT_UPLOADED: entry(409, "尚未收到上传的文件，请先按上传凭证上传文件，再确认上传完成。"),
  EVIDENCE_NOT_VERIFIED: entry(409, "该材料尚未通过上传校验，不能下载。"),
  EVIDENCE_UPLOAD_CHANGED: entry(409, "文件在校验期间被再次上传，本次校验未采用，请重新确认上传完成。"),
  UPLOAD_EXPIRED: entry(409, "上传凭证已过期，文件未被采用；请在同一位置重新申请上传。"),
  PAPERS_NOT_FILLED: entry(422, "请先在“业绩成果”中填报论文并上传论文正文，再从中指定代表作。", "R4.4"),
  PAPER_NOT_FOUND: entry(404, "未找到该论文，或它不是本申报指定的代表作。"),
  REPRESENTATIVE_PAPERS_INVALID: entry(422, "所指定的代表作不符合要求，请按提示重新指定。", "R4.4"),
  // Unit and department review, publicity and objections (R3.2, R4.2, R4.3, R5.2, R5.3, R6.3).
  UNIT_ACCOUNTS_INCOMPLETE: entry(
    422,
    "本单位尚未实名创建系统管理员、经办人、审核领导3个账号，不能审核推荐。",
    "R3.2",
  ),
  MAKER_CHECKER: entry(422, "推荐须由审核领导确认，不能由组织公示的经办人本人推荐。", "R3.2"),
  REASON_REQUIRED: entry(422, "请写明理由。"),
  PUBLICITY_REQUIRED: entry(422, "须先在本单位公示，公示期满后方可推荐。", "R4.2"),
  PUBLICITY_TOO_SHORT: entry(422, "公示期不少于5天，破格晋升、基层有效人员按本轮次规定延长。", "R4.2"),
  PUBLICITY_NOT_FINISHED: entry(422, "公示期满后方可推荐。", "R4.2"),
  PUBLICITY_AFTER_CUTOFF: entry(422, "公示须在单位审核推荐截止前结束。", "R3"),
  NOTICE_EXISTS: entry(409, "该公示已存在，请勿重复发布。"),
  NOTICE_CLOSED: entry(409, "该公示已结束，不再受理异议。"),
  TOO_MANY_OBJECTIONS: entry(429, "同一网络地址每小时提交的异议过多，请稍后再提交。"),
  OBJECTION_NOT_FOUND: entry(404, "未找到该异议，请刷新后从异议列表中选择。"),
  OBJECTION_RESOLVED: entry(409, "该异议已处理，不能重复处理；请刷新后查看处理结果。"),
  OBJECTION_UNRESOLVED: entry(422, "公示期间收到的异议尚未处理完毕，请先核查并处理异议。", "R4.2"),
  POST_RATIO_FULL: entry(422, "已无空余高级岗位，须在岗位结构比例内推荐（评聘一致）。", "R5.2"),
  POST_STRUCTURE_UNKNOWN: entry(
    422,
    "单位信息中尚未登记核定的高级专业技术岗位数，无法核对岗位结构比例。",
    "R5.2",
  ),
  GRASSROOTS_SENIOR_QUOTA_FULL: entry(422, "基层有效高级职称总量已满（不超过专业技术岗位的10%）。", "R6.3"),
  DEPARTMENT_RETURN_LIMIT: entry(422, "审核部门最多退回3次，已达上限，请作出审核决定。", "R4.3"),
  NOT_UNDER_REVIEW: entry(409, "该申报不在审核期间，不能记录学信网核验结果。"),
  NOT_UNDER_DEPARTMENT_REVIEW: entry(409, "只能在审核部门审核期间要求查验原件。"),
  EDUCATION_RECORD_NOT_FOUND: entry(422, "申报人未填写该条学习经历。", "R7.4"),
  REGISTRY_CHECK_NUMBER_MISMATCH: entry(422, "所核验的学历证书编号与申报人填写的不一致。", "R7.4"),
  // The committee's path (R4.4, R4.5, R7.7, R8).
  DUPLICATE_CHECKS_INVALID: entry(422, "中国知网收录论文的查重结果须逐篇记录且不超过限值。", "R7.7"),
  APPRAISAL_REQUIRED: entry(422, "申报高级职称须先通过论文鉴定，方可安排答辩。", "R4.4"),
  APPRAISAL_SENIOR_ONLY: entry(422, "论文鉴定仅适用于申报高级职称的人员，请直接安排答辩。", "R4.4"),
  APPRAISAL_SETTINGS_INVALID: entry(409, "本轮次的论文鉴定设置有误，请联系省职改办更正后再分配专家。"),
  APPRAISAL_CLOSED: entry(409, "论文鉴定已结束，不能再提交鉴定意见。"),
  WRONG_EXPERT_COUNT: entry(422, "鉴定专家人数不符合本轮次的设置。", "R4.4"),
  EXPERT_NOT_ELIGIBLE: entry(422, "所选专家中有须回避或不符合条件的，请更换后重新分配。", "R8.2"),
  NOT_ENOUGH_ELIGIBLE_EXPERTS: entry(422, "回避后符合条件的鉴定专家不足，请补充专家库后再分配。", "R8.2"),
  NOT_A_REVIEWER: entry(422, "该账号本轮次未被聘为鉴定专家、学科组成员或评委会委员。", "R8.2"),
  NOT_A_ROLE_HOLDER: entry(422, "所列人员须为本轮已授予相应角色且未停用的账号。", "R8.1"),
  REVIEWER_PROFILE_EXISTS: entry(409, "该专家本轮次的信息已由他人填写，请刷新后在最新内容上修改。"),
  REVIEWER_PROFILE_MISSING: entry(409, "该专家本轮次尚无专家信息，请先填写（不带版本号）再修改。"),
  VERDICT_ALREADY_RECORDED: entry(409, "您已提交过该申报的鉴定意见，鉴定意见提交后不能更改。"),
  PANEL_EXISTS: entry(409, "该学科组已存在，请勿重复创建。"),
  PANEL_NOT_FOUND: entry(404, "未找到该学科组，请先创建学科组或从列表中选择。"),
  PANEL_ALL_RECUSED: entry(422, "该学科组成员均须回避该申报人的答辩，请另选学科组。", "R8.2"),
  DEFENSE_NOT_SCHEDULED: entry(422, "答辩时间尚未公布，请省职改办先在轮次日程中设置。", "R4.5"),
  DEFENSE_BEFORE_ANNOUNCED: entry(422, "答辩时间不能早于已公布的答辩日期。", "R4.5"),
  DEFENSE_NOT_HELD: entry(422, "答辩后方可录入结果或提交评审。", "R4.5"),
  DEFENSE_NOT_PENDING: entry(409, "该申报不在待答辩状态，不能录入答辩结果。"),
  MEETING_NOT_SCHEDULED: entry(422, "评审会议时间尚未公布，请省职改办先在轮次日程中设置。", "R4.5"),
  MEETING_BEFORE_ANNOUNCED: entry(422, "会议时间不能早于已公布的评审会议时间。", "R4.5"),
  MEETING_NOT_YET: entry(422, "会议尚未到召开时间，届时方可开始表决。", "R4.5"),
  MEETING_NOT_HELD: entry(422, "评审会议召开后方可录入评审结果。", "R4.5"),
  MEETING_ALREADY_OPENED: entry(409, "会议已开始表决或已结束。"),
  MEETING_ALREADY_STARTED: entry(409, "评审会议已开始或已结束，不能再增加议程。"),
  MEETING_NOT_OPENED: entry(409, "会议尚未开始表决，不能结束。"),
  MEETING_NOT_IN_SESSION: entry(409, "评审会议不在表决阶段（未开始或已结束），不能投票。"),
  NOTHING_TO_DECIDE: entry(409, "目前没有待评委会评审的申报，无需召开评审会议。"),
  NOT_AWAITING_COMMITTEE: entry(409, "所列申报中有不能列入本次会议的，请核对后重试。"),
  NOT_AWAITING_DECISION: entry(409, "该申报已不在待表决状态，不能投票。"),
  NOT_A_MEMBER: entry(400, "出席人员须为本次会议的委员。"),
  NOT_PRESENT: entry(422, "您未登记出席本次会议，不能投票。", "R8.1"),
  COMMITTEE_QUORUM_NOT_MET: entry(422, "评审会议须有评委会三分之二以上委员出席。", "R8.1"),
  MUST_RECUSE: entry(422, "您与该申报人存在须回避的情形，只能选择回避，不能参与表决。", "R8.2"),
  VOTE_ALREADY_CAST: entry(409, "您已对该申报投过票，投票后不能更改。"),
  VOTES_INCOMPLETE: entry(422, "每位出席委员须对每份申报投票或回避后方可结束表决。", "R8.1"),
  // Result notice, documents and certificates (R4.5, R4.6).
  NOTHING_TO_PUBLISH: entry(422, "本轮次没有评审通过、待公示的申报。", "R4.5"),
  RESULT_NOTICE_CLOSED: entry(409, "本轮评审结果公示已结束，不能再追加人员。"),
  RESULT_NOT_PUBLISHED: entry(422, "本轮评审结果尚未公示；公示期满后方可印发资格文件、发放证书。", "R4.5"),
  RESULT_NOTICE_NOT_FINISHED: entry(422, "评审结果公示不少于5个工作日，公示期满后方可发证。", "R4.5"),
  HOLIDAY_CALENDAR_MISSING: entry(409, "该年度的法定节假日安排尚未收录，暂不能按工作日计算公示期。"),
  ISSUE_DATE_INVALID: entry(422, "资格文件须在评审结果公示期满后印发，请核对发文日期。", "R4.6"),
  QUALIFICATION_DOCUMENT_CONFLICT: entry(409, "本轮次已登记另一份资格文件。"),
  CERTIFICATE_NOT_FOUND: entry(404, "未找到该证书，或验证码不正确。"),
  CERTIFICATE_RECORD_MISSING: entry(
    409,
    "该申报记载的电子证书在证书库中不存在，请联系技术支持核对证书记录。",
  ),
  CERTIFICATE_NOT_ISSUED: entry(409, "暂无可下载的证书：资格文件印发后方可下载。"),
  CERTIFICATE_NUMBER_TAKEN: entry(409, "证书编号已被使用，本次未发放。"),
  CERTIFICATE_REVOKED: entry(409, "电子证书已因申报弄虚作假被撤销，不能再下载。"),
  CERTIFICATE_GLYPH_MISSING: entry(409, "证书字体缺少所需字符，请联系省职改办更换字库后重新生成证书。"),
  // Fraud and the blacklist register (R5.5).
  FRAUD_ALREADY_RECORDED: entry(409, "该申报已认定弄虚作假并列入黑名单，不能重复认定。"),
  BLACKLIST_ENTRY_EXISTS: entry(409, "该人员的同一决定（同一决定日期和文号）已登记为另一内容。"),
  BLACKLIST_ENTRY_NOT_FOUND: entry(404, "未找到该黑名单记录，请刷新名单后重试。"),
  BLACKLIST_ALREADY_LIFTED: entry(409, "该黑名单记录已解除，无需再次解除。"),
  BLACKLIST_EXPIRED: entry(409, "该黑名单记录的期限已届满，无需解除。"),
  BLACKLIST_IMPORT_INVALID: entry(400, "导入的记录有误，整批均未导入：请按 fields 逐行改正后重新提交。"),
} as const satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The codes whose answer is 422: a rule of the notice forbids the action. */
export type RuleCode = {
  [Code in ErrorCode]: (typeof ERROR_CATALOGUE)[Code]["status"] extends 422 ? Code : never;
}[ErrorCode];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CATALOGUE, code);
}
