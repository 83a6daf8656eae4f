import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deadlineWords,
  type NotificationParams,
  renderMessage,
  TEMPLATE_IDS,
  type TemplateId,
  withoutIdentifiers,
} from "../../../../functions/core/notifications";

const PARAMS: NotificationParams = {
  roundId: "2024",
  applicationId: "0f0e0d0c-0b0a-4909-8807-060504030201",
  applicantName: "王二",
  reason: "学历证书扫描件不清晰，请重新上传",
  deadline: new Date("2024-11-05T00:00:00+08:00").toISOString(),
  returns: 2,
  count: 3,
  noticeTitle: "某单位关于申报人员的公示",
  endsAt: new Date("2024-09-18T00:00:00+08:00").toISOString(),
};

/** What each message must tell the person to do, in the words they read. */
const WHAT_TO_DO: Readonly<Record<TemplateId, RegExp>> = {
  unit_return: /退回修改.*2024年11月4日24时前重新提交/,
  department_return: /审核部门退回修改（第2次，最多3次）.*2024年11月4日24时前重新提交/,
  department_return_to_unit: /申报人王二.*（第2次，最多3次）.*2024年11月4日24时前核实并重新推荐/,
  qualification_passed: /通过.*资格初审/,
  qualification_failed: /未通过.*资格初审。原因：学历证书扫描件不清晰/,
  appraisal_passed: /鉴定已通过/,
  appraisal_failed: /鉴定未通过.*学历证书扫描件不清晰/,
  committee_approved: /评审通过.*公示不少于5个工作日/,
  committee_rejected: /评审未通过.*说明：学历证书扫描件不清晰/,
  certificate_ready: /电子证书已发放.*下载、打印/,
  notice_ending_with_objections: /“某单位关于申报人员的公示”将于2024年9月17日24时结束，尚有3条异议未处理/,
  unit_review_reminder: /单位审核推荐将于2024年11月4日24时截止，本单位尚有3份申报/,
  department_review_reminder: /审核部门审核将于2024年11月4日24时截止，本部门尚有3份/,
};

describe("message templates (DESIGN.md §7a): the person's name and what to do", () => {
  it.each(
    TEMPLATE_IDS.flatMap((template) =>
      (["sms", "email"] as const).map((channel) => [template, channel] as const),
    ),
  )("%s by %s names the person and says what to do", (template, channel) => {
    const message = renderMessage(template, PARAMS, "李晓燕", channel);
    expect(message.text).toContain("李晓燕，您好");
    expect(message.text).toMatch(WHAT_TO_DO[template]);
    expect(message.subject.length).toBeGreaterThan(3);
    if (channel === "sms") expect(message.text.startsWith("【甘肃职称评审】")).toBe(true);
    else expect(message.text).toContain("请勿直接回复");
  });

  it("R3.5 a rehearsal's messages say they are test data, in the subject and the text", () => {
    for (const channel of ["sms", "email"] as const) {
      const message = renderMessage("unit_return", { ...PARAMS, testData: true }, "王一", channel);
      expect(message.subject).toContain("【测试数据】");
      expect(message.text).toContain("【测试数据】");
      expect(renderMessage("unit_return", PARAMS, "王一", channel).text).not.toContain("测试数据");
    }
  });

  it("R7.9 a text message cuts a long reason to 60 characters; the e-mail carries it whole", () => {
    const reason = `${"请补充".repeat(40)}结尾`;
    const sms = renderMessage("unit_return", { ...PARAMS, reason }, "王一", "sms").text;
    const email = renderMessage("unit_return", { ...PARAMS, reason }, "王一", "email").text;
    expect(sms).not.toContain("结尾");
    expect(sms).toContain(`${"请补充".repeat(19)}请补…`);
    expect(email).toContain(reason);
  });

  it("a message without a reason points to the system instead of an empty reason", () => {
    const { reason: _none, ...params } = PARAMS;
    expect(renderMessage("qualification_failed", params, "王一", "sms").text).toContain("原因：详见申报系统");
    expect(renderMessage("committee_rejected", params, "王一", "sms").text).not.toContain("说明：");
  });
});

describe("deadlines as the notice writes them (R3.1)", () => {
  it.each([
    ["2024-11-05T00:00:00+08:00", "2024年11月4日24时"],
    ["2024-10-21T00:00:00+08:00", "2024年10月20日24时"],
    ["2024-01-01T00:00:00+08:00", "2023年12月31日24时"],
    ["2024-11-04T17:30:00+08:00", "2024年11月4日17:30"],
    // The same instant written in UTC: Beijing's 11月5日0时, the end of 11月4日.
    ["2024-11-04T16:00:00Z", "2024年11月4日24时"],
    ["2024-11-04T16:00:01Z", "2024年11月5日00:00"],
  ])("%s reads %s", (iso, words) => {
    expect(deadlineWords(new Date(iso).toISOString())).toBe(words);
  });
});

describe("no resident ID or phone number in a message (DESIGN.md §7a)", () => {
  it.each([
    ["身份证620102198501020019有误", "身份证［证件号已隐去］有误"],
    ["证号62010219850102001X请核对", "证号［证件号已隐去］请核对"],
    ["旧证620102850102001", "旧证［证件号已隐去］"],
    ["请致电13912345678", "请致电［电话已隐去］"],
    ["请致电+86 139 1234 5678", "请致电［电话已隐去］"],
    ["座机0931-8888888咨询", "座机［电话已隐去］咨询"],
    ["论文2第1234页，2021年度", "论文2第1234页，2021年度"],
    ["证书编号107301200505000123456", "证书编号107301200505000123456"],
  ])("%s → %s", (text, redacted) => {
    expect(withoutIdentifiers(text)).toBe(redacted);
  });

  it("property: whatever surrounds an 18-character ID or a mobile number, neither survives", () => {
    const digit = fc.constantFrom(..."0123456789");
    const id = fc
      .tuple(fc.array(digit, { minLength: 17, maxLength: 17 }), fc.constantFrom(..."0123456789X"))
      .map(([head, last]) => `${head.join("")}${last}`);
    const mobile = fc
      .tuple(fc.constantFrom(..."3456789"), fc.array(digit, { minLength: 9, maxLength: 9 }))
      .map(([second, rest]) => `1${second}${rest.join("")}`);
    const words = fc.string({ unit: fc.constantFrom(..."请核对，。材料有误的号码是：") });
    fc.assert(
      fc.property(words, fc.oneof(id, mobile), words, (before, identifier, after) => {
        const text = withoutIdentifiers(`${before}${identifier}${after}`);
        expect(text).not.toContain(identifier);
        expect(text.startsWith(before)).toBe(true);
      }),
    );
  });
});
