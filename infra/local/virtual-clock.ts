import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { Clock } from "../../functions/adapters/clock";

interface ClockState {
  /** Virtual minus real time, in ms, while running. */
  offsetMs: number;
  /** When set, time stands still at this instant (tests step it explicitly). */
  frozenAt?: number;
}

/**
 * The settable clock of the local runtime (DESIGN.md §4): it runs like real time, shifted, or stands
 * still when frozen. Its state is kept in a file so a restart resumes the same virtual time.
 */
export class VirtualClock implements Clock {
  private state: ClockState = { offsetMs: 0 };

  constructor(private readonly file?: string) {
    if (file && existsSync(file)) this.state = JSON.parse(readFileSync(file, "utf8")) as ClockState;
  }

  now(): Date {
    return new Date(this.state.frozenAt ?? Date.now() + this.state.offsetMs);
  }

  get frozen(): boolean {
    return this.state.frozenAt !== undefined;
  }

  set(at: Date, frozen = false): void {
    this.state = frozen ? { offsetMs: 0, frozenAt: at.getTime() } : { offsetMs: at.getTime() - Date.now() };
    this.persist();
  }

  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms), this.frozen);
  }

  private persist(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.state));
  }
}
