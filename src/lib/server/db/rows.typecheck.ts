// Type assertions on the row types (rows.ts) and localized columns (localized.ts), checked by the type checker
// (`npm run check`), not run: a change to the schema or to those helpers that breaks what the queries rely
// on fails the check here. (vitest runs only assertions made at run time.)
import { expectTypeOf } from 'vitest';
import type { Localized, LocalizedColumn, LocalizedName } from './localized.ts';
import type { Camel, OneOf, Row } from './rows.ts';

// Timestamps and dates are read as Date, null kept; other columns as generated.
expectTypeOf<Row<'quiz'>['opens_at']>().toEqualTypeOf<Date | null>();
expectTypeOf<Row<'quiz'>['created_at']>().toEqualTypeOf<Date>();
expectTypeOf<Row<'unit'>['valid_from']>().toEqualTypeOf<Date>();
expectTypeOf<Row<'target'>['period_end']>().toEqualTypeOf<Date>();
expectTypeOf<Row<'quiz'>['title']>().toEqualTypeOf<string>();
expectTypeOf<Row<'quiz'>['course_id']>().toEqualTypeOf<number | null>();
expectTypeOf<Row<'person_role'>['role']>().toEqualTypeOf<'official' | 'organizer' | 'team_member' | 'unit_admin' | 'province_admin'>();

// Columns renamed to camelCase as queries alias them.
expectTypeOf<Camel<Row<'quiz_attempt'>, 'id' | 'max_score' | 'submitted_at'>>().toEqualTypeOf<{ id: string; maxScore: number; submittedAt: Date | null }>();

// A text column narrowed to its checked values, null kept, and only to values of its type.
expectTypeOf<OneOf<Row<'quiz'>['counting'], 'best' | 'last'>>().toEqualTypeOf<'best' | 'last'>();
expectTypeOf<OneOf<string | null, 'a'>>().toEqualTypeOf<'a' | null>();
// @ts-expect-error: a number column takes no text values
expectTypeOf<OneOf<Row<'quiz'>['max_attempts'], 'one'>>();

// Localized columns: the names of the schema's _vi/_en pairs, and nothing else.
expectTypeOf<LocalizedName>().toEqualTypeOf<'title' | 'summary' | 'outcomes' | 'name' | 'definition'>();
expectTypeOf<'c.title'>().toExtend<LocalizedColumn>();
expectTypeOf<'c.titel'>().not.toExtend<LocalizedColumn>();
expectTypeOf<'code'>().not.toExtend<LocalizedColumn>();
expectTypeOf<Localized<'course', 'outcomes'>>().toEqualTypeOf<string[]>();
// @ts-expect-error: course has no name_vi / name_en
expectTypeOf<Localized<'course', 'name'>>();
