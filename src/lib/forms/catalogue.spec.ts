import { describe, expect, it } from 'vitest';
import { catalogueHref, parseCatalogueQuery } from './catalogue.ts';

describe('catalogue query', () => {
	it('reads a shared link', () => {
		expect(parseCatalogueQuery(new URLSearchParams('q=ky+nang+so&audience=citizen&area=4&page=2'))).toEqual({
			q: 'ky nang so', audience: 'citizen', area: '4', level: null, page: 2
		});
	});
	it('ignores values it does not know instead of failing', () => {
		expect(parseCatalogueQuery(new URLSearchParams('audience=aliens&area=9&level=&page=-3'))).toEqual({
			q: '', audience: null, area: null, level: null, page: 1
		});
	});
	it('builds links that keep the other filters', () => {
		const query = parseCatalogueQuery(new URLSearchParams('q=lừa đảo&level=basic'));
		expect(catalogueHref(query, { page: 2 })).toBe('/courses?q=l%E1%BB%ABa+%C4%91%E1%BA%A3o&level=basic&page=2');
		expect(catalogueHref(query, { q: '', level: null })).toBe('/courses');
	});
});
