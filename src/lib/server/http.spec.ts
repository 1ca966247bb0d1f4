import { describe, expect, it } from 'vitest';
import { safeNext } from './http.ts';

describe('safeNext', () => {
	it('follows paths on this site', () => {
		expect(safeNext('/account?tab=1')).toBe('/account?tab=1');
	});
	it('writes a path as the URL parser does, so that it is safe in a Location header', () => {
		expect(safeNext('/courses?q=kỹ năng số')).toBe('/courses?q=k%E1%BB%B9%20n%C4%83ng%20s%E1%BB%91');
		expect(safeNext('/learn/../account#top')).toBe('/account#top');
	});
	it.each([
		'https://evil.example/', '//evil.example', '/\\evil.example', '/\\/evil.example', 'javascript:alert(1)', '', null, undefined,
		'/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example', '/\u0000', '/account\u0000', '/\u007f/evil.example', '/\u0085x'
	])('refuses %j', (next) => {
		expect(safeNext(next)).toBe('/');
	});
});
