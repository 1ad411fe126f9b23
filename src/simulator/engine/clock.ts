/**
 * The simulated clock. Time only moves when the engine says so, so token
 * expiry and the JWKS refresh schedule are reproducible.
 */

/** Every simulation starts here: 2026-01-15T09:00:00Z. */
const START_INSTANT_MS = Date.UTC(2026, 0, 15, 9, 0, 0);

export class SimClock {
  #ms: number;

  constructor(startMs: number = START_INSTANT_MS) {
    this.#ms = startMs;
  }

  /** Milliseconds since the Unix epoch, simulated. */
  now(): number {
    return this.#ms;
  }

  /** Whole seconds since the epoch (a JWT NumericDate). */
  epochSeconds(): number {
    return Math.floor(this.#ms / 1000);
  }

  /** The current instant as an ISO 8601 UTC string. */
  iso(): string {
    return new Date(this.#ms).toISOString();
  }

  /** The current instant as a Date (a fresh object each call). */
  date(): Date {
    return new Date(this.#ms);
  }

  /** Moves time forward. Negative or non-finite values are refused. */
  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new RangeError(
        `cannot advance the clock by ${String(seconds)} seconds`,
      );
    }
    this.#ms += Math.round(seconds * 1000);
  }
}
