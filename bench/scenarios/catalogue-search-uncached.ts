// Catalogue search past the app's result cache: each request spells its query differently (case, tone
// marks), which the search folds to the same text; see catalogue-search.ts.
export { catalogueSearchUncached } from './catalogue-search.ts';
