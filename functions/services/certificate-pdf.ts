import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, rgb } from "pdf-lib";
import { DomainError } from "../core/errors";

/** What is printed on an electronic certificate (R4.6); the public verification shows exactly this. */
export interface CertificateContent {
  holderName: string;
  series: string;
  qualification: string;
  validityScope: string;
  certificateNumber: string;
  issuedOn: string;
  issuer: string;
  verificationCode: string;
}

export interface CertificateAssets {
  /** A CJK OpenType font; only the glyphs used are embedded (subset). */
  font: Uint8Array;
  /** The holder's ID photo from their evidence (R7.4: used on the certificate). */
  photo?: { bytes: Uint8Array; contentType: "image/jpeg" | "image/png" };
}

const A4: [number, number] = [595.28, 841.89];

/**
 * A name with a character the font lacks would print as an empty box on an official document; refuse
 * and say which characters, so the office can supply a font that has them.
 */
function assertGlyphs(fontBytes: Uint8Array, content: CertificateContent): void {
  const font = fontkit.create(fontBytes);
  const text = Object.values(content).join("");
  const missing = [...new Set([...text])].filter(
    (character) => !/\s/.test(character) && !font.hasGlyphForCodePoint(character.codePointAt(0) ?? 0),
  );
  if (missing.length > 0) {
    throw new DomainError(
      "conflict",
      "CERTIFICATE_GLYPH_MISSING",
      `证书字体缺少以下字符：${missing.join("、")}。请联系省职改办更换字库后重新生成证书。`,
    );
  }
}

function centred(
  page: ReturnType<PDFDocument["addPage"]>,
  font: PDFFont,
  text: string,
  y: number,
  size: number,
) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (A4[0] - width) / 2, y, size, font, color: rgb(0.1, 0.1, 0.1) });
}

/** The electronic certificate as a one-page A4 PDF with the Chinese text embedded as a font subset. */
export async function renderCertificate(
  content: CertificateContent,
  assets: CertificateAssets,
): Promise<Uint8Array> {
  assertGlyphs(assets.font, content);
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(`专业技术资格电子证书 ${content.certificateNumber}`);
  document.setCreator(content.issuer);
  const font = await document.embedFont(assets.font, { subset: true });
  const page = document.addPage(A4);

  centred(page, font, "专业技术资格证书", 720, 30);
  if (assets.photo) {
    const image =
      assets.photo.contentType === "image/png"
        ? await document.embedPng(assets.photo.bytes)
        : await document.embedJpg(assets.photo.bytes);
    const box = image.scaleToFit(102, 136);
    page.drawImage(image, { x: (A4[0] - box.width) / 2, y: 540, width: box.width, height: box.height });
  }
  const lines: [string, string][] = [
    ["姓　　名", content.holderName],
    ["系　　列", content.series],
    ["资格名称", content.qualification],
    ["有效范围", content.validityScope],
    ["证书编号", content.certificateNumber],
    ["发证日期", content.issuedOn],
    ["验 证 码", content.verificationCode],
  ];
  lines.forEach(([label, value], index) => {
    const y = 480 - index * 36;
    page.drawText(label, { x: 150, y, size: 15, font });
    page.drawText(value, { x: 260, y, size: 15, font });
  });
  centred(page, font, content.issuer, 150, 15);
  return document.save();
}
