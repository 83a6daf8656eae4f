import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prefersHtml } from "../../../functions/http/content-negotiation";
import { escapeHtml, html } from "../../../functions/http/html";
import { certificateNotFoundPage, certificatePage } from "../../../functions/http/views/certificate-page";
import type { CertificateVerification } from "../../../functions/http/views/certificate-view";

const valid: CertificateVerification = {
  certificateNumber: "GS2024-000001",
  maskedHolderName: "李*燕",
  series: "人力资源培训",
  qualification: "副高级",
  validityScope: "全省有效",
  issuedOn: "2025-01-07",
  issuer: "甘肃省职称改革工作领导小组办公室",
  status: "valid",
  statusLabel: "有效",
};

describe("escaping in pages", () => {
  it("escapes the five characters that can leave text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("escapes every interpolated value, in lists too, and nests its own output unescaped", () => {
    const item = html`<li>${"<b>"}</li>`;
    expect(html`<ul>${[item, "<i>"]}</ul>${undefined}`.markup).toBe("<ul><li>&lt;b&gt;</li>&lt;i&gt;</ul>");
  });
});

describe("content negotiation on the verification route (R4.6)", () => {
  it.each([
    ["text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", true],
    ["text/html", true],
    ["application/json, text/html;q=0.5", false],
    ["*/*", false],
    [undefined, false],
    ["image/png", false],
  ])("Accept %j → page: %s", (accept, page) => {
    expect(prefersHtml(accept)).toBe(page);
  });
});

describe("the verification page (R4.6, R5.5)", () => {
  it("R4.6 shows the status and every printed fact, dates the Chinese way", () => {
    const { raw } = certificatePage(valid);
    expect(raw.statusCode).toBe(200);
    for (const shown of [
      "有效",
      "GS2024-000001",
      "李*燕",
      "人力资源培训",
      "副高级",
      "全省有效",
      "2025年1月7日",
    ]) {
      expect(raw.body).toContain(shown);
    }
    expect(raw.body).toContain('<html lang="zh-CN">');
    expect(raw.body).toContain('name="viewport"');
  });

  it("R5.5 a revoked certificate says 已撤销 and since when", () => {
    const { raw } = certificatePage({
      ...valid,
      status: "revoked",
      statusLabel: "已撤销",
      revokedAt: "2025-03-01T02:00:00.000Z",
      revokedOn: "2025-03-01",
    });
    expect(raw.body).toContain('class="status revoked"');
    expect(raw.body).toContain("本证书已于2025年3月1日撤销");
  });

  it("escapes every value: data never becomes markup", () => {
    const { raw } = certificatePage({
      ...valid,
      series: `<script>alert("x")</script>`,
      issuer: `" onload="x`,
    });
    expect(raw.body).not.toContain("<script>");
    expect(raw.body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(raw.body).toContain("&quot; onload=&quot;x");
  });

  it("allows nothing but its own inline style, by hash, and leaks no referrer", () => {
    const { raw } = certificatePage(valid);
    const headers = raw.headers ?? {};
    const csp = String(headers["content-security-policy"]);
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
    const style = /<style>([\s\S]*?)<\/style>/.exec(String(raw.body))?.[1] ?? "";
    expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(String(raw.body)).not.toMatch(/<script|<link|<img|src=|url\(/i);
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers.vary).toBe("accept");
  });

  it("R4.6 the not-found page is one and the same for every cause, with status 404", () => {
    expect(certificateNotFoundPage().raw.statusCode).toBe(404);
    expect(certificateNotFoundPage()).toEqual(certificateNotFoundPage());
    expect(certificateNotFoundPage().raw.body).toContain("未找到该证书");
  });
});
