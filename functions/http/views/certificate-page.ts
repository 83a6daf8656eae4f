import { createHash } from "node:crypto";
import { chineseDate } from "../../core/certificates";
import type { RawResult } from "../handler-group";
import { html, SafeHtml } from "../html";
import type { CertificateVerification } from "./certificate-view";

/** What the verification page says when number and code do not match a certificate, whatever the cause. */
export const NOT_FOUND_MESSAGE =
  "未找到与该证书编号和验证码相符的证书，请核对证书上印制的编号和验证码后重试。";

// Sized for a phone held in one hand, readable on a desktop too; system fonts only, nothing fetched.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f4f1ec;color:#1a1a1a;font:17px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:36rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{font-size:1.3rem;margin:.5rem 0 1rem;text-align:center}
.status{margin:0 0 1.25rem;padding:1rem;border-radius:.5rem;text-align:center;font-size:1.6rem;font-weight:700}
.status small{display:block;font-size:.95rem;font-weight:400}
.valid{background:#e6f4ea;color:#0b6b2b;border:2px solid #0b6b2b}
.revoked{background:#fde8e8;color:#9b1c1c;border:2px solid #9b1c1c}
.unknown{background:#fff4e5;color:#8a4b00;border:2px solid #8a4b00}
dl{margin:0;background:#fff;border-radius:.5rem;padding:.25rem 1rem}
dl div{display:flex;gap:1rem;padding:.6rem 0;border-bottom:1px solid #e5e0d8}
dl div:last-child{border-bottom:0}
dt{flex:0 0 5.5em;color:#5c5c5c}
dd{margin:0;word-break:break-all}
p.note{font-size:.9rem;color:#5c5c5c}
footer{text-align:center;font-size:.85rem;color:#5c5c5c;padding-bottom:1.5rem}
`;

/**
 * No script, no frame, no form, nothing from elsewhere: the only resource the page may use is its own
 * inline style, allowed by its hash. The URL carries the verification code, so no referrer leaves it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  vary: "accept",
};

function page(statusCode: number, title: string, content: SafeHtml): RawResult {
  const body = html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<main>
<h1>专业技术资格电子证书核验</h1>
${content}
</main>
<footer>甘肃省人力资源培训专业职称申报评审系统</footer>
</body>
</html>
`;
  return { raw: { statusCode, headers: HEADERS, body: body.markup } };
}

function statusBlock(view: CertificateVerification): SafeHtml {
  if (view.status === "revoked" && view.revokedOn) {
    return html`<p class="status revoked" role="status">${view.statusLabel}<small>本证书已于${chineseDate(view.revokedOn)}撤销，不再具有效力</small></p>`;
  }
  return html`<p class="status valid" role="status">${view.statusLabel}<small>本证书由省职改办发放，核验有效</small></p>`;
}

/** The verification for a person (R4.6, R5.5): what is printed, the holder's name masked, and the status. */
export function certificatePage(view: CertificateVerification): RawResult {
  const rows: [string, string][] = [
    ["证书编号", view.certificateNumber],
    ["持 证 人", view.maskedHolderName],
    ["系　　列", view.series],
    ["资格级别", view.qualification],
    ["有效范围", view.validityScope],
    ["发证日期", chineseDate(view.issuedOn)],
    ["发证机关", view.issuer],
  ];
  return page(
    200,
    `证书核验：${view.statusLabel}`,
    html`${statusBlock(view)}
<dl>
${rows.map(([label, value]) => html`<div><dt>${label}</dt><dd>${value}</dd></div>\n`)}</dl>
<p class="note">为保护个人信息，持证人姓名已部分隐去。请核对纸质证书上的证书编号、姓名与本页一致。</p>`,
  );
}

/** One page for an unknown number and a wrong or missing code alike: nothing to tell them apart. */
export function certificateNotFoundPage(): RawResult {
  return page(
    404,
    "证书核验：未找到",
    html`<p class="status unknown" role="status">未找到该证书</p>
<p>${NOT_FOUND_MESSAGE}</p>
<p class="note">如扫描证书上的二维码后看到本页，请向发证机关核实证书的真伪。</p>`,
  );
}
