import { randomBytes } from "node:crypto";
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from "pdf-lib";
import { PNG } from "pngjs";

// A4 in points, as in functions/services/evidence-pdf.ts.
const A4 = { width: 595.28, height: 841.89 };

/**
 * A scanner's PDF just under `maxBytes`: `pages` A4 pages, each one image of incompressible pixels stored
 * as it is (as a scanner's JPEG pages are to a PDF reader: opaque bytes), so that the file is as large as
 * an applicant may send and has as many objects as a long scan. What `complete` costs grows with both.
 */
export async function largeScanPdf(maxBytes: number, pages: number): Promise<Uint8Array> {
  // Room for the page objects, the cross-reference table and the trailer.
  const perPage = Math.floor((maxBytes - 64 * 1024) / pages);
  const width = 400;
  const height = Math.floor(perPage / (width * 3));
  const document = await PDFDocument.create();
  for (let index = 0; index < pages; index += 1) {
    const image = document.context.register(
      document.context.stream(randomBytes(width * height * 3), {
        Type: "XObject",
        Subtype: "Image",
        Width: width,
        Height: height,
        ColorSpace: "DeviceRGB",
        BitsPerComponent: 8,
      }),
    );
    const page = document.addPage([A4.width, A4.height]);
    const name = page.node.newXObject("Scan", image);
    page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(A4.width, 0, 0, A4.height, 0, 0),
      drawObject(name),
      popGraphicsState(),
    );
  }
  const bytes = await document.save({ useObjectStreams: false });
  if (bytes.length > maxBytes) throw new Error(`the large PDF came out at ${bytes.length} bytes`);
  return bytes;
}

/**
 * A page scanned to PNG at 150 dpi (1240 × 1754 pixels): white paper with a band of print noise, the band
 * sized so that the file comes to about `targetBytes`. Merging decodes every pixel and deflates it again,
 * so its cost follows the pixels, which a real scan of this size has as many of.
 */
export function scanPng(targetBytes: number): Uint8Array {
  const png = new PNG({ width: 1240, height: 1754, colorType: 2, inputHasAlpha: false });
  const rowBytes = png.width * 4;
  png.data.fill(0xff);
  // Incompressible noise is stored at about its size; the rest of the page deflates to almost nothing.
  const noisyRows = Math.min(png.height, Math.ceil(targetBytes / (png.width * 3)));
  randomBytes(noisyRows * rowBytes).copy(png.data, 0);
  return PNG.sync.write(png, { colorType: 2, inputHasAlpha: true });
}
