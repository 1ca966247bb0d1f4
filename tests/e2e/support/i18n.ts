// The app's own strings, read from its locale files, so that journeys assert what a person reads
// in each language without copying the copy.
import { readFileSync } from 'node:fs';

export type Locale = 'vi' | 'en';
type Messages = { [key: string]: string | Messages };

const read = (name: string) => JSON.parse(readFileSync(new URL(`../../../src/lib/i18n/locales/${name}.json`, import.meta.url), 'utf8')) as Messages;

/** Every part of each locale (core, activities, staff), as the server has them. */
const messages = Object.fromEntries(
	(['vi', 'en'] as const).map((locale) => [locale, { ...read(locale), ...read(`${locale}.activities`), ...read(`${locale}.staff`) }])
) as Record<Locale, Messages>;

/** The message for a dotted key in a locale, with {{name}} placeholders filled in. */
export function t(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
	let node: string | Messages | undefined = messages[locale];
	for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
	if (typeof node !== 'string') throw new Error(`no ${locale} message for ${key}`);
	return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? `{{${name}}}`));
}
