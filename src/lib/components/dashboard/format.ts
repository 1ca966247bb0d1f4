// How a target's figures read and are drawn: "72,5 %" or "12.340" in the page's language, rounded by one
// rule that the exports share (the database keeps apportioned figures exact, e.g. 3 597,937 households).

export type ValueUnit = 'percent' | 'count';
export type Direction = 'at_least' | 'at_most';
export type FigureState = 'met' | 'not_met' | 'no_data' | 'hidden';

/** Decimals shown and exported: shares to one decimal, counts (people, households, files) to whole numbers. */
export const DECIMALS: Record<ValueUnit, number> = { percent: 1, count: 0 };

/** A figure rounded as it is shown, for the exports (a number, so that a spreadsheet can still add it up). */
export function roundFigure(value: number | null, unit: ValueUnit): number | null {
	if (value === null) return null;
	const factor = 10 ** DECIMALS[unit];
	// + 0 turns the -0 of a tiny negative rounding into 0.
	return Math.round(value * factor) / factor + 0;
}

export function formatFigure(value: number | null, unit: ValueUnit, locale: string): string {
	if (value === null) return '—';
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: DECIMALS[unit] }).format(value);
	return unit === 'percent' ? `${number} %` : number;
}

/** A numerator or denominator: a count of people or cases, whole even where apportioning made it fractional. */
export const formatCount = (value: number, locale: string) => formatFigure(value, 'count', locale);

export function stateOf(figure: { hidden: boolean; met: boolean | null }): FigureState {
	return figure.hidden ? 'hidden' : figure.met === null ? 'no_data' : figure.met ? 'met' : 'not_met';
}

/**
 * Where a bar's scale ends: 100 for a share that should be high; otherwise a quarter past the larger of the
 * values and the target, so that small shares that should stay low (late files, 2 %) and counts are readable
 * and the target's mark never sits at the very end.
 */
export function scaleEnd(values: number[], target: number | null, unit: ValueUnit, direction: Direction): number {
	if (unit === 'percent' && direction === 'at_least') return 100;
	const top = Math.max(target ?? 0, ...values);
	return top > 0 ? top * 1.25 : 1;
}

/** A value's place on a scale, 0–100 (for a bar's width or a mark's position). */
export const percentOf = (value: number, end: number) => Math.max(0, Math.min(100, (value / end) * 100));
