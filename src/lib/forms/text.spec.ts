import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { hasControlCharacters, normaliseText } from './text.ts';
import { parseForm, registration } from './auth.ts';

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) data.set(name, value);
	return data;
};

describe('hasControlCharacters', () => {
	it.each(['\u0000', 'a\u0001b', '\u001b[31m', '\u007f', '\u0085', '\u009f'])('finds one in %j', (text) => {
		expect(hasControlCharacters(text, { lineBreaks: true })).toBe(true);
	});
	it('allows tab and line breaks only where line breaks are allowed', () => {
		expect(hasControlCharacters('dòng 1\r\ndòng 2\tcột', { lineBreaks: true })).toBe(false);
		expect(hasControlCharacters('dòng 1\ndòng 2', { lineBreaks: false })).toBe(true);
		expect(hasControlCharacters('tab\there', { lineBreaks: false })).toBe(true);
	});
	it('finds none in Vietnamese, symbols and emoji', () => {
		expect(hasControlCharacters('Nguyễn Thị Lan – 50% “số” ✓ 🇻🇳 \u00a0', { lineBreaks: false })).toBe(false);
	});
});

describe('normaliseText', () => {
	it('composes Vietnamese typed decomposed (NFD) into the precomposed form (NFC)', () => {
		const decomposed = 'Nguyễn Thị Lan'.normalize('NFD');
		expect(decomposed).not.toBe('Nguyễn Thị Lan'.normalize('NFC'));
		expect(normaliseText(decomposed)).toBe('Nguyễn Thị Lan'.normalize('NFC'));
	});
	it('replaces a lone surrogate, which is not valid UTF-8', () => {
		expect(normaliseText('a\ud800b')).toBe('a\ufffdb');
	});
});

describe('parseForm', () => {
	const fields = { display_name: 'Lê Thu Hà', identifier: '0912345678', password: 'một mật khẩu dài', home_unit_id: '' };

	it('refuses a NUL or another control character next to its field, with the other fields still checked', () => {
		const result = parseForm(registration, form({ ...fields, display_name: 'Lê\u0000Thu Hà', identifier: '' }));
		expect(result).toEqual({ ok: false, errors: { display_name: 'errors.control_characters', identifier: 'errors.identifier_required' } });
		expect(parseForm(registration, form({ ...fields, display_name: 'Lê \u001b[2JThu Hà' }))).toEqual({ ok: false, errors: { display_name: 'errors.control_characters' } });
	});

	it('keeps line breaks, as any field may be a text area', () => {
		const note = v.object({ note: v.string() });
		expect(parseForm(note, form({ note: 'Dòng một\r\nDòng hai' }))).toEqual({ ok: true, data: { note: 'Dòng một\r\nDòng hai' } });
	});

	it('gives the domain NFC text, but a password exactly as typed', () => {
		const result = parseForm(registration, form({ ...fields, display_name: 'Lê Thu Hà'.normalize('NFD'), password: 'mật khẩu dài'.normalize('NFD') }));
		expect(result.ok && result.data.display_name).toBe('Lê Thu Hà'.normalize('NFC'));
		expect(result.ok && result.data.password).toBe('mật khẩu dài'.normalize('NFD'));
	});
});
