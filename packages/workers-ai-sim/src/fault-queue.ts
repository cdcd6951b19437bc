import type { SimulatorFault } from './types';

/** Injected faults waiting for matching calls; each applies to `times` calls (default 1). */
export class FaultQueue {
  #pending: { fault: SimulatorFault; remaining: number }[] = [];

  add(fault: SimulatorFault): void {
    this.#pending.push({ fault, remaining: fault.times ?? 1 });
  }

  /** The faults that apply to one call to `model`, consuming one use of each. */
  take(model: string): SimulatorFault[] {
    const taken: SimulatorFault[] = [];
    for (const entry of this.#pending) {
      if (entry.fault.model === undefined || entry.fault.model === model) {
        taken.push(entry.fault);
        entry.remaining -= 1;
      }
    }
    this.#pending = this.#pending.filter((entry) => entry.remaining > 0);
    return taken;
  }

  size(): number {
    return this.#pending.length;
  }

  clear(): void {
    this.#pending = [];
  }
}
