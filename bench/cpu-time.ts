/**
 * CPU time as Linux counts it in /proc, for the benches to say where a run's time went: a process's own (with the
 * children it has reaped, as PostgreSQL's postmaster reaps its connection backends), a process tree's, and the
 * whole machine's busy and idle time. Elsewhere than Linux every figure is NaN, and the benches print it as such.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second (`getconf CLK_TCK`), 100 on every Linux build Node runs on. */
const ticksPerSecond = 100;

interface ProcessStat {
  parentPid: number;
  /** utime + stime + cutime + cstime, in ms. */
  cpuMs: number;
}

function processStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields that follow start after its last `)`.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
    return { parentPid: Number(fields[1]), cpuMs: (ticks * 1000) / ticksPerSecond };
  } catch {
    return undefined;
  }
}

/** CPU ms used so far by `rootPid` and every live process under it (reaped ones are in their parent's figure). */
export function processTreeCpuMs(rootPid: number): number {
  const stats = new Map<number, ProcessStat>();
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return Number.NaN;
  }
  for (const name of entries) {
    const stat = processStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  if (!stats.has(rootPid)) return Number.NaN;
  const tree = new Set([rootPid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const [pid, stat] of stats) {
      if (!tree.has(pid) && tree.has(stat.parentPid)) {
        tree.add(pid);
        grown = true;
      }
    }
  }
  return [...tree].reduce((sum, pid) => sum + (stats.get(pid)?.cpuMs ?? 0), 0);
}

/** The machine's CPU time so far, all cores together, in ms: busy (everything but idle and iowait) and idle. */
export function machineCpuMs(): { busyMs: number; idleMs: number } {
  try {
    const total = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is counted in user already.
    const [user, nice, system, idle, iowait, irq, softirq, steal] = total.trim().split(/\s+/).slice(1).map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, ticks) => sum + (ticks ?? 0), 0);
    const toMs = (ticks: number) => (ticks * 1000) / ticksPerSecond;
    return { busyMs: toMs(busy), idleMs: toMs((idle ?? 0) + (iowait ?? 0)) };
  } catch {
    return { busyMs: Number.NaN, idleMs: Number.NaN };
  }
}
