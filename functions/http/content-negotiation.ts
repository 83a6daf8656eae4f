import Negotiator from "negotiator";

/**
 * Whether the client would rather have the page than the JSON: a browser (also the one a phone opens
 * on scanning the QR code) ranks `text/html` first. No `Accept`, `*\/*` or `application/json` get JSON.
 */
export function prefersHtml(accept: string | undefined): boolean {
  return new Negotiator({ headers: { accept } }).mediaType(["application/json", "text/html"]) === "text/html";
}
