const DAY_MILLISECONDS = 86_400_000;

/**
 * Characters this isolate translated today (UTC), for `GET /v2/usage`. A stand-in until the
 * neuron ledger (a Durable Object, SPEC §7) keeps an exact account-wide count.
 */
export const translatedCharacters = {
  day: Number.NaN,
  count: 0,
  /** Adds billed characters to today's count, starting a new count at 00:00 UTC. */
  add(characters: number, now = Date.now()): void {
    this.rollOver(now);
    this.count += characters;
  },
  /** Today's count. */
  today(now = Date.now()): number {
    this.rollOver(now);
    return this.count;
  },
  rollOver(now: number): void {
    const day = Math.floor(now / DAY_MILLISECONDS);
    if (day !== this.day) {
      this.day = day;
      this.count = 0;
    }
  },
};
