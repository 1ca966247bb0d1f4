// Every key exists in both locales, and every key is used somewhere in the code (directly, or
// through a dynamic prefix such as `roles.${role}`).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import viCore from './locales/vi.json' with { type: 'json' };
import enCore from './locales/en.json' with { type: 'json' };
import viActivities from './locales/vi.activities.json' with { type: 'json' };
import enActivities from './locales/en.activities.json' with { type: 'json' };
import viStaff from './locales/vi.staff.json' with { type: 'json' };
import enStaff from './locales/en.staff.json' with { type: 'json' };

const vi = { ...viCore, ...viActivities, ...viStaff };
const en = { ...enCore, ...enActivities, ...enStaff };

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
	return Object.entries(tree).flatMap(([key, value]) =>
		typeof value === 'string' ? [`${prefix}${key}`] : flatten(value, `${prefix}${key}.`)
	);
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.(ts|svelte)$/.test(name) && !name.endsWith('.spec.ts') ? [full] : [];
	});
}

const baseKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('locale files', () => {
	const viKeys = flatten(vi as Tree);
	const enKeys = flatten(en as Tree);

	it('have the same keys in Vietnamese and English', () => {
		expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
		expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
	});

	it('have no empty translation', () => {
		const empty = (tree: Tree) => flatten(tree).filter((key) => key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part], tree) === '');
		expect([...empty(vi as Tree), ...empty(en as Tree)]).toEqual([]);
	});

	it('keep each group in one part only, the same in both languages', () => {
		const parts = [Object.keys(viCore), Object.keys(viActivities), Object.keys(viStaff)];
		expect(parts.flat().length).toBe(new Set(parts.flat()).size);
		expect(Object.keys(enCore).sort()).toEqual(Object.keys(viCore).sort());
		expect(Object.keys(enActivities).sort()).toEqual(Object.keys(viActivities).sort());
		expect(Object.keys(enStaff).sort()).toEqual(Object.keys(viStaff).sort());
	});

	it('are all used by the code', () => {
		const code = sourceFiles(path.resolve('src')).map((file) => readFileSync(file, 'utf8')).join('\n');
		const literals = new Set([...code.matchAll(/['"`]([a-z_]+(?:\.[a-z_]+)+)['"`]/g)].map((m) => m[1]));
		const prefixes = [...code.matchAll(/`([a-z_]+(?:\.[a-z_]+)*\.)\$\{/g)].map((m) => m[1]);
		const unused = viKeys.map(baseKey).filter((key) => !literals.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
		expect([...new Set(unused)]).toEqual([]);
	});
});
