// The browser's compact translator gives exactly what i18next gives, for every key of both languages,
// with every variable filled and, for plural keys, counts that reach every form.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { compactTranslator } from './compact.ts';
import viCore from './locales/vi.json' with { type: 'json' };
import enCore from './locales/en.json' with { type: 'json' };
import viActivities from './locales/vi.activities.json' with { type: 'json' };
import enActivities from './locales/en.activities.json' with { type: 'json' };
import viStaff from './locales/vi.staff.json' with { type: 'json' };
import enStaff from './locales/en.staff.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const RESOURCES = { vi: { ...viCore, ...viActivities, ...viStaff }, en: { ...enCore, ...enActivities, ...enStaff } } as Record<string, Tree>;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function strings(tree: Tree, prefix = ''): [string, string][] {
	return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : strings(value, `${prefix}${key}.`)));
}

describe.each(['vi', 'en'])('the compact translator in %s', (locale) => {
	const reference = i18next.createInstance();
	reference.init({ lng: locale, resources: { [locale]: { translation: RESOURCES[locale] } }, initAsync: false, interpolation: { escapeValue: false }, returnNull: false });
	const compact = compactTranslator(locale, RESOURCES[locale]);
	const entries = strings(RESOURCES[locale]);
	const keys = [...new Set(entries.map(([key]) => key.replace(PLURAL, '')))];

	it('gives i18next\'s text for every key, variables filled and every plural form reached', () => {
		const differences: string[] = [];
		for (const key of keys) {
			const variants = entries.filter(([k]) => k === key || k.replace(PLURAL, '') === key);
			const names = [...new Set(variants.flatMap(([, text]) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1])))];
			const filled = Object.fromEntries(names.filter((name) => name !== 'count').map((name) => [name, `«${name} <b>&»`]));
			const counts = variants.some(([k]) => PLURAL.test(k)) || names.includes('count') ? [0, 1, 2, 5, 21, 1.5] : [undefined];
			for (const count of counts) {
				const options: Record<string, unknown> = count === undefined ? filled : { ...filled, count };
				const expected = (reference.t as (key: string, options: object) => string)(key, options);
				const actual = compact(key, options);
				if (actual !== expected) differences.push(`${key} ${JSON.stringify(options)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
			}
		}
		expect(differences).toEqual([]);
		expect(keys.length).toBeGreaterThan(300);
	});

	it('answers an unknown key with the key, and leaves a variable not given as written, like i18next', () => {
		expect(compact('no.such_key')).toBe(reference.t('no.such_key'));
		const [key] = entries.find(([, text]) => /\{\{\s*name\s*\}\}/.test(text))!;
		expect(compact(key)).toBe(reference.t(key));
	});
});
