import { describe, expect, it } from 'vitest';
import { defaultYear, thisYear } from './years.ts';

// 17:30 UTC on 31 December 2025 is already 00:30 on 1 January 2026 in Vietnam (UTC+7).
const newYearInVietnam = new Date('2025-12-31T17:30:00Z');
const lastEveningOfYear = new Date('2025-12-31T16:30:00Z');

describe('thisYear', () => {
	it('is the year in Vietnam, not on the server clock', () => {
		expect(thisYear(newYearInVietnam)).toBe(2026);
		expect(thisYear(lastEveningOfYear)).toBe(2025);
	});
});

describe('defaultYear', () => {
	it('is this year when it has something to show', () => {
		expect(defaultYear([2024, 2026, 2025], newYearInVietnam)).toBe(2026);
	});

	it('is the latest year with something to show when this year has nothing', () => {
		expect(defaultYear([2023, 2025, 2024], newYearInVietnam)).toBe(2025);
		expect(defaultYear([2027, 2028], newYearInVietnam)).toBe(2028);
	});

	it('is undefined when no year has anything to show', () => {
		expect(defaultYear([], newYearInVietnam)).toBeUndefined();
	});

	it('is this year when any year can be shown', () => {
		expect(defaultYear(undefined, newYearInVietnam)).toBe(2026);
		expect(defaultYear(undefined, lastEveningOfYear)).toBe(2025);
	});
});
