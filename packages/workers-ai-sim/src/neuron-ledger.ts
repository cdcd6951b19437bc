const dayMilliseconds = 86_400_000;

/** Today's neuron count; the free allocation resets at 00:00 UTC, as Workers AI's does. */
export class NeuronLedger {
  readonly #now: () => number;
  #day = Number.NaN;
  #used = 0;

  constructor(now: () => number) {
    this.#now = now;
  }

  used(): number {
    this.#rollOver();
    return this.#used;
  }

  add(neurons: number): void {
    this.#rollOver();
    this.#used += neurons;
  }

  reset(): void {
    this.#used = 0;
  }

  #rollOver(): void {
    const day = Math.floor(this.#now() / dayMilliseconds);
    if (day !== this.#day) {
      this.#day = day;
      this.#used = 0;
    }
  }
}
