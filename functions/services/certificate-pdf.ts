import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { chineseDate } from "../core/certificates";
import { printableSubset } from "./certificate-font-subset";
import { drawQrCode } from "./certificate-qr";

/** What is printed on an electronic certificate (R4.6); the public verification shows the same. */
export interface CertificateContent {
  holderName: string;
  series: string;
  qualification: string;
  validityScope: string;
  certificateNumber: string;
  issuedOn: string;
  issuer: string;
  verificationCode: string;
  /** The public verification page of this certificate: the QR code and the line under it. */
  verificationUrl: string;
}

export interface CertificateAssets {
  /** A CJK TrueType font; only the characters printed are embedded (subset). */
  font: Uint8Array;
  /** The holder's ID photo from their evidence (R7.4: used on the certificate). */
  photo?: { bytes: Uint8Array; contentType: "image/jpeg" | "image/png" };
  /** The office's electronic seal, a PNG with transparency; drawn over the issuer's name when configured. */
  seal?: Uint8Array;
}

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
/**
 * Nothing is drawn within 15 mm of the edge: printers cannot print the outer 3–6 mm, and a page
 * scaled to fit a printer's printable area would otherwise come out smaller than A4.
 */
export const PRINT_MARGIN_MM = 15;
const MARGIN = PRINT_MARGIN_MM * MM;

const TITLE = "专业技术资格证书";
const SUBTITLE = "（电子证书）";
const STATEMENT = "经评审，具备上述专业技术资格，特发此证。";
const QR_CAPTION = "扫描二维码，或访问以下网址核验本证书：";
const INK = rgb(0.1, 0.1, 0.1);
const RED = rgb(0.62, 0.09, 0.09);
const LABELS = {
  holderName: "姓　　名",
  series: "系　　列",
  qualification: "资格名称",
  validityScope: "有效范围",
  certificateNumber: "证书编号",
  issuedOn: "发证日期",
  verificationCode: "验 证 码",
} as const;

function printedText(content: CertificateContent): string {
  return [
    ...Object.values(content),
    ...Object.values(LABELS),
    TITLE,
    SUBTITLE,
    STATEMENT,
    QR_CAPTION,
    chineseDate(content.issuedOn),
  ].join("");
}

function drawCentred(page: PDFPage, font: PDFFont, text: string, centreX: number, y: number, size: number) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: centreX - width / 2, y, size, font, color: INK });
}

function drawFrame(page: PDFPage): void {
  const [width, height] = A4;
  // A heavy outer rule and a fine inner one.
  for (const [inset, borderWidth] of [
    [MARGIN, 2.5],
    [MARGIN + 2.5 * MM, 0.75],
  ] as const) {
    page.drawRectangle({
      x: inset,
      y: inset,
      width: width - 2 * inset,
      height: height - 2 * inset,
      borderColor: RED,
      borderWidth,
    });
  }
}

async function drawPhoto(document: PDFDocument, page: PDFPage, photo: CertificateAssets["photo"]) {
  if (!photo) return;
  const image =
    photo.contentType === "image/png"
      ? await document.embedPng(photo.bytes)
      : await document.embedJpg(photo.bytes);
  // A two-inch ID photo's proportions (35 × 49 mm), top right of the fields.
  const box = image.scaleToFit(35 * MM, 49 * MM);
  page.drawImage(image, { x: A4[0] - 35 * MM - 35 * MM, y: 160 * MM, width: box.width, height: box.height });
}

/**
 * The electronic certificate as a one-page A4 PDF: the Chinese text in an embedded TrueType subset,
 * the QR code of its public verification page, and the office's seal when the deployment has one.
 */
export async function renderCertificate(
  content: CertificateContent,
  assets: CertificateAssets,
): Promise<Uint8Array> {
  const subset = await printableSubset(assets.font, printedText(content));
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  document.setTitle(`专业技术资格电子证书 ${content.certificateNumber}`);
  document.setCreator(content.issuer);
  document.setLanguage("zh-CN");
  const font = await document.embedFont(subset, { subset: false });
  const page = document.addPage(A4);
  const centreX = A4[0] / 2;

  drawFrame(page);
  page.drawText(TITLE, {
    x: centreX - font.widthOfTextAtSize(TITLE, 30) / 2,
    y: 250 * MM,
    size: 30,
    font,
    color: RED,
  });
  drawCentred(page, font, SUBTITLE, centreX, 241 * MM, 13);
  await drawPhoto(document, page, assets.photo);

  const lines = Object.entries(LABELS) as [keyof typeof LABELS, string][];
  lines.forEach(([field, label], index) => {
    const y = 200 * MM - index * 12 * MM;
    page.drawText(label, { x: 35 * MM, y, size: 14, font, color: INK });
    page.drawText(content[field], { x: 65 * MM, y, size: 14, font, color: INK });
  });
  drawCentred(page, font, STATEMENT, centreX, 105 * MM, 14);

  // Issuer and date at the bottom right, the seal stamped over them as on paper.
  const issuerCentre = A4[0] - 70 * MM;
  drawCentred(page, font, content.issuer, issuerCentre, 72 * MM, 13);
  drawCentred(page, font, chineseDate(content.issuedOn), issuerCentre, 64 * MM, 13);
  if (assets.seal) {
    const seal = await document.embedPng(assets.seal);
    const size = 40 * MM;
    const box = seal.scaleToFit(size, size);
    page.drawImage(seal, {
      x: issuerCentre - box.width / 2,
      y: 70 * MM - box.height / 2,
      width: box.width,
      height: box.height,
    });
  }

  const qrSize = 32 * MM;
  drawQrCode(page, content.verificationUrl, { x: 30 * MM, y: 45 * MM, size: qrSize });
  page.drawText(QR_CAPTION, { x: 30 * MM, y: 40 * MM, size: 8, font, color: INK });
  page.drawText(content.verificationUrl, { x: 30 * MM, y: 35 * MM, size: 8, font, color: INK });
  return document.save();
}
