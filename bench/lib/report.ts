// The readable table and the JSON file of one mode's run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseMode, ScenarioOutcome } from './types.ts';

export type ModeReport = {
	mode: DatabaseMode;
	startedAt: string;
	database: string;
	postgresVersion?: string;
	serverStartupMs?: number;
	serverShutdown?: { ms: number; exit: string };
	serverLog?: { file: string; starts: number; warnings: number; errors: number; examples: string[] };
	environment: Record<string, unknown>;
	settings: Record<string, unknown>;
	scenarios: ScenarioOutcome[];
	failures: string[];
};

const fmt = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

function budgetCell(outcome: ScenarioOutcome): string {
	const { budget, result } = outcome;
	if (!budget) return '–';
	const parts: string[] = [];
	if (budget.p95Ms !== undefined) parts.push(`p95≤${budget.p95Ms}${result ? (result.latencyMs.p95 <= budget.p95Ms ? ' ok' : ' MISSED') : ''}`);
	if (budget.minRequestsPerSecond !== undefined) {
		parts.push(`≥${budget.minRequestsPerSecond}/s${result ? (result.requestsPerSecond >= budget.minRequestsPerSecond ? ' ok' : ' MISSED') : ''}`);
	}
	return parts.join(', ');
}

export function formatTable(report: ModeReport): string {
	const header = ['scenario', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'non-2xx/3xx', 'wrong', 'cpu app/db/cli/other', 'budget'];
	const rows = report.scenarios.map((outcome) => {
		const r = outcome.result;
		if (!r) return [outcome.name, '–', 'FAILED', '', '', '', '', '', '', '', '', '', budgetCell(outcome)];
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
			budgetCell(outcome)
		];
	});
	const numeric = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(report: ModeReport) {
	console.log(`\n== ${report.mode}: ${report.database}${report.postgresVersion ? ` (PostgreSQL ${report.postgresVersion})` : ''}, server ready in ${fmt((report.serverStartupMs ?? NaN) / 1000)} s`);
	console.log(formatTable(report));
	for (const outcome of report.scenarios) {
		for (const failure of outcome.failures) console.log(`  ! ${outcome.name}: ${failure}`);
		for (const warning of outcome.warnings) console.log(`  ~ ${outcome.name}: ${warning}`);
	}
	for (const failure of report.failures) console.log(`  ! ${failure}`);
	if (report.serverLog && (report.serverLog.errors || report.serverLog.warnings)) {
		console.log(`  server log: ${report.serverLog.errors} error and ${report.serverLog.warnings} warning lines (${report.serverLog.file})`);
		for (const example of report.serverLog.examples) console.log(`    ${example}`);
	}
}

export async function writeReport(resultsDir: string, stamp: string, report: ModeReport): Promise<string> {
	await mkdir(resultsDir, { recursive: true });
	const file = path.join(resultsDir, `${stamp}-${report.mode}.json`);
	await writeFile(file, JSON.stringify(report, null, '\t') + '\n');
	return file;
}
