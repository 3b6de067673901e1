import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time a process has used so far, in ms, summed over its threads (Linux: each /proc/<pid>/task/<tid>/schedstat
 * starts with the thread's time on a CPU in nanoseconds, finer than /proc/<pid>/stat's clock ticks of 10 ms, which
 * are as long as a benchmark wave's share). Undefined where /proc is not there or the process has gone.
 */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let nanoseconds = 0;
    for (const thread of readdirSync(`/proc/${pid}/task`)) {
      try {
        nanoseconds += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // A thread that ended between the listing and the read has nothing more to add.
      }
    }
    return nanoseconds / 1e6;
  } catch {
    return undefined;
  }
}

/** A thread's CPU time in ms, from what process.threadCpuUsage() or worker.cpuUsage() answer (µs). */
export const cpuMsOf = ({ user, system }: NodeJS.CpuUsage): number => (user + system) / 1000;
