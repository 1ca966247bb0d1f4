import { describe, expect, it } from 'vitest';
import { safeNext } from './http.ts';

describe('safeNext', () => {
	it('follows paths on this site', () => {
		expect(safeNext('/account?tab=1')).toBe('/account?tab=1');
	});
	it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])('refuses %j', (next) => {
		expect(safeNext(next)).toBe('/');
	});
});
