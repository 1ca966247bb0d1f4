// Which year the target, report and population pages show when none is chosen. Periods are counted in
// Vietnam's time (a metric's period closes at midnight in Asia/Ho_Chi_Minh), so "this year" is the year
// there, whatever the server's time zone.

const vietnamYear = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' });

/** The year it is in Vietnam. */
export function thisYear(now: Date = new Date()): number {
	return Number(vietnamYear.format(now));
}

/**
 * The year to show when none is chosen. Among the years that have something to show: this year if it is one
 * of them, else the latest (undefined when there are none). Without such a list, this year.
 */
export function defaultYear(years?: undefined, now?: Date): number;
export function defaultYear(years: readonly number[], now?: Date): number | undefined;
export function defaultYear(years?: readonly number[], now: Date = new Date()): number | undefined {
	const current = thisYear(now);
	if (!years || years.includes(current)) return current;
	return years.length ? Math.max(...years) : undefined;
}
