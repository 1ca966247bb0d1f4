import { describe, expect, it, vi } from 'vitest';
import { TtlCache } from './cache.ts';

describe('TtlCache', () => {
	it('loads once within the TTL, again after it, and keeps at most max entries', async () => {
		vi.useFakeTimers();
		const cache = new TtlCache<number>({ ttlMs: 1000, max: 2 });
		const load = vi.fn(async () => 42);
		expect(await cache.get('a', load)).toBe(42);
		expect(await cache.get('a', load)).toBe(42);
		expect(load).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(1001);
		await cache.get('a', load);
		expect(load).toHaveBeenCalledTimes(2);
		await cache.get('b', load);
		await cache.get('c', load);
		await cache.get('a', load);
		expect(load).toHaveBeenCalledTimes(5);
		vi.useRealTimers();
	});
});
