import { createHash } from "node:crypto";
import type { PDFDocument } from "pdf-lib";
import { ruleViolation } from "../core/errors";
import { EVIDENCE_CONTENT_TYPES, type EvidenceContentType } from "../core/forms";

/** What verification found in an upload's bytes. */
export interface InspectedEvidence {
  contentType: EvidenceContentType;
  size: number;
  sha256: string;
  /** An image is one scanned page. */
  pageCount: number;
}

const FORMAT_NAMES: Record<EvidenceContentType, string> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPG",
  "image/png": "PNG",
};

// PDF readers look for the end-of-file marker in the last 1024 bytes; an upload cut short has none.
const EOF_MARKER = "%%EOF";
const EOF_WINDOW = 1024;

/** Sizes as people read them: `20 MB`, `1.5 MB`, `800 KB`. */
export function sizeText(bytes: number): string {
  const [unit, divisor] = bytes >= 1024 * 1024 ? ["MB", 1024 * 1024] : ["KB", 1024];
  return `${(bytes / divisor).toFixed(1).replace(/\.0$/, "")} ${unit}`;
}

export function sizeProblem(size: number, maxBytes: number) {
  if (size === 0) {
    return ruleViolation("R7.3", "EVIDENCE_EMPTY", "上传的文件是空文件（0字节），请重新扫描后上传。");
  }
  if (size > maxBytes) {
    return ruleViolation(
      "R7.3",
      "EVIDENCE_TOO_LARGE",
      `文件大小为${sizeText(size)}，超过上限${sizeText(maxBytes)}；请降低扫描分辨率或分页扫描后重新上传。`,
    );
  }
  return undefined;
}

async function pdfPages(bytes: Uint8Array): Promise<number> {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW))).toString("latin1");
  const unreadable = () =>
    ruleViolation(
      "R7.3",
      "EVIDENCE_PDF_UNREADABLE",
      "PDF文件已损坏或不完整（可能上传中断），无法打开，请重新生成PDF后上传。",
    );
  if (!tail.includes(EOF_MARKER)) throw unreadable();
  // Loaded on the first upload an instance checks, not when the function starts (most requests never do).
  const { PDFDocument: Pdf } = await import("pdf-lib");
  let document: PDFDocument;
  try {
    document = await Pdf.load(bytes, {
      ignoreEncryption: true,
      throwOnInvalidObject: true,
      updateMetadata: false,
    });
  } catch {
    throw unreadable();
  }
  if (document.isEncrypted) {
    throw ruleViolation(
      "R7.3",
      "EVIDENCE_PDF_ENCRYPTED",
      "PDF文件设置了密码或加密，审核人员无法查看，请上传未加密的PDF。",
    );
  }
  const pages = document.getPageCount();
  if (pages === 0) throw unreadable();
  return pages;
}

/**
 * Checks an upload by its bytes (DESIGN.md §6): the real format, never the name or the declared type,
 * must be PDF, JPEG or PNG and match what was declared; a PDF must open. Throws the 422 that tells the
 * applicant what is wrong with the file.
 */
export async function inspectEvidence(
  bytes: Uint8Array,
  declared: EvidenceContentType,
  maxBytes: number,
): Promise<InspectedEvidence> {
  const tooBigOrEmpty = sizeProblem(bytes.length, maxBytes);
  if (tooBigOrEmpty) throw tooBigOrEmpty;
  const { fileTypeFromBuffer } = await import("file-type");
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const contentType = EVIDENCE_CONTENT_TYPES.find((type) => type === detected);
  if (!contentType) {
    throw ruleViolation(
      "R7.3",
      "EVIDENCE_TYPE_NOT_ALLOWED",
      "文件内容不是PDF、JPG或PNG格式（改了扩展名的其他文件也不行），只能上传PDF文件或图片，请重新上传。",
    );
  }
  if (contentType !== declared) {
    throw ruleViolation(
      "R7.3",
      "EVIDENCE_TYPE_MISMATCH",
      `文件实际为${FORMAT_NAMES[contentType]}格式，与申请上传时声明的${FORMAT_NAMES[declared]}格式不一致，请按实际格式重新申请上传。`,
    );
  }
  const pageCount = contentType === "application/pdf" ? await pdfPages(bytes) : 1;
  return {
    contentType,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    pageCount,
  };
}
