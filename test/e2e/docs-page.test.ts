import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LocalSystem } from "../../infra/local/system";
import { launchBrowser } from "../support/browser";
import { startTestSystem } from "../support/local-system";

let system: LocalSystem;
let browser: Browser;

beforeAll(async () => {
  system = await startTestSystem();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

/** The API reference page as a front-end developer reads it: the codes each route answers. */
describe("the API reference page (/docs) in a browser", () => {
  it("shows an operation's error codes under each status, with their message and rule", async () => {
    const page = await browser.newPage();
    // Swagger UI's deep link opens the operation: tag, then operationId.
    await page.goto(`${system.url}/docs#/${encodeURIComponent("省职改办")}/startReset`);
    const operation = page.locator("#operations-省职改办-startReset");
    await operation.getByText("STALE_GENERATION").first().waitFor({ timeout: 30_000 });
    const text = await operation.textContent();
    expect(text).toContain("409");
    expect(text).toContain("STALE_GENERATION");
    expect(text).toContain("422");
    expect(text).toContain("FORMAL_DATA_RESET_NOT_CONFIRMED (R3.3)");
    expect(text).toContain("当前为正式申报数据，须输入轮次编号确认后方可重置。");
    expect(text).toContain("ROLE_REMOVED_BY_RESET (R3.2)");
    await page.close();
  });
});
