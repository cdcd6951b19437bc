import type { SimulatorFault } from './types';

const kinds: readonly SimulatorFault['kind'][] = [
  'latency',
  'slow-tokens',
  'status',
  'truncate',
  'malformed',
  'reset',
];

/**
 * Faults from an `x-sim-fault` header: `kind=status;code=3040`, several separated by commas. Parts it
 * does not understand are ignored so that a typo never breaks the call itself.
 */
export function parseFaultHeader(header: string | null | undefined): SimulatorFault[] {
  if (!header) return [];
  const faults: SimulatorFault[] = [];
  for (const description of header.split(',')) {
    const fields = new Map<string, string>();
    for (const pair of description.split(';')) {
      const [key, ...rest] = pair.split('=');
      if (key) fields.set(key.trim(), rest.join('=').trim());
    }
    const kind = kinds.find((candidate) => candidate === fields.get('kind'));
    if (!kind) continue;
    const fault: SimulatorFault = { kind };
    const number = (key: string) => {
      const value = Number(fields.get(key));
      return fields.has(key) && Number.isFinite(value) ? value : undefined;
    };
    const ms = number('ms');
    const code = number('code');
    const afterEvents = number('afterEvents') ?? number('after');
    if (ms !== undefined) fault.ms = ms;
    if (code !== undefined) fault.code = code;
    if (afterEvents !== undefined) fault.afterEvents = afterEvents;
    faults.push(fault);
  }
  return faults;
}
