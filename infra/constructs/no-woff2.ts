/**
 * Stands in for `wawoff2` in the function bundles (LAMBDA_ALIASES): certificates subset a TrueType font
 * into TrueType, which needs no WOFF2 codec. Reaching this means a WOFF2 font was configured.
 */
function unsupported(): never {
  throw new Error("WOFF2 fonts are not supported by the function bundles: configure a TrueType font");
}

export async function compress(): Promise<Uint8Array> {
  return unsupported();
}

export async function decompress(): Promise<Uint8Array> {
  return unsupported();
}
