// The browser's translator: the subset of i18next the locale files use, in a few hundred bytes instead
// of i18next's 15 KB gzip (the lesson page's whole JavaScript budget is 50 KB). It reads the same
// resources and gives the same strings: nested keys, {{name}} interpolation without escaping (Svelte
// escapes), and plurals by `count` (`_zero` for 0 where written, else the language's plural category,
// else `_other`). compact.spec.ts holds it to i18next's output for every key of both languages; a
// locale string that needs more of i18next fails there first.
type Tree = { [key: string]: string | Tree };
export type Options = Record<string, unknown> & { count?: number };

export function compactTranslator(locale: string, resources: Tree) {
	const plural = new Intl.PluralRules(locale);
	const lookup = (key: string): string | undefined => {
		let node: string | Tree | undefined = resources;
		for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
		return typeof node === 'string' ? node : undefined;
	};
	return (key: string, options: Options = {}): string => {
		const { count } = options;
		let text: string | undefined;
		if (typeof count === 'number') {
			text = (count === 0 ? lookup(`${key}_zero`) : undefined) ?? lookup(`${key}_${plural.select(count)}`) ?? lookup(`${key}_other`);
		}
		text ??= lookup(key);
		if (text === undefined) return key;
		return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (name in options && options[name] !== undefined ? String(options[name]) : whole));
	};
}
