import { describe, expect, it } from 'vitest';
import { behindFirst } from './order.ts';

const row = (name: string, value: number | null, hidden = false) => ({ name, value, hidden });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('a breakdown behind first', () => {
	// As the SQL gives it: highest first, hidden units last.
	const rows = [row('A', 90), row('B', 40), row('C', null), row('D', 40), row('E', 5), row('F', null, true)];

	it('puts the lowest first where the target is a minimum, then units without a figure, then hidden ones', () => {
		expect(names(behindFirst(rows, 'at_least'))).toEqual(['E', 'B', 'D', 'A', 'C', 'F']);
	});

	it('puts the highest first where the target is a maximum', () => {
		expect(names(behindFirst(rows, 'at_most'))).toEqual(['A', 'B', 'D', 'E', 'C', 'F']);
	});

	it('leaves the rows it was given as they were', () => {
		behindFirst(rows, 'at_least');
		expect(names(rows)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
	});
});
