import { describe, expect, expectTypeOf, it } from 'vitest';
import { localizedColumn, type LocalizedColumn, type LocalizedName } from './localized.ts';

describe('localizedColumn', () => {
	it('picks the English column for English readers, keeping the alias', () => {
		expect(localizedColumn('en', 'c.title')).toBe('c.title_en');
		expect(localizedColumn('en', 'name')).toBe('name_en');
	});

	it('picks the Vietnamese column for Vietnamese readers', () => {
		expect(localizedColumn('vi', 't.name')).toBe('t.name_vi');
		expect(localizedColumn('vi', 'outcomes')).toBe('outcomes_vi');
	});

	// Type assertions: svelte-check fails on them, so a misspelt or unpaired column is refused at build time.
	it('takes the names of the column pairs the schema has, and nothing else', () => {
		expectTypeOf<LocalizedName>().toEqualTypeOf<'title' | 'summary' | 'outcomes' | 'name' | 'definition'>();
		expectTypeOf<'c.title'>().toExtend<LocalizedColumn>();
		expectTypeOf<'c.titel'>().not.toExtend<LocalizedColumn>();
		expectTypeOf<'code'>().not.toExtend<LocalizedColumn>();
	});
});
