// The simulated host's clock. Real Docker stamps images and containers with the wall clock; a lesson
// must print the same output every run, so time here is logical: it starts at a fixed moment and
// moves one second per event.

/** Clock: `tick()` returns the next moment (RFC 3339, as Go prints it); `nowMs` is "now" for "2 minutes ago". */
export class Clock {
  private seconds: number;

  constructor(start = '2025-01-15T12:00:00Z') {
    this.seconds = Math.floor(Date.parse(start) / 1000);
  }

  /** tick advances the clock by one second and returns the new time. */
  tick(): string {
    this.seconds += 1;
    return this.iso();
  }

  /** iso: the current time as Go's RFC3339Nano prints a whole second (`2024-05-01T12:00:01Z`). */
  iso(): string {
    return new Date(this.seconds * 1000).toISOString().replace('.000Z', 'Z');
  }

  get nowMs(): number {
    return this.seconds * 1000;
  }
}
