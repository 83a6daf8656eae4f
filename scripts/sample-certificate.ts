/**
 * Renders the sample certificate shown in the README (docs/sample-certificate.png) with the same code
 * that prints every certificate, a specimen seal (样章) and a drawn stand-in for the ID photo. Needs
 * Poppler's `pdftoppm` and MuPDF's `mutool` (installed by .ci/run). Run: `npm run sample:certificate`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { degrees, PDFDocument, rgb } from "pdf-lib";
import { PNG } from "pngjs";
import { certificateFont } from "../functions/adapters/certificate-font";
import { certificateVerificationUrl } from "../functions/core/certificates";
import { printableSubset } from "../functions/services/certificate-font-subset";
import { renderCertificate } from "../functions/services/certificate-pdf";

const OUTPUT = new URL("../docs/sample-certificate.png", import.meta.url);
const ISSUER = "甘肃省职称改革工作领导小组办公室";
const SEAL_RED = rgb(0.8, 0.1, 0.1);

/** A grey head-and-shoulders on the blue of an ID photo. */
function samplePhoto(): Uint8Array {
  const png = new PNG({ width: 140, height: 196 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const head = ((x - 70) / 30) ** 2 + ((y - 78) / 38) ** 2 < 1;
      const shoulders = y > 128 && ((x - 70) / 62) ** 2 + ((y - 200) / 70) ** 2 < 1;
      png.data.set(head || shoulders ? [110, 110, 115, 255] : [150, 190, 230, 255], (y * png.width + x) * 4);
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** A round specimen seal: ring, star, the office's name along the rim and 样章; PNG with transparency. */
async function specimenSeal(work: string): Promise<Uint8Array> {
  const size = 120;
  const centre = size / 2;
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(await printableSubset(await certificateFont(), `${ISSUER}样章`), {
    subset: false,
  });
  const page = document.addPage([size, size]);
  page.drawCircle({ x: centre, y: centre, size: 56, borderColor: SEAL_RED, borderWidth: 4 });
  const star = Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? 18 : 7.2;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return `${i === 0 ? "M" : "L"}${(radius * Math.cos(angle)).toFixed(2)} ${(radius * Math.sin(angle)).toFixed(2)}`;
  }).join("");
  page.drawSvgPath(`${star}Z`, { x: centre, y: centre, color: SEAL_RED });
  const characters = [...ISSUER];
  const sweep = 250;
  characters.forEach((character, index) => {
    // Clockwise from upper left to upper right along the rim, each character upright to the centre.
    const angle = 90 + sweep / 2 - (index * sweep) / (characters.length - 1);
    const radians = (angle * Math.PI) / 180;
    const fontSize = 11;
    const radius = 40;
    const half = fontSize / 2;
    const x = centre + radius * Math.cos(radians);
    const y = centre + radius * Math.sin(radians);
    const rotation = ((angle - 90) * Math.PI) / 180;
    page.drawText(character, {
      x: x - half * Math.cos(rotation) + half * 0.75 * Math.sin(rotation),
      y: y - half * Math.sin(rotation) - half * 0.75 * Math.cos(rotation),
      size: fontSize,
      font,
      color: SEAL_RED,
      rotate: degrees(angle - 90),
    });
  });
  const label = "样章";
  page.drawText(label, {
    x: centre - font.widthOfTextAtSize(label, 12) / 2,
    y: centre - 34,
    size: 12,
    font,
    color: SEAL_RED,
  });
  const pdf = join(work, "seal.pdf");
  writeFileSync(pdf, await document.save());
  const png = join(work, "seal.png");
  // MuPDF keeps the transparent background (-c rgba), so the seal lies over the text as ink does.
  execFileSync("mutool", ["draw", "-q", "-c", "rgba", "-r", "300", "-o", png, pdf, "1"], { stdio: "ignore" });
  return new Uint8Array(readFileSync(png));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "sample-certificate-"));
  try {
    const number = "GS2024-000001";
    const code = "7Q4MK-2XDHP";
    const pdf = await renderCertificate(
      {
        holderName: "李晓燕",
        series: "人力资源培训",
        qualification: "副高级",
        validityScope: "全省有效",
        certificateNumber: number,
        issuedOn: "2025-01-07",
        issuer: ISSUER,
        verificationCode: code,
        verificationUrl: certificateVerificationUrl("https://zcps.example.gov.cn", number, code),
      },
      {
        font: await certificateFont(),
        photo: { bytes: samplePhoto(), contentType: "image/png" },
        seal: await specimenSeal(work),
      },
    );
    const input = join(work, "certificate.pdf");
    writeFileSync(input, pdf);
    execFileSync("pdftoppm", ["-r", "80", "-png", "-singlefile", input, join(work, "certificate")]);
    writeFileSync(OUTPUT, readFileSync(join(work, "certificate.png")));
    console.log(`wrote ${OUTPUT.pathname}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
