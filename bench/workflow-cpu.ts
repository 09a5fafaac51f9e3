import { readdirSync, readFileSync } from 'node:fs';

/*
 * CPU time per process of the platform under test, read from /proc (Linux):
 * the bench's own child processes (each service, its broker), the Postgres
 * backends serving its database, and the bench itself. The machine is shared:
 * what other processes use is not counted, but it still slows these down.
 */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds, null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Each direct child of `parent`, named by `name(cmdline)` (null: not one we report). */
export function childProcesses(parent: number, name: (cmdline: string) => string | null): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const label = name(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '));
      if (label) found.set(label, [...(found.get(label) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** A service by its entry (apps/<name>/src/main.ts), the broker by its java main class. */
export function platformProcessName(cmdline: string): string | null {
  const app = /apps\/([a-z-]+)\/src\/main\.ts/.exec(cmdline);
  if (app) return app[1];
  if (cmdline.includes('kafka.Kafka')) return 'kafka';
  return null;
}

export type CpuSample = Map<string, number>;

/** CPU seconds so far of each named group of processes. */
export function sample(groups: Map<string, number[]>): CpuSample {
  return new Map([...groups].map(([label, pids]) => [label, pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0)]));
}

/** Cores used by each group between two samples `seconds` apart, largest first. */
export function coresUsed(before: CpuSample, after: CpuSample, seconds: number): Array<[string, number]> {
  return [...after]
    .map(([label, total]): [string, number] => [label, (total - (before.get(label) ?? total)) / seconds])
    .sort((a, b) => b[1] - a[1]);
}

export const formatCores = (used: Array<[string, number]>): string =>
  `${used.map(([label, cores]) => `${label} ${cores.toFixed(2)}`).join(', ')} (total ${used.reduce((s, [, c]) => s + c, 0).toFixed(2)} cores)`;
