// Types of query results derived from the generated schema (database.types.ts, `npm run db:types`), so that
// a migration that renames, drops or retypes a column breaks the build where a query reads it. The generator
// describes PostgREST's JSON; where postgres.js reads a column differently, the difference is written here.
import type { Database } from './database.types.ts';

type Public = Database['public'];
type Relations = Public['Tables'] & Public['Views'];
export type TableName = keyof Relations;

/**
 * Columns postgres.js reads as Date where the generator says string (timestamptz, date). They are known by
 * name: every timestamp ends in `_at`, and the dates are these; tests/integration/rows.test.ts holds the
 * schema to it.
 */
export const DATE_COLUMNS = ['valid_from', 'valid_to', 'period_start', 'period_end'] as const;
export const isReadAsDate = (column: string): boolean => column.endsWith('_at') || (DATE_COLUMNS as readonly string[]).includes(column);
type DateColumn = `${string}_at` | (typeof DATE_COLUMNS)[number];

type AsRead<Column, Value> = Column extends DateColumn ? (Value extends string ? Date : Value) : Value;

/**
 * A table's row as postgres.js reads it. bigint and numeric columns are typed number, as the generator has
 * them: a query casts them (`id::int`, `points::float`), which every query here does, or they come back as
 * strings. The same goes for a bigint[] (`path::int[]`).
 */
export type Row<T extends TableName> = { [C in keyof Relations[T]['Row']]: AsRead<C, Relations[T]['Row'][C]> };

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Some columns of a row, named as queries alias them in camelCase (`submitted_at as "submittedAt"`). */
export type Camel<R, K extends keyof R & string> = { [C in K as CamelCase<C>]: R[C] };

/**
 * A text column's values as its check constraint lists them, narrower than the generator's `string` (null
 * kept where the column has it): the values must still fit the column, so a retyped column breaks the build.
 */
export type OneOf<Column, Values extends NonNullable<Column>> = Values | Extract<Column, null>;
