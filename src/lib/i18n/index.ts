// One translator per locale, each loaded on demand: the browser downloads only the language it shows,
// and only the parts it needs: `core` (every page, the lesson player included), `activities` (quizzes,
// contests, the dashboard) and `staff` (the studio and administration), the last two loaded by their
// sections' layouts. Pages read the translator from context (see context.ts); the root layout's load
// loads the core. The server translates with i18next; the browser with compact.ts, which gives the same
// strings from the same files (compact.spec.ts checks every key) without i18next's 15 KB.
import type { i18n, TFunction } from 'i18next';
import { compactTranslator } from './compact.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'lang';

/** Each language's own name, as the switch shows it (a name, not a translation). */
export const NATIVE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export type LocalePart = 'core' | 'activities' | 'staff';

const resources = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json');
const instances: Partial<Record<Locale, i18n>> = {};
/** The browser's resources of a locale: each part adds its own top-level groups (no group is in two parts). */
const bundles: Partial<Record<Locale, Record<string, never>>> = {};
const translators: Partial<Record<Locale, TFunction>> = {};
const loaded = new Set<string>();

const file = (locale: Locale, part: LocalePart) => `./locales/${locale}${part === 'core' ? '' : `.${part}`}.json`;

/** The parts a part's pages use besides its own: staff pages show quiz and dashboard words too. */
const NEEDS: Record<LocalePart, LocalePart[]> = { core: [], activities: ['core'], staff: ['core', 'activities'] };

/** Loads the core of a locale, or (after what it needs) another part, whose keys join the same translator. */
export async function loadLocale(locale: Locale, part: LocalePart = 'core'): Promise<void> {
	for (const needed of NEEDS[part]) await loadLocale(locale, needed);
	if (loaded.has(`${locale}/${part}`)) return;
	const { default: translation } = await resources[file(locale, part)]();
	if (!import.meta.env.SSR) {
		// Dead code on the server and the reverse in the browser: Vite drops the branch, and i18next with it.
		const bundle = (bundles[locale] ??= {});
		Object.assign(bundle, translation);
		translators[locale] ??= compactTranslator(locale, bundle) as unknown as TFunction;
	} else if (part === 'core') {
		const { default: i18next } = await import('i18next');
		const instance = i18next.createInstance();
		instance.init({
			lng: locale,
			resources: { [locale]: { translation } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		instances[locale] = instance;
		translators[locale] = instance.t.bind(instance) as TFunction;
	} else {
		instances[locale]!.addResourceBundle(locale, 'translation', translation, true, false);
	}
	loaded.add(`${locale}/${part}`);
}

/** The translator of a loaded locale (the root layout loads the page's; the server loads both at start). */
export function translator(locale: Locale): TFunction {
	const t = translators[locale];
	if (!t) throw new Error(`locale ${locale} is not loaded`);
	return t;
}
