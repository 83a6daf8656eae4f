import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium, which `.ci/run` installs; Playwright's own browser downloads are not used. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Headless Chromium as a person's browser, with everything that would reach out to the network turned
 * off (the machine has none; Chromium waits on those connections otherwise). Playwright gives each
 * launch a new, empty profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 60_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
