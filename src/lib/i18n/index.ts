// i18next, one instance per locale, each loaded on demand: the browser downloads only the language it
// shows. Pages read the translator from context (see context.ts); the root layout's load loads it.
import i18next, { type TFunction } from 'i18next';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'lang';

/** Each language's own name, as the switch shows it (a name, not a translation). */
export const NATIVE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const resources = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*.json');
const translators: Partial<Record<Locale, TFunction>> = {};

export async function loadLocale(locale: Locale): Promise<void> {
	if (translators[locale]) return;
	const { default: translation } = await resources[`./locales/${locale}.json`]();
	const instance = i18next.createInstance();
	instance.init({
		lng: locale,
		resources: { [locale]: { translation } },
		initAsync: false,
		interpolation: { escapeValue: false },
		returnNull: false
	});
	translators[locale] = instance.t.bind(instance) as TFunction;
}

/** The translator of a loaded locale (the root layout loads the page's; the server loads both at start). */
export function translator(locale: Locale): TFunction {
	const t = translators[locale];
	if (!t) throw new Error(`locale ${locale} is not loaded`);
	return t;
}
