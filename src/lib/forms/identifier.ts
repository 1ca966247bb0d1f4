// Normalises what a person types to sign in: an e-mail address or a Vietnamese mobile number.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** An e-mail (lower-cased) or a Vietnamese mobile number in E.164, or null when it is neither. */
export function parseIdentifier(raw: string): Identifier | null {
	const input = raw.trim();
	if (input.includes('@')) {
		const email = input.toLowerCase();
		return email.length <= 254 && EMAIL.test(email) ? { kind: 'email', value: email } : null;
	}
	if (!/^[+\d\s().-]{9,20}$/.test(input)) return null;
	// "84-912-345-678" and "84912345678" are written without the plus; libphonenumber needs it.
	const digits = input.replace(/\D/g, '');
	const candidate = !input.startsWith('+') && digits.startsWith('84') && digits.length === 11 ? `+${digits}` : input;
	const phone = parsePhoneNumberFromString(candidate, 'VN');
	if (!phone || phone.country !== 'VN' || !phone.isValid()) return null;
	const type = phone.getType();
	if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return null;
	return { kind: 'phone', value: phone.number };
}
