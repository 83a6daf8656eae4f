import { type PDFPage, rgb } from "pdf-lib";
import QRCode from "qrcode";

/** The quiet zone ISO/IEC 18004 requires around a symbol, in modules. */
const QUIET_MODULES = 4;

/**
 * The QR code as one vector path of its dark modules: sharp at any printer resolution, and with no
 * seams between modules that a scanner could read as light. Level M survives a fold or a smudge.
 */
export function drawQrCode(page: PDFPage, text: string, box: { x: number; y: number; size: number }): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const count = modules.size;
  const moduleSize = box.size / (count + 2 * QUIET_MODULES);
  const runs: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let column = 0; column < count; column++) {
      if (!modules.get(row, column)) continue;
      const start = column;
      while (column + 1 < count && modules.get(row, column + 1)) column++;
      runs.push(
        `M${start + QUIET_MODULES} ${row + QUIET_MODULES}h${column - start + 1}v1h-${column - start + 1}z`,
      );
    }
  }
  page.drawRectangle({ x: box.x, y: box.y, width: box.size, height: box.size, color: rgb(1, 1, 1) });
  // SVG paths run downwards from (x, y): the symbol's top-left corner.
  page.drawSvgPath(runs.join(""), { x: box.x, y: box.y + box.size, scale: moduleSize, color: rgb(0, 0, 0) });
}
