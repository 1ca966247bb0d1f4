// Gives components the translator of the current page's locale without importing server code.
import { getContext, setContext } from 'svelte';
import type { TFunction } from 'i18next';
import { translator, type Locale } from './index.ts';

const KEY = Symbol('i18n');

type I18n = {
	t: TFunction;
	locale: () => Locale;
	/** A day, written the same way on every page ("7 tháng 12, 2026"); a bare 'YYYY-MM-DD' is that calendar day. */
	formatDate: (value: Date | string) => string;
	/** A moment: the day as formatDate writes it and the time in the province ("08:00, 7 tháng 12, 2026"). */
	formatDateTime: (value: Date | string) => string;
	formatNumber: (value: number) => string;
};

/** Times are shown in the province's time zone whatever the server's or browser's, so both render alike. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Called once in the root layout with a getter, so a change of language re-renders. */
export function setI18n(locale: () => Locale) {
	const t = ((key: string, options?: object) => translator(locale())(key, options as never)) as unknown as TFunction;
	const formatDate = (value: Date | string) => {
		const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
		return new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeZone: calendarDay ? 'UTC' : TIME_ZONE }).format(new Date(calendarDay ? `${value}T00:00:00Z` : value));
	};
	const formatDateTime = (value: Date | string) =>
		t('format.date_time', {
			date: formatDate(value),
			time: new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(value))
		});
	const formatNumber = (value: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(value);
	setContext<I18n>(KEY, { t, locale, formatDate, formatDateTime, formatNumber });
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
