// How a target's figures read: "72,5 %" or "12.340", in the page's language.
export function formatFigure(value: number | null, unit: 'percent' | 'count', locale: string): string {
	if (value === null) return '—';
	const number = new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 'percent' ? 1 : 0 }).format(value);
	return unit === 'percent' ? `${number} %` : number;
}

/** How far along the target a value is, 0–100, for a progress bar (an "at most" target is full when met). */
export function progress(value: number | null, target: number, direction: 'at_least' | 'at_most'): number {
	if (value === null) return 0;
	if (direction === 'at_most') return value <= target ? 100 : Math.max(0, Math.round((target / value) * 100));
	return target === 0 ? 100 : Math.min(100, Math.round((value / target) * 100));
}
