// The catalogue: published courses found by accent-insensitive, typo-tolerant search and filters, and
// one course's outline with the reader's progress.
import { ANON, asUser, type Claims } from './db/index.ts';
import { TtlCache } from './cache.ts';
import { containsPattern } from './db/like.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Row } from './db/rows.ts';
import { normaliseText } from '../forms/text.ts';
import type { Locale } from '../i18n/index.ts';

/** The catalogue filters by the areas of the learners' framework (Circular 02/2025): 1–6. */
export const AREA_FRAMEWORK = 'tt02_2025';
export const PAGE_SIZE = 24;

import type { CatalogueQuery } from '../forms/catalogue.ts';
export type { CatalogueQuery };

export type CourseCard = Pick<Row<'course'>, 'slug' | 'audience' | 'level'> & {
	title: Localized<'course', 'title'>;
	summary: Localized<'course', 'summary'>;
	minutes: number;
	lessons: number;
	enrolled: boolean;
	done: number;
	required: number;
	/** Codes of the Circular 02/2025 areas the course develops (directly or by mapping). */
	areas: Row<'competence_area'>['code'][];
	completedAt: Row<'course_completion'>['completed_at'] | null;
};

/** Typo tolerance: how much of the query must match some words of a course (pg_trgm word similarity). */
const WORD_SIMILARITY = '0.6';

type PublicCard = Omit<CourseCard, 'enrolled' | 'done' | 'completedAt'> & Pick<Row<'course'>, 'id'>;
type PublicPage = { cards: PublicCard[]; total: number };

/** Published courses are public and change rarely: result pages are cached for a minute per process. */
const publicPages = new TtlCache<PublicPage>({ ttlMs: 60_000, max: 500 });

/** Empties this process's catalogue cache (after publishing, and in tests). */
export function forgetCachedPages() {
	publicPages.clear();
}

export async function search(claims: Claims, locale: Locale, query: CatalogueQuery): Promise<{ courses: CourseCard[]; total: number }> {
	const q = normaliseText(query.q).trim().slice(0, 100);
	const key = JSON.stringify([locale, q, query.audience, query.area, query.level, query.page]);
	const page = await publicPages.get(key, () => searchPublished(locale, { ...query, q }));
	if (claims.role !== 'authenticated' || page.cards.length === 0) {
		return { courses: page.cards.map(({ id: _id, ...card }) => ({ ...card, enrolled: false, done: 0, completedAt: null })), total: page.total };
	}
	const progress = await asUser(claims, (tx) => tx<(Pick<PublicCard, 'id'> & Pick<CourseCard, 'enrolled' | 'done' | 'completedAt'>)[]>`
		select c.id::int, (e.person_id is not null) as enrolled,
			(select count(*)::int from public.lesson_progress p join public.lesson l on l.id = p.lesson_id and l.required
				where p.person_id = (select auth.uid()) and p.course_id = c.id) as done,
			done.completed_at as "completedAt"
		from unnest(${page.cards.map((card) => card.id)}::bigint[]) as c (id)
		left join public.enrolment e on e.course_id = c.id and e.person_id = (select auth.uid())
		left join public.course_completion done on done.course_id = c.id and done.person_id = (select auth.uid())`);
	const byId = new Map(progress.map((row) => [row.id, row]));
	return {
		courses: page.cards.map(({ id, ...card }) => ({ ...card, enrolled: byId.get(id)?.enrolled ?? false, done: byId.get(id)?.done ?? 0, completedAt: byId.get(id)?.completedAt ?? null })),
		total: page.total
	};
}

/** One page of published courses matching the query, as anyone sees them. */
function searchPublished(locale: Locale, query: CatalogueQuery): Promise<PublicPage> {
	return asUser(ANON, async (tx) => {
		// The query as course texts are searched (lower case, no accents). The LIKE pattern is escaped after
		// this, since unaccent turns a fullwidth ％ or ＿ into a wildcard.
		const [{ folded }] = await tx<{ folded: string }[]>`
			select set_config('pg_trgm.word_similarity_threshold', ${WORD_SIMILARITY}, true), private.search_text(${query.q}) as folded`;
		// Matching and counting touch only ids; the card details are computed for the page's rows alone.
		const rows = await tx<(PublicCard & { total: number })[]>`
			with matches as (
				select c.id, c.published_at,
					case when ${folded} = '' then 0 else extensions.word_similarity(${folded}, c.search_text) end as rank
				from public.course c
				where c.status = 'published'
					and (${folded} = '' or c.search_text like ${containsPattern(folded)}
						or ${folded} operator(extensions.<%) c.search_text)
					and (${query.audience}::text is null or c.audience in (${query.audience}, 'everyone'))
					and (${query.level}::text is null or c.level = ${query.level})
					and (${query.area}::text is null or exists (
						select 1 from public.course_competence cc
						join public.competence k on k.id = cc.competence_id
						left join public.competence_mapping m on m.from_competence_id = k.id
						left join public.competence k2 on k2.id = m.to_competence_id
						join public.competence_area a on a.id in (k.area_id, k2.area_id)
						where cc.course_id = c.id and a.framework = ${AREA_FRAMEWORK} and a.code = ${query.area}))
			),
			page as (
				select id, rank, published_at, count(*) over () as total from matches
				order by rank desc, published_at desc nulls last, id
				limit ${PAGE_SIZE} offset ${(query.page - 1) * PAGE_SIZE}
			)
			select c.id::int, c.slug,
				${localized(tx, locale, 'c.title')} as title,
				${localized(tx, locale, 'c.summary')} as summary,
				c.audience, c.level,
				coalesce(stats.minutes, 0)::int as minutes, coalesce(stats.lessons, 0)::int as lessons,
				coalesce(stats.required, 0)::int as required,
				array(
					select distinct a.code from public.course_competence cc
					join public.competence k on k.id = cc.competence_id
					left join public.competence_mapping m on m.from_competence_id = k.id
					left join public.competence k2 on k2.id = m.to_competence_id
					join public.competence_area a on a.id in (k.area_id, k2.area_id) and a.framework = ${AREA_FRAMEWORK}
					where cc.course_id = c.id order by a.code
				) as areas,
				page.total::int as total
			from page
			join public.course c on c.id = page.id
			left join lateral (
				select sum(l.minutes) as minutes, count(*) as lessons, count(*) filter (where l.required) as required
				from public.lesson l where l.course_id = c.id
			) stats on true
			order by page.rank desc, page.published_at desc nulls last, page.id`;
		return { cards: rows.map(({ total: _total, ...card }) => card), total: rows[0]?.total ?? 0 };
	});
}

export type Area = Pick<Row<'competence_area'>, 'code'> & { name: Localized<'competence_area', 'name'> };

export function listAreas(claims: Claims, locale: Locale): Promise<Area[]> {
	return asUser(claims, (tx) => tx<Area[]>`
		select code, ${localized(tx, locale, 'name')} as name
		from public.competence_area where framework = ${AREA_FRAMEWORK} order by position`);
}
