// Password hashing (argon2id, OWASP's recommended parameters) and the "too common" rule.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// @node-rs/argon2 hashes with argon2id by default (a test checks the $argon2id$ prefix).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A hash to verify against when the account does not exist, so that timing does not tell. */
export const DUMMY_HASH = await hashPassword('not-a-real-account-password');

// The 10 000 most common leaked passwords (zxcvbn's ranked list), plus common Vietnamese ones.
const COMMON = new Set([
	...dictionary['passwords-common'].slice(0, 10_000),
	'matkhau', 'matkhau123', 'matkhau1', 'anhyeuem', 'anhyeuem123', 'emyeuanh', 'yeuem123', 'vietnam123', 'hocso123', '12345678a'
]);

export function isCommonPassword(password: string): boolean {
	return COMMON.has(password.toLowerCase());
}
