import { describe, expect, it } from 'vitest';
import { isReadAsDate } from './rows.ts';

// The types themselves are asserted in rows.typecheck.ts.
describe('isReadAsDate', () => {
	it('knows timestamps by their _at and the dates by name', () => {
		expect(['created_at', 'last_activity_at', 'valid_from', 'valid_to', 'period_start', 'period_end'].filter(isReadAsDate)).toHaveLength(6);
		expect(['id', 'title', 'status', 'date_of_birth', 'at', 'period'].filter(isReadAsDate)).toEqual([]);
	});
});
