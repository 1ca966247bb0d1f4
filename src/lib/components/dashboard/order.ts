// The order of a target's breakdown on the dashboard: the units furthest behind first, then those without
// a figure, then those whose figure is not published (last, as the SQL leaves them: their place in a
// ranking would tell what is hidden).
import type { Direction } from './format.ts';

type Row = { value: number | null; hidden: boolean };

const group = (row: Row) => (row.hidden ? 2 : row.value === null ? 1 : 0);

/** A copy sorted behind-first: lowest first where the target is a minimum, highest first where it is a maximum. Ties keep their order. */
export function behindFirst<R extends Row>(rows: R[], direction: Direction): R[] {
	const sign = direction === 'at_most' ? -1 : 1;
	return [...rows].sort((a, b) => group(a) - group(b) || (group(a) === 0 ? sign * (a.value! - b.value!) : 0));
}
