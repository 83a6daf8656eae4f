import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VirtualClock } from "../../../infra/local/virtual-clock";

describe("virtual clock", () => {
  it("stands still when frozen and advances by exactly what it is told", () => {
    const clock = new VirtualClock();
    clock.set(new Date("2024-10-20T15:59:59.000Z"), true);
    expect(clock.now().toISOString()).toBe("2024-10-20T15:59:59.000Z");
    clock.advance(999);
    expect(clock.now().toISOString()).toBe("2024-10-20T15:59:59.999Z");
    expect(clock.frozen).toBe(true);
  });

  it("runs on from the set time when not frozen", async () => {
    const clock = new VirtualClock();
    clock.set(new Date("2024-09-01T00:00:00Z"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const elapsed = clock.now().getTime() - Date.parse("2024-09-01T00:00:00Z");
    expect(elapsed).toBeGreaterThanOrEqual(15);
    expect(elapsed).toBeLessThan(5000);
  });

  it("keeps its time across a restart through its file", () => {
    const file = join(mkdtempSync(join(tmpdir(), "clock-")), "clock.json");
    new VirtualClock(file).set(new Date("2024-11-05T00:00:00+08:00"), true);
    expect(new VirtualClock(file).now().toISOString()).toBe("2024-11-04T16:00:00.000Z");
  });
});
