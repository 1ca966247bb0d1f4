// CPU time from Linux /proc (null elsewhere): per process, and for the whole machine, in seconds.
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export function processCpuSeconds(pid: number): number | null {
	try {
		// /proc/<pid>/stat: utime and stime are fields 14 and 15, counted after the parenthesised name.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
	} catch {
		return null;
	}
}

/** Busy CPU seconds of the whole machine so far. */
export function machineCpuSeconds(): number | null {
	try {
		const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
		// user nice system idle iowait irq softirq steal: busy is everything but idle and iowait.
		return (ticks.slice(0, 8).reduce((sum, t) => sum + t, 0) - ticks[3] - ticks[4]) / TICKS_PER_SECOND;
	} catch {
		return null;
	}
}
