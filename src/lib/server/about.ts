// What the "about" page lists from the database: the competence frameworks courses are mapped to, with
// the document each comes from, so that the attribution can never drift from the data.
import { ANON, asUser } from './db/index.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Row } from './db/rows.ts';
import type { Locale } from '../i18n/index.ts';

export type FrameworkSource = Pick<Row<'competence_framework'>, 'code' | 'source'> & { name: Localized<'competence_framework', 'name'> };

export function frameworkSources(locale: Locale): Promise<FrameworkSource[]> {
	return asUser(ANON, (tx) => tx<FrameworkSource[]>`
		select code, ${localized(tx, locale, 'name')} as name, source
		from public.competence_framework order by code`);
}
