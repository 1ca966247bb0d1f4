// A lesson page with a session cookie: as lesson-page, plus the session lookup, the reader's progress in
// the outline and the enrolment upsert (a write on every view) for the bench accounts.
import { lessonPage } from './lesson-page.ts';

export const lessonPageSignedIn = lessonPage(true);
