import { describe, expect, it } from 'vitest';
import { parseIdentifier } from './identifier.ts';

describe('parseIdentifier', () => {
	it.each(['0912 345 678', '+84912345678', '84-912-345-678', '0912.345.678', '091 2345 678'])(
		'normalises the mobile number %s to E.164',
		(raw) => {
			expect(parseIdentifier(raw)).toEqual({ kind: 'phone', value: '+84912345678' });
		}
	);

	it('normalises an e-mail address to lower case', () => {
		expect(parseIdentifier('  Ba.Lan@Example.VN ')).toEqual({ kind: 'email', value: 'ba.lan@example.vn' });
	});

	it.each(['12345', '0912 345', '+1 202 555 0143', 'not-an-email@', 'a@b', '091234567890123', ''])('refuses %j', (raw) => {
		expect(parseIdentifier(raw)).toBeNull();
	});
});
