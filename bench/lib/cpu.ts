// CPU time from Linux /proc (null elsewhere): per process, and for the whole machine, in seconds.
import { readdirSync, readFileSync } from 'node:fs';

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

function stat(pid: number): { ppid: number; seconds: number; reaped: number } | null {
	try {
		// After the parenthesised name: state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from 1.
		const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return {
			ppid: Number(fields[1]),
			seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
			reaped: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND
		};
	} catch {
		return null;
	}
}

/** The living descendants of a process (children first), from /proc. */
export function descendants(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const info = stat(Number(entry));
		if (info) children.set(info.ppid, [...(children.get(info.ppid) ?? []), Number(entry)]);
	}
	const found: number[] = [];
	const queue = [...(children.get(root) ?? [])];
	while (queue.length > 0) {
		const pid = queue.shift()!;
		found.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return found;
}

/**
 * CPU seconds of a process and all its living descendants (server.js forks one process per core with
 * WEB_CONCURRENCY > 1), plus those of descendants it has already reaped; null when unreadable.
 */
export function processTreeCpuSeconds(root: number): number | null {
	const top = stat(root);
	if (!top) return null;
	return descendants(root).reduce((total, pid) => total + (stat(pid)?.seconds ?? 0), top.seconds + top.reaped);
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
