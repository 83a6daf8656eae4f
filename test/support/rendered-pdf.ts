import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { PNG } from "pngjs";

const run = promisify(execFile);

/**
 * The engines people's viewers and printers use: Poppler (most Linux viewers, CUPS), MuPDF, Ghostscript
 * (print pipelines) and pdf.js (Firefox, many web viewers).
 */
export const ENGINES = ["poppler", "mupdf", "ghostscript", "pdfjs"] as const;
export type Engine = (typeof ENGINES)[number];

export interface RenderedPage {
  png: PNG;
  dpi: number;
  /** What the engine said while rendering (its stderr; pdf.js's warnings). */
  messages: string;
}

async function withFiles<T>(pdf: Uint8Array, work: (input: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "certificate-render-"));
  try {
    const input = join(dir, "in.pdf");
    await writeFile(input, pdf);
    return await work(input, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function renderWithTool(pdf: Uint8Array, engine: Exclude<Engine, "pdfjs">, dpi: number) {
  return withFiles(pdf, async (input, dir) => {
    const output = join(dir, "page.png");
    const commands: Record<typeof engine, [string, string[]]> = {
      poppler: ["pdftoppm", ["-r", String(dpi), "-png", "-singlefile", input, join(dir, "page")]],
      mupdf: ["mutool", ["draw", "-q", "-r", String(dpi), "-o", output, input, "1"]],
      ghostscript: [
        "gs",
        [
          "-q",
          "-dSAFER",
          "-dBATCH",
          "-dNOPAUSE",
          "-sDEVICE=png16m",
          "-dTextAlphaBits=4",
          "-dGraphicsAlphaBits=4",
          `-r${dpi}`,
          `-sOutputFile=${output}`,
          input,
        ],
      ],
    };
    const [command, args] = commands[engine];
    const { stdout, stderr } = await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
    return { png: PNG.sync.read(await readFile(output)), dpi, messages: `${stdout}${stderr}` };
  });
}

/** pdf.js as a browser runs it, drawing on a canvas (the @napi-rs/canvas pdf.js uses under Node). */
async function renderWithPdfJs(pdf: Uint8Array, dpi: number): Promise<RenderedPage> {
  const messages: string[] = [];
  const original = console.log;
  // pdf.js reports bad fonts as "Warning: …" lines on console.log.
  console.log = (...parts: unknown[]) => messages.push(parts.map(String).join(" "));
  try {
    const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 1 }).promise;
    const page = await document.getPage(1);
    const viewport = page.getViewport({ scale: dpi / 72 });
    type RenderParameters = Parameters<typeof page.render>[0];
    const factory = document.canvasFactory as {
      create(width: number, height: number): { canvas: unknown; context: unknown };
    };
    const { canvas, context } = factory.create(viewport.width, viewport.height);
    await page.render({
      canvasContext: context as RenderParameters["canvasContext"],
      canvas: canvas as RenderParameters["canvas"],
      viewport,
      background: "#ffffff",
    }).promise;
    await document.destroy();
    const png = (canvas as { toBuffer(type: "image/png"): Buffer }).toBuffer("image/png");
    return { png: PNG.sync.read(png), dpi, messages: messages.join("\n") };
  } finally {
    console.log = original;
  }
}

export async function renderPage(pdf: Uint8Array, engine: Engine, dpi = 100): Promise<RenderedPage> {
  return engine === "pdfjs" ? renderWithPdfJs(pdf, dpi) : renderWithTool(pdf, engine, dpi);
}

/** Lines of an engine's messages that speak of fonts, glyphs or errors. */
export function fontComplaints(messages: string): string[] {
  return messages.split("\n").filter((line) => /font|glyph|error|invalid/i.test(line));
}

/** A rectangle on the page in millimetres from the top-left corner, as one measures a printed sheet. */
export interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

function pixels(page: RenderedPage, area: Area) {
  const toPx = (mm: number) => Math.round((mm / 25.4) * page.dpi);
  const x0 = Math.max(0, toPx(area.left));
  const y0 = Math.max(0, toPx(area.top));
  const x1 = Math.min(page.png.width, toPx(area.left + area.width));
  const y1 = Math.min(page.png.height, toPx(area.top + area.height));
  const out: { r: number; g: number; b: number }[] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * page.png.width + x) * 4;
      out.push({ r: page.png.data[i] ?? 0, g: page.png.data[i + 1] ?? 0, b: page.png.data[i + 2] ?? 0 });
    }
  }
  return out;
}

/** Pixels a reader sees as ink (dark), in an area. */
export function inkIn(page: RenderedPage, area: Area): number {
  return pixels(page, area).filter(({ r, g, b }) => 0.299 * r + 0.587 * g + 0.114 * b < 160).length;
}

/** Pixels of seal red in an area. */
export function redIn(page: RenderedPage, area: Area): number {
  return pixels(page, area).filter(({ r, g, b }) => r > 150 && g < 110 && b < 110).length;
}

/** Pixels that are not white in an area (anything a printer would have to put on paper). */
export function markedIn(page: RenderedPage, area: Area): number {
  return pixels(page, area).filter(({ r, g, b }) => r < 250 || g < 250 || b < 250).length;
}

/** Pixels whose darkness differs clearly between two renderings of the same area. */
export function differingIn(a: RenderedPage, b: RenderedPage, area: Area): number {
  const left = pixels(a, area);
  const right = pixels(b, area);
  return left.filter((pixel, index) => {
    const other = right[index];
    return other !== undefined && Math.abs(pixel.r + pixel.g + pixel.b - (other.r + other.g + other.b)) > 150;
  }).length;
}

/** The QR code on a rendered page, decoded as a phone's scanner would from a photo of the page. */
export function decodeQrCode(page: RenderedPage): string | undefined {
  return jsQR(new Uint8ClampedArray(page.png.data), page.png.width, page.png.height)?.data;
}
