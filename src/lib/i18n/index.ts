// i18next set up once per locale; pages read the translator from context (see context.ts).
import i18next, { type TFunction } from 'i18next';
import vi from './locales/vi.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';
export const LOCALE_COOKIE = 'lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

const translators = Object.fromEntries(
	LOCALES.map((lng) => {
		const instance = i18next.createInstance();
		instance.init({
			lng,
			fallbackLng: DEFAULT_LOCALE,
			resources: { vi: { translation: vi }, en: { translation: en } },
			initAsync: false,
			interpolation: { escapeValue: false },
			returnNull: false
		});
		return [lng, instance.t.bind(instance) as TFunction];
	})
) as Record<Locale, TFunction>;

export function translator(locale: Locale): TFunction {
	return translators[locale];
}
