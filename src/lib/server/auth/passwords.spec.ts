import { describe, expect, it } from 'vitest';
import { hashPassword, isCommonPassword, verifyPassword } from './passwords.ts';

describe('passwords', () => {
	it.each(['12345678', 'password', 'Password1', 'qwertyuiop', 'matkhau123', 'iloveyou'])('%s is too common', (password) => {
		expect(isCommonPassword(password)).toBe(true);
	});
	it('a long, unusual password is not common', () => {
		expect(isCommonPassword('Cá-kho-tộ-Bác-Ái-2026')).toBe(false);
	});
	it('hashes with argon2id and verifies only the right password', async () => {
		const hash = await hashPassword('Cá-kho-tộ-Bác-Ái-2026');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(hash, 'Cá-kho-tộ-Bác-Ái-2026')).toBe(true);
		expect(await verifyPassword(hash, 'ca-kho-to')).toBe(false);
		expect(await verifyPassword('not a hash', 'x')).toBe(false);
	});
});
