// Catalogue search with a session cookie: the same queries and checks as catalogue-search, plus the
// session lookup and the reader's enrolment and progress laid over every card.
import { catalogueSearch } from './catalogue-search.ts';

export const catalogueSearchSignedIn = catalogueSearch({ signedIn: true, uncached: false });
