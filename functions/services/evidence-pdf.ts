import { ruleViolation } from "../core/errors";
import type { EvidenceContentType } from "../core/forms";

// A4 in points: scans are printed and filed on A4.
const A4 = { short: 595.28, long: 841.89 };

export interface ImageFile {
  bytes: Uint8Array;
  contentType: EvidenceContentType;
}

/**
 * Ordered scans of one document become one PDF (R7.3): one A4 page per image, in the given order,
 * turned to landscape for landscape images and scaled to fit without distortion.
 */
export async function imagesToPdf(images: readonly ImageFile[]): Promise<Uint8Array> {
  // Loaded by the first merge an instance makes, not when the function starts.
  const { PDFDocument } = await import("pdf-lib");
  const document = await PDFDocument.create();
  for (const [position, image] of images.entries()) {
    let embedded: Awaited<ReturnType<typeof document.embedPng>>;
    // A copy starting at offset 0: pdf-lib's JPEG reader reads the underlying buffer from its start, which
    // for a view into a pooled Node buffer is someone else's bytes.
    const bytes = new Uint8Array(image.bytes);
    try {
      embedded =
        image.contentType === "image/png" ? await document.embedPng(bytes) : await document.embedJpg(bytes);
    } catch {
      throw ruleViolation(
        "R7.3",
        "EVIDENCE_MERGE_FAILED",
        `第${position + 1}张图片无法读取，不能合并；请删除该图片并重新上传后再合并。`,
      );
    }
    const landscape = embedded.width > embedded.height;
    const [width, height] = landscape ? [A4.long, A4.short] : [A4.short, A4.long];
    const scale = Math.min(width / embedded.width, height / embedded.height);
    const page = document.addPage([width, height]);
    page.drawImage(embedded, {
      x: (width - embedded.width * scale) / 2,
      y: (height - embedded.height * scale) / 2,
      width: embedded.width * scale,
      height: embedded.height * scale,
    });
  }
  return document.save();
}
