// Memory and CPU of a set of processes, read from /proc (Linux only), for the benchmarks: the
// console's resident memory (VmRSS) and the CPU time it spends during a run.
import { readdirSync, readFileSync } from "node:fs";

interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  comm: string;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

// USER_HZ: 100 on every Linux the console runs on (getconf CLK_TCK); not exposed by Node.
const CLOCK_TICKS_PER_SECOND = 100;

function readProc(pid: number): ProcEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // comm is in parentheses and may hold spaces or parentheses itself: split after the last ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // Fields from 3 (state): ppid is 4, pgrp 5, utime 14, stime 15 (man 5 proc).
    return {
      pid,
      comm,
      ppid: Number(fields[1]),
      pgrp: Number(fields[2]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null; // gone meanwhile
  }
}

function allProcesses(): ProcEntry[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readProc(Number(name)))
    .filter((entry): entry is ProcEntry => entry !== null);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

/**
 * The next-server process of a process group (`next start` renames itself `next-server (v…)`)
 * and every process below it; empty while it has not started.
 */
export function nextServerTree(processGroup: number): number[] {
  const processes = allProcesses();
  const root = processes.find(
    (entry) =>
      entry.pgrp === processGroup &&
      (entry.comm.startsWith("next-server") ||
        /next-server|next\/dist\/bin\/next start/.test(commandLine(entry.pid))),
  );
  if (!root) return [];
  const tree = [root.pid];
  for (let i = 0; i < tree.length; i++)
    for (const entry of processes)
      if (entry.ppid === tree[i]) tree.push(entry.pid);
  return tree;
}

/** Resident memory of one process in bytes (VmRSS), 0 when it is gone. */
export function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) the processes have used so far, in seconds. */
export function cpuSeconds(pids: number[]): number {
  return (
    pids.reduce((sum, pid) => sum + (readProc(pid)?.cpuTicks ?? 0), 0) /
    CLOCK_TICKS_PER_SECOND
  );
}

/**
 * Seconds the processes' threads have waited, runnable, for a CPU (/proc/<pid>/task/<tid>/schedstat,
 * second field): how much other work on the machine held them back.
 */
export function runQueueSeconds(pids: number[]): number {
  let nanoseconds = 0;
  for (const pid of pids) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    for (const tid of tasks) {
      try {
        const fields = readFileSync(
          `/proc/${pid}/task/${tid}/schedstat`,
          "utf8",
        ).split(" ");
        nanoseconds += Number(fields[1] ?? 0);
      } catch {
        // thread gone meanwhile
      }
    }
  }
  return nanoseconds / 1e9;
}

/**
 * Samples the summed VmRSS of `pids()` every `everyMs` until stopped; `stop()` returns the peak
 * in bytes. `pids` is asked again at each sample, so a process started meanwhile is counted.
 */
export function sampleResidentMemory(
  pids: () => number[],
  everyMs = 500,
): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    const total = pids().reduce((sum, pid) => sum + residentBytes(pid), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
