/** Hosts a local runtime answers on: the only ones allowed without TLS. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * The public address under which `/certificates/{number}` answers, as each deployment configures it.
 * It is printed on paper that lives for decades, so a value that could not work is refused where it is
 * set (synth, start-up) rather than printed: HTTPS (plain HTTP only on loopback), no credentials, query
 * or fragment. A trailing slash is dropped.
 */
export function parseVerificationBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new RangeError(`the certificate verification base URL "${value}" is not an absolute URL`);
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new RangeError(
      `the certificate verification base URL "${value}" must use https (http only on 127.0.0.1 or localhost)`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new RangeError(
      `the certificate verification base URL "${value}" must not carry credentials, a query or a fragment`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** The page a certificate's QR code opens: its number and code, as the verification route reads them. */
export function certificateVerificationUrl(baseUrl: string, certificateNumber: string, code: string): string {
  return `${baseUrl}/certificates/${encodeURIComponent(certificateNumber)}?code=${encodeURIComponent(code)}`;
}
