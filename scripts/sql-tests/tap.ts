// Reads the TAP that pgTAP returns as query rows and judges one file's run: its assertions and its plan.

export type FileVerdict = { planned?: number; passed: number; failed: number; problems: string[] };

const TAP_LINE = /^(?:ok\b|not ok\b|1\.\.\d+|#)/;

/** The TAP lines in the rows of every statement of a file (pgTAP returns one line, or several, per row). */
export function tapLines(results: unknown): string[] {
	const sets = Array.isArray(results) && Array.isArray(results[0]) ? (results as unknown[][]) : [results as unknown[]];
	const lines: string[] = [];
	for (const rows of sets) {
		for (const row of rows ?? []) {
			for (const value of Object.values(row as Record<string, unknown>)) {
				if (typeof value === 'string') lines.push(...value.split('\n').filter((line) => TAP_LINE.test(line)));
			}
		}
	}
	return lines;
}

export function judge(lines: string[]): FileVerdict {
	const verdict: FileVerdict = { passed: 0, failed: 0, problems: [] };
	for (const line of lines) {
		const plan = /^1\.\.(\d+)/.exec(line);
		if (plan) verdict.planned = Number(plan[1]);
		else if (/^ok\b/.test(line) || (/^not ok\b/.test(line) && /#\s*TODO\b/i.test(line))) verdict.passed++;
		else if (/^not ok\b/.test(line)) verdict.failed++;
	}
	const ran = verdict.passed + verdict.failed;
	if (verdict.planned === undefined) verdict.problems.push('no plan: the file must call plan(N)');
	else if (verdict.planned !== ran) verdict.problems.push(`planned ${verdict.planned} tests but ran ${ran}`);
	return verdict;
}

/** The coverage figures a run reported, as diagnostics "# coverage: <figure>" (pgTAP's diag()). */
export function coverage(lines: string[]): string[] {
	return lines.flatMap((line) => /^#\s*coverage:\s*(.+)$/.exec(line)?.[1] ?? []);
}

/** Where a server-side error position (1-based, in characters) falls in the file. */
export function lineOf(text: string, position: unknown): string {
	const at = Number(position);
	if (!Number.isInteger(at) || at < 1) return '';
	const before = text.slice(0, at - 1).split('\n');
	return ` at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
