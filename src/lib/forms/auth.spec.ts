import { describe, expect, it } from 'vitest';
import { waitFor } from './auth.ts';

describe('waitFor', () => {
	it('says seconds under a minute, rounding up so nobody comes back too early', () => {
		expect(waitFor(1)).toEqual({ key: 'auth.wait_seconds', count: 1 });
		expect(waitFor(0.2)).toEqual({ key: 'auth.wait_seconds', count: 1 });
		expect(waitFor(59)).toEqual({ key: 'auth.wait_seconds', count: 59 });
	});
	it('says whole minutes from a minute on', () => {
		expect(waitFor(60)).toEqual({ key: 'auth.wait_minutes', count: 1 });
		expect(waitFor(61)).toEqual({ key: 'auth.wait_minutes', count: 2 });
		expect(waitFor(900)).toEqual({ key: 'auth.wait_minutes', count: 15 });
		expect(waitFor(3540)).toEqual({ key: 'auth.wait_minutes', count: 59 });
	});
});
