import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { certificateFont } from "../../functions/adapters/certificate-font";
import { DomainError } from "../../functions/core/errors";
import { type CertificateContent, renderCertificate } from "../../functions/services/certificate-pdf";
import { makeJpeg } from "../support/evidence-files";

const font = await certificateFont();

const content: CertificateContent = {
  holderName: "李晓燕",
  series: "人力资源培训",
  qualification: "副高级",
  validityScope: "全省有效",
  certificateNumber: "GSHRT-2024-000123",
  issuedOn: "2025-01-15",
  issuer: "甘肃省职称改革工作领导小组办公室",
  verificationCode: "7Q4M-K2XD",
};

async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const page = await document.getPage(1);
  const text = await page.getTextContent();
  return text.items.map((item) => ("str" in item ? item.str : "")).join("");
}

describe("R4.6 electronic certificate", () => {
  it("R4.6 prints every field in Chinese, readable back from the PDF, with only a font subset embedded", async () => {
    const pdf = await renderCertificate(content, {
      font,
      photo: { bytes: makeJpeg(), contentType: "image/jpeg" },
    });
    const text = await textOf(pdf);
    for (const value of Object.values(content)) expect(text).toContain(value);
    expect(text).toContain("专业技术资格证书");
    expect(pdf.byteLength).toBeLessThan(font.byteLength / 20);
  });

  it("R4.6 refuses a name the font cannot print instead of printing empty boxes", async () => {
    const rare = { ...content, holderName: "王𪚥" };
    await expect(renderCertificate(rare, { font })).rejects.toSatisfy(
      (error) =>
        error instanceof DomainError &&
        error.code === "CERTIFICATE_GLYPH_MISSING" &&
        error.message.includes("𪚥"),
    );
  });
});
