import { formatShanghai, shanghai } from "../calendar";
import type { Channel } from "./contact";
import { shortened } from "./redaction";

/** Every message the system sends, one template each (DESIGN.md §7a). */
export const TEMPLATE_IDS = [
  "unit_return",
  "department_return",
  "department_return_to_unit",
  "qualification_passed",
  "qualification_failed",
  "appraisal_passed",
  "appraisal_failed",
  "committee_approved",
  "committee_rejected",
  "certificate_ready",
  "notice_ending_with_objections",
  "unit_review_reminder",
  "department_review_reminder",
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

/**
 * What a message says besides the recipient's name, fixed when the notification is written. Instants
 * are ISO strings; free text has passed `withoutIdentifiers`. Nothing here is a resident ID or a phone.
 */
export interface NotificationParams {
  roundId: string;
  /** Written during the pre-preparation rehearsal (R3.5): the message says it is test data. */
  testData?: boolean;
  applicationId?: string;
  /** The applicant, for messages to the unit about one of its applicants. */
  applicantName?: string;
  reason?: string;
  /** The instant by which the recipient must act (exclusive, R3.1). */
  deadline?: string;
  /** A department's returns so far (R4.3: at most 3). */
  returns?: number;
  /** Applications waiting (reminders) or unresolved objections (a notice about to end). */
  count?: number;
  noticeTitle?: string;
  endsAt?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
}

/** The sender's name at the head of every text message, as Chinese SMS gateways require. */
const SIGNATURE = "【甘肃职称评审】";
/** A reason in a text message is cut to this many characters; the e-mail and the system hold it whole. */
const SMS_REASON_LIMIT = 60;
const EMAIL_FOOTER = "本邮件由甘肃省人力资源培训专业职称申报评审系统自动发送，请勿直接回复。";

/** "2024-11-04" → "2024年11月4日". */
function dateWords(date: string): string {
  const [year, month, day] = date.split("-");
  return `${year}年${Number(month)}月${Number(day)}日`;
}

/**
 * An instant as the notice writes deadlines, in Beijing time: "2024年11月4日24时" for the exclusive end
 * of a day (R3.1), "2024年11月4日17:30" otherwise.
 */
export function deadlineWords(iso: string): string {
  const instant = new Date(iso);
  const text = formatShanghai(instant);
  // Exactly midnight, not a second after it (the format shows minutes only).
  if (shanghai(text.slice(0, 10), "00:00").getTime() === instant.getTime()) {
    return `${dateWords(formatShanghai(new Date(instant.getTime() - 1)).slice(0, 10))}24时`;
  }
  return `${dateWords(text.slice(0, 10))}${text.slice(11)}`;
}

interface Template {
  subject: string;
  /** One line saying what happened and what to do; the reason, if any, is cut for SMS. */
  body(params: NotificationParams, reason: (limit?: number) => string): string;
}

const when = (params: NotificationParams) => (params.deadline ? deadlineWords(params.deadline) : "截止时间");

const TEMPLATES: Readonly<Record<TemplateId, Template>> = {
  unit_return: {
    subject: "申报材料被单位退回修改",
    body: (p, reason) =>
      `您的${p.roundId}年度职称申报材料被所在单位退回修改。退回意见：${reason()}。` +
      `请登录申报系统，按意见逐项修改后于${when(p)}前重新提交（R7.9）。`,
  },
  department_return: {
    subject: "申报材料被审核部门退回修改",
    body: (p, reason) =>
      `您的${p.roundId}年度职称申报材料被审核部门退回修改（第${p.returns ?? 1}次，最多3次）。退回意见：${reason()}。` +
      `请登录申报系统修改后于${when(p)}前重新提交，经单位确认后再次推荐（R4.3）。`,
  },
  department_return_to_unit: {
    subject: "审核部门退回了本单位推荐的申报",
    body: (p, reason) =>
      `审核部门退回了本单位推荐的申报人${p.applicantName ?? ""}的${p.roundId}年度职称申报材料（第${p.returns ?? 1}次，最多3次）。` +
      `退回意见：${reason()}。申报人修改并重新提交后，请于${when(p)}前核实并重新推荐（R4.3）。`,
  },
  qualification_passed: {
    subject: "资格初审通过",
    body: (p) =>
      `您的${p.roundId}年度职称申报已通过省职改办资格初审。后续论文鉴定、答辩安排请留意系统通知（R4.4）。`,
  },
  qualification_failed: {
    subject: "资格初审未通过",
    body: (p, reason) =>
      `您的${p.roundId}年度职称申报未通过省职改办资格初审。原因：${reason()}。详情请登录申报系统查看（R4.4、R5.1）。`,
  },
  appraisal_passed: {
    subject: "论文鉴定通过",
    body: (p) => `您的${p.roundId}年度职称申报代表作鉴定已通过。答辩安排请留意系统通知（R4.4、R4.5）。`,
  },
  appraisal_failed: {
    subject: "论文鉴定未通过",
    body: (p, reason) =>
      `您的${p.roundId}年度职称申报代表作鉴定未通过，不能参加本年度评审。意见：${reason()}。详情请登录申报系统查看（R4.4）。`,
  },
  committee_approved: {
    subject: "评审委员会评审通过",
    body: (p) =>
      `您的${p.roundId}年度职称申报已经评审委员会评审通过。评审结果将公示不少于5个工作日，公示结束后发放电子证书（R4.5）。`,
  },
  committee_rejected: {
    subject: "评审委员会评审未通过",
    body: (p, reason) =>
      `您的${p.roundId}年度职称申报经评审委员会评审未通过。${p.reason ? `说明：${reason()}。` : ""}详情请登录申报系统查看（R8.1）。`,
  },
  certificate_ready: {
    subject: "电子职称证书已发放",
    body: (p) =>
      `您的${p.roundId}年度职称评审结果公示期满，电子证书已发放。请登录申报系统下载、打印电子证书（R4.6）。`,
  },
  notice_ending_with_objections: {
    subject: "公示即将结束，尚有未处理的异议",
    body: (p) =>
      `本单位发布的公示“${p.noticeTitle ?? ""}”将于${p.endsAt ? deadlineWords(p.endsAt) : ""}结束，尚有${p.count ?? 0}条异议未处理。` +
      "请及时核实处理；异议处理完毕前不能推荐（第7节、R4.2）。",
  },
  unit_review_reminder: {
    subject: "单位审核推荐即将截止",
    body: (p) =>
      `${p.roundId}年度职称申报单位审核推荐将于${when(p)}截止，本单位尚有${p.count ?? 0}份申报待审核、公示或推荐。` +
      "请登录系统及时办理，逾期未推荐的申报不能报送评委会（R3、R4.2）。",
  },
  department_review_reminder: {
    subject: "审核部门审核即将截止",
    body: (p) =>
      `${p.roundId}年度职称申报审核部门审核将于${when(p)}截止，本部门尚有${p.count ?? 0}份单位已推荐的申报待审核。` +
      "请登录系统及时审核，逾期未审核通过的申报不能报送评委会（R3、R4.3）。",
  },
};

/**
 * The message as the person receives it: their name, what happened and what to do. A text message is
 * one short paragraph with the sender's name; an e-mail carries the whole reason and a footer.
 */
export function renderMessage(
  template: TemplateId,
  params: NotificationParams,
  recipientName: string,
  channel: Channel,
): RenderedMessage {
  const { subject, body } = TEMPLATES[template];
  const test = params.testData ? "【测试数据】" : "";
  const reason = (limit?: number) => {
    const text = params.reason?.trim() || "详见申报系统";
    return limit === undefined ? text : shortened(text, limit);
  };
  if (channel === "sms") {
    return {
      subject: `${test}${subject}`,
      text: `${SIGNATURE}${test}${recipientName}，您好：${body(params, () => reason(SMS_REASON_LIMIT))}`,
    };
  }
  return {
    subject: `${test}${subject}（${params.roundId}年度职称评审）`,
    text: `${recipientName}，您好：\n\n${test}${body(params, () => reason())}\n\n${EMAIL_FOOTER}`,
  };
}
