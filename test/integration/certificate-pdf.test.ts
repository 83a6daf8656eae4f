import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";
import { beforeAll, describe, expect, it } from "vitest";
import { certificateFont } from "../../functions/adapters/certificate-font";
import { DomainError } from "../../functions/core/errors";
import {
  type CertificateContent,
  PRINT_MARGIN_MM,
  renderCertificate,
} from "../../functions/services/certificate-pdf";
import {
  type Area,
  decodeQrCode,
  differingIn,
  ENGINES,
  type Engine,
  fontComplaints,
  inkIn,
  markedIn,
  type RenderedPage,
  redIn,
  renderPage,
} from "../support/rendered-pdf";

const font = await certificateFont();

const content: CertificateContent = {
  holderName: "李晓燕",
  series: "人力资源培训",
  qualification: "副高级",
  validityScope: "全省有效",
  certificateNumber: "GS2024-000123",
  issuedOn: "2025-01-15",
  issuer: "甘肃省职称改革工作领导小组办公室",
  verificationCode: "7Q4MK-2XDHP",
  verificationUrl: "https://zcps.example.gov.cn/certificates/GS2024-000123?code=7Q4MK-2XDHP",
};
/** The same length as the first name, so that only the glyphs' shapes can tell the two apart. */
const OTHER_NAME = "欧阳娜";

/** A 2-inch photo stand-in: a grey silhouette on light blue, as PNG. */
function photoPng(): Uint8Array {
  const png = new PNG({ width: 70, height: 98 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const head = (x - 35) ** 2 + (y - 38) ** 2 < 18 ** 2;
      const shoulders = y > 66 && Math.abs(x - 35) < 30;
      const i = (y * png.width + x) * 4;
      png.data.set(head || shoulders ? [90, 90, 90, 255] : [190, 215, 240, 255], i);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A red ring on a transparent background: enough of a seal to find it on the page. */
function sealPng(): Uint8Array {
  const png = new PNG({ width: 200, height: 200 });
  for (let y = 0; y < 200; y++) {
    for (let x = 0; x < 200; x++) {
      const distance = Math.hypot(x - 100, y - 100);
      png.data.set(distance > 84 && distance < 97 ? [200, 20, 20, 230] : [0, 0, 0, 0], (y * 200 + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

const photo = { bytes: photoPng(), contentType: "image/png" as const };

// Where the layout puts things, in millimetres from the page's top-left corner.
const NAME_BASELINE_FROM_TOP = 297 - 200;
const VALUE_LEFT = 65;
const GLYPH_MM = (14 / 72) * 25.4;
const nameCell = (index: number): Area => ({
  left: VALUE_LEFT + index * GLYPH_MM,
  top: NAME_BASELINE_FROM_TOP - 5,
  width: GLYPH_MM,
  height: 6,
});
const NAME_LINE: Area = { left: VALUE_LEFT, top: NAME_BASELINE_FROM_TOP - 5, width: 3 * GLYPH_MM, height: 6 };
const SERIES_LINE: Area = {
  left: VALUE_LEFT,
  top: NAME_BASELINE_FROM_TOP + 12 - 5,
  width: 6 * GLYPH_MM,
  height: 6,
};
const ISSUER_LINE: Area = { left: 95, top: 297 - 72 - 5, width: 90, height: 6 };
const SEAL_AREA: Area = { left: 118, top: 205, width: 44, height: 44 };

let pdf: Uint8Array;
let otherPdf: Uint8Array;
const rendered = new Map<Engine, { first: RenderedPage; other: RenderedPage }>();

beforeAll(async () => {
  pdf = await renderCertificate(content, { font, photo });
  otherPdf = await renderCertificate({ ...content, holderName: OTHER_NAME }, { font, photo });
  for (const engine of ENGINES) {
    rendered.set(engine, { first: await renderPage(pdf, engine), other: await renderPage(otherPdf, engine) });
  }
}, 60_000);

function pages(engine: Engine) {
  const pair = rendered.get(engine);
  if (!pair) throw new Error(`${engine} did not render`);
  return pair;
}

describe("R4.6 the certificate as people's viewers and printers draw it", () => {
  it.each(ENGINES)("R4.6 %s draws it without a word about fonts or errors", (engine) => {
    expect(fontComplaints(pages(engine).first.messages)).toEqual([]);
    expect(fontComplaints(pages(engine).other.messages)).toEqual([]);
  });

  it.each(ENGINES)(
    "R4.6 %s draws every character of the holder's name, and another name differently",
    (engine) => {
      const { first, other } = pages(engine);
      for (let index = 0; index < 3; index++) {
        expect(inkIn(first, nameCell(index)), `character ${index + 1}`).toBeGreaterThan(20);
        expect(inkIn(other, nameCell(index)), `character ${index + 1}`).toBeGreaterThan(20);
      }
      // Boxes drawn in place of missing glyphs would look the same for both names.
      for (let index = 0; index < 3; index++) {
        expect(differingIn(first, other, nameCell(index)), `character ${index + 1}`).toBeGreaterThan(15);
      }
    },
  );

  it.each(ENGINES)("R4.6 %s draws the series and the issuing office", (engine) => {
    const { first } = pages(engine);
    expect(inkIn(first, SERIES_LINE)).toBeGreaterThan(100);
    expect(inkIn(first, ISSUER_LINE)).toBeGreaterThan(200);
    // Only the name differs between the two certificates.
    expect(differingIn(first, pages(engine).other, SERIES_LINE)).toBe(0);
    expect(differingIn(first, pages(engine).other, NAME_LINE)).toBeGreaterThan(50);
  });

  it.each(ENGINES)(
    "R4.6 %s finds a QR code that opens this certificate's verification page",
    async (engine) => {
      expect(decodeQrCode(await renderPage(pdf, engine, 150))).toBe(content.verificationUrl);
    },
  );

  it("R4.6 is one A4 page with nothing inside the margins a printer cannot print", () => {
    const { first } = pages("poppler");
    expect(first.png.width).toBeCloseTo((210 / 25.4) * first.dpi, -1);
    expect(first.png.height).toBeCloseTo((297 / 25.4) * first.dpi, -1);
    const edge = PRINT_MARGIN_MM - 1;
    for (const strip of [
      { left: 0, top: 0, width: 210, height: edge },
      { left: 0, top: 297 - edge, width: 210, height: edge },
      { left: 0, top: 0, width: edge, height: 297 },
      { left: 210 - edge, top: 0, width: edge, height: 297 },
    ]) {
      expect(markedIn(first, strip)).toBe(0);
    }
    // The frame sits right at the margin: the page is not blank around it.
    expect(markedIn(first, { left: PRINT_MARGIN_MM - 0.5, top: 100, width: 2, height: 100 })).toBeGreaterThan(
      0,
    );
  });

  it("R4.6 prints the office's seal over its name only when the deployment has one", async () => {
    expect(redIn(pages("poppler").first, SEAL_AREA)).toBe(0);
    const sealed = await renderPage(
      await renderCertificate(content, { font, photo, seal: sealPng() }),
      "poppler",
    );
    expect(redIn(sealed, SEAL_AREA)).toBeGreaterThan(500);
    expect(inkIn(sealed, ISSUER_LINE)).toBeGreaterThan(100);
  });

  it("R4.6 keeps a text layer with every field, and embeds only a subset of the font", async () => {
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    const page = await document.getPage(1);
    const text = (await page.getTextContent()).items.map((item) => ("str" in item ? item.str : "")).join("");
    for (const value of Object.values(content)) expect(text).toContain(value);
    expect(text).toContain("专业技术资格证书");
    expect(pdf.byteLength).toBeLessThan(font.byteLength / 100);
  });

  it("R4.6 refuses a name the font cannot print instead of printing empty boxes", async () => {
    const rare = { ...content, holderName: "王𪚥" };
    await expect(renderCertificate(rare, { font })).rejects.toSatisfy(
      (error) =>
        error instanceof DomainError &&
        error.code === "CERTIFICATE_GLYPH_MISSING" &&
        error.message.includes("𪚥") &&
        !error.message.includes("王"),
    );
  });
});
