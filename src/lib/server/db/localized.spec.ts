import { describe, expect, it } from 'vitest';
import { localizedColumn } from './localized.ts';

// Which names it takes is asserted on the types, in rows.typecheck.ts.
describe('localizedColumn', () => {
	it('picks the English column for English readers, keeping the alias', () => {
		expect(localizedColumn('en', 'c.title')).toBe('c.title_en');
		expect(localizedColumn('en', 'name')).toBe('name_en');
	});

	it('picks the Vietnamese column for Vietnamese readers', () => {
		expect(localizedColumn('vi', 't.name')).toBe('t.name_vi');
		expect(localizedColumn('vi', 'outcomes')).toBe('outcomes_vi');
	});
});
