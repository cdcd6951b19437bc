// @ts-check
// CPU time and memory of a process, read from /proc (Linux only).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** @type {number | undefined} */
let ticksPerSecond;

/** @returns {number} */
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** @param {number | string} pid */
function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces, so fields are counted from its closing parenthesis.
  const close = text.lastIndexOf(')');
  return { name: text.slice(text.indexOf('(') + 1, close), rest: text.slice(close + 2).split(' ') };
}

/**
 * User + system CPU time the process has used so far, in milliseconds (utime + stime).
 * @param {number} pid
 */
export function cpuMilliseconds(pid) {
  const { rest } = statFields(pid);
  // rest[0] is field 3 (state); utime and stime are fields 14 and 15.
  const ticks = Number(rest[11]) + Number(rest[12]);
  return (ticks * 1000) / clockTicks();
}

/**
 * Resident set size in bytes (VmRSS).
 * @param {number} pid
 */
export function rssBytes(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Process ids of the direct children of `parent` whose command name is `name`.
 * @param {number} parent
 * @param {string} name
 */
export function childProcesses(parent, name) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = statFields(entry);
      if (Number(stat.rest[1]) === parent && stat.name === name) found.push(Number(entry));
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

/** A short description of the machine for reports: core count and CPU model. */
export function machineDescription() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const cores = cpuinfo.split('\n').filter((line) => line.startsWith('processor')).length;
  return { cores, model };
}
