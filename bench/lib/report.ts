// The readable table and the JSON file of one mode's run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSummary } from './dataset.ts';
import type { DatabaseMode, ScenarioOutcome } from './types.ts';
import type { PageWeight } from './weight.ts';

export type ModeReport = {
	mode: DatabaseMode;
	startedAt: string;
	database: string;
	postgresVersion?: string;
	serverStartupMs?: number;
	serverShutdown?: { ms: number; exit: string };
	serverLog?: { file: string; starts: number; warnings: number; errors: number; clientAborts?: number; examples: string[] };
	environment: Record<string, unknown>;
	settings: Record<string, unknown>;
	/** What was generated before the server started (the course list aside), and how long it took. */
	dataset?: Omit<DatasetSummary, 'catalogue'> & { catalogue?: undefined; note?: string };
	/** The JavaScript of a lesson page (measured once per run, in the first mode). */
	pageWeight?: PageWeight;
	scenarios: ScenarioOutcome[];
	failures: string[];
};

const fmt = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

function budgetCell(outcome: ScenarioOutcome, mode: DatabaseMode): string {
	const { budget, result } = outcome;
	if (!budget) return '–';
	const parts: string[] = [];
	const judged = result && (!budget.modes || budget.modes.includes(mode));
	// Without a single response nothing is met, not even "0 errors".
	const verdict = (ok: boolean) => (judged ? (ok && result.requests > 0 ? ' ok' : ' MISSED') : '');
	if (budget.p95Ms !== undefined) parts.push(`p95≤${budget.p95Ms}${verdict(!!result && result.latencyMs.p95 <= budget.p95Ms)}`);
	if (budget.minRequestsPerSecond !== undefined) parts.push(`≥${budget.minRequestsPerSecond}/s${verdict(!!result && result.requestsPerSecond >= budget.minRequestsPerSecond)}`);
	if (budget.zeroErrors) parts.push(`0 err${verdict(!!result && result.errors + result.non2xx3xx + result.wrongStatus + result.failedChecks === 0)}`);
	if (budget.zeroLost) parts.push(`0 lost${verdict(result?.lost === 0)}`);
	const cell = parts.join(', ');
	return budget.modes && !budget.modes.includes(mode) ? `(${cell}: ${budget.modes.join('/')} only)` : cell;
}

export function formatTable(report: ModeReport): string {
	const header = ['scenario', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'non-2xx/3xx', 'wrong', 'cpu app/db/cli/other', 'budget'];
	const rows = report.scenarios.map((outcome) => {
		const r = outcome.result;
		if (!r) return [outcome.name, '–', 'FAILED', '', '', '', '', '', '', '', '', '', budgetCell(outcome, report.mode)];
		return [
			outcome.name,
			String(r.connections),
			fmt(r.requestsPerSecond),
			fmt(r.latencyMs.p50),
			fmt(r.latencyMs.p95),
			fmt(r.latencyMs.p99),
			fmt(r.latencyMs.max),
			String(r.requests),
			String(r.errors),
			String(r.non2xx3xx),
			String(r.wrongStatus + r.failedChecks),
			[r.cpuCores.server, r.cpuCores.database, r.cpuCores.client, r.cpuCores.other].map((value) => fmt(value, 1)).join('/'),
			budgetCell(outcome, report.mode)
		];
	});
	const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const kb = (bytes: number | null) => (bytes === null ? '–' : `${(bytes / 1024).toFixed(1)} KB`);

/** The JavaScript of a lesson page against its budget (KB = 1024 bytes), then file by file. */
export function formatWeight(weight: PageWeight): string {
	const { total } = weight;
	const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
	const lines = [
		`JavaScript on a lesson page (${weight.page}): ${weight.scripts.length} files, ${kb(total.bytes)} uncompressed; ` +
			`budget ≤ ${kb(weight.budgetBytes)} compressed: gzip -9 ${kb(total.gzip)} ${verdict(weight.withinBudget.gzip)}, ` +
			`brotli ${kb(total.brotli)} ${verdict(weight.withinBudget.brotli)} (as served: ${kb(total.servedBrotli)} br, ${kb(total.servedGzip)} gzip)`
	];
	if (weight.browser) {
		lines.push('error' in weight.browser
			? `  browser cross-check not run: ${weight.browser.error}`
			: `  Chromium loaded ${weight.browser.scripts} scripts, ${kb(weight.browser.transferredBytes)} transferred` +
				(weight.browser.missedByCrawl.length ? `; also counted above, not found by the crawl: ${weight.browser.missedByCrawl.join(', ')}` : '; the same files as the crawl'));
	}
	for (const script of weight.scripts) lines.push(`  ${kb(script.gzip).padStart(9)} gzip  ${kb(script.bytes).padStart(9)} raw  ${script.url}`);
	return lines.join('\n');
}

export function printReport(report: ModeReport) {
	console.log(`\n== ${report.mode}: ${report.database}${report.postgresVersion ? ` (PostgreSQL ${report.postgresVersion})` : ''}, server ready in ${fmt((report.serverStartupMs ?? NaN) / 1000)} s`);
	if (report.dataset?.note) console.log(`  note: ${report.dataset.note}`);
	console.log(formatTable(report));
	for (const outcome of report.scenarios) {
		for (const note of outcome.result?.notes ?? []) console.log(`  · ${outcome.name}: ${note}`);
		for (const failure of outcome.failures) console.log(`  ! ${outcome.name}: ${failure}`);
		for (const warning of outcome.warnings) console.log(`  ~ ${outcome.name}: ${warning}`);
	}
	for (const failure of report.failures) console.log(`  ! ${failure}`);
	if (report.serverLog && (report.serverLog.errors || report.serverLog.warnings)) {
		console.log(`  server log: ${report.serverLog.errors} error and ${report.serverLog.warnings} warning lines (${report.serverLog.file})`);
		for (const example of report.serverLog.examples) console.log(`    ${example}`);
	}
	if (report.pageWeight) console.log(`\n${formatWeight(report.pageWeight)}`);
}

export async function writeReport(resultsDir: string, stamp: string, report: ModeReport): Promise<string> {
	await mkdir(resultsDir, { recursive: true });
	const file = path.join(resultsDir, `${stamp}-${report.mode}.json`);
	await writeFile(file, JSON.stringify(report, null, '\t') + '\n');
	return file;
}
