// The dashboard's figures as files: the target table and the per-unit breakdown, as CSV (one table per
// file, UTF-8 with a byte-order mark so that Excel reads Vietnamese) or as one XLSX with both sheets.
// Figures are rounded as the page shows them (shares to one decimal, counts to whole numbers: figures moved
// onto today's communes are apportioned by population, so fractional in the database), and the column
// names say so; the targets themselves are as they were set.
import writeXlsxFile from 'write-excel-file/node';
import type { TFunction } from 'i18next';
import { roundFigure, stateOf } from '../components/dashboard/format.ts';
import type { Claims } from './db/index.ts';
import * as targets from './targets.ts';

type Cell = string | number | null;

const count = (value: number | null) => roundFigure(value, 'count');

export function targetRows(view: targets.DashboardView, t: TFunction): Cell[][] {
	const header = ['code', 'name', 'measurement', 'direction', 'target', 'value', 'numerator', 'denominator', 'state', 'responsible']
		.map((column) => t(`dashboard.columns.${column}`));
	return [
		header,
		...view.targets.map((target) => [
			target.code,
			target.name,
			t(`dashboard.measurement.${target.measurement}`),
			t(`dashboard.direction.${target.direction}`),
			target.targetValue,
			roundFigure(target.value, target.valueUnit),
			count(target.numerator),
			count(target.denominator),
			t(`dashboard.state.${stateOf(target)}`),
			target.responsible
		])
	];
}

/** Every target's figures for each child unit of the view's unit. */
export async function breakdownRows(claims: Claims, view: targets.DashboardView, t: TFunction): Promise<Cell[][]> {
	const header = ['code', 'name', 'unit', 'value', 'numerator', 'denominator', 'state'].map((column) => t(`dashboard.columns.${column}`));
	const rows: Cell[][] = [header];
	for (const target of view.targets) {
		for (const row of await targets.breakdown(claims, target.id, view.unit.id, view.asCurrent)) {
			rows.push([
				target.code,
				target.name,
				row.unit.name,
				roundFigure(row.value, target.valueUnit),
				count(row.numerator),
				count(row.denominator),
				t(`dashboard.state.${stateOf(row)}`)
			]);
		}
	}
	return rows;
}

const quote = (cell: Cell) => {
	const text = cell === null ? '' : String(cell);
	return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (rows: Cell[][]) => '\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';

export async function toXlsx(sheets: { name: string; rows: Cell[][] }[]): Promise<Buffer> {
	return writeXlsxFile(
		sheets.map((sheet) => ({
			sheet: sheet.name.slice(0, 31),
			data: sheet.rows.map((row, index) => row.map((value) => (index === 0 ? { value: String(value ?? ''), fontWeight: 'bold' as const } : { value: value ?? undefined })))
		}))
	).toBuffer();
}

/** A file name that says what and where: "chi-tieu-2026-56.xlsx". */
export const fileName = (view: targets.DashboardView, part: string, extension: string) => `${part}-${view.year}-${view.unit.id}.${extension}`;
