// The reader's language in a query: of a column pair such as title_vi / title_en, the one of the locale.
// Texts are kept in both languages side by side; every query picks one through here.
import type { Tx } from './index.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Row, TableName } from './rows.ts';

type Column = { [T in TableName]: keyof Row<T> & string }[TableName];

/** Of the columns Of, the names of pairs: `title` where both title_vi and title_en are among them. */
type Paired<C, Of> = C extends `${infer Name}_vi` ? (`${Name}_en` extends Of ? Name : never) : never;

/** The names of column pairs: `title` where some table has both title_vi and title_en. */
export type LocalizedName = Paired<Column, Column>;

/** The type of a table's text in the reader's language, as a query picks it: `Localized<'course', 'title'>`. */
export type Localized<T extends TableName, Name extends Paired<keyof Row<T>, keyof Row<T>>> = Row<T>[`${Name}_vi` & keyof Row<T>];

/** `name` or `alias.name`, where name is a column pair's name. */
export type LocalizedColumn = LocalizedName | `${string}.${LocalizedName}`;

/** The column of the pair in the locale's language: `c.title` → `c.title_en` in English, `c.title_vi` otherwise. */
export function localizedColumn(locale: Locale, column: LocalizedColumn): string {
	return `${column}_${locale === 'en' ? 'en' : 'vi'}`;
}

/** localizedColumn as an identifier to put in a query: `select ${localized(tx, locale, 'c.title')} as title`. */
export function localized(tx: Tx, locale: Locale, column: LocalizedColumn) {
	return tx(localizedColumn(locale, column));
}
