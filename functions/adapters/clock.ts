/**
 * The clock port (DESIGN.md §4). In AWS it is the system time; the local runtime installs its virtual
 * clock here so that every handler and the workflow see the same, settable time. The core never reads
 * it: handlers pass `now` in.
 */
export interface Clock {
  now(): Date;
}

const systemClock: Clock = { now: () => new Date() };

let installed: Clock = systemClock;

export function clock(): Clock {
  return installed;
}

export function installClock(replacement: Clock): void {
  installed = replacement;
}
