// db/rows.ts types timestamp and date columns as Date, knowing them by name (the generated types say string):
// the schema must keep to that naming, and postgres.js must read them so.
import { describe, expect, it } from 'vitest';
import { asService } from '#lib/server/db/index.ts';
import { isReadAsDate } from '#lib/server/db/rows.ts';

const DATE_TYPES = ['date', 'timestamp with time zone', 'timestamp without time zone'];

describe('row types', () => {
	it('name every timestamp and date column of the public tables as rows.ts expects, and no other column so', async () => {
		const columns = await asService((tx) => tx<{ name: string; column: string; type: string }[]>`
			select c.column_name as name, c.table_name || '.' || c.column_name as column, c.data_type as type
			from information_schema.columns c
			where c.table_schema = 'public'`);
		expect(columns.length).toBeGreaterThan(100);
		const misnamed = columns.filter((c) => isReadAsDate(c.name) !== DATE_TYPES.includes(c.type)).map((c) => `${c.column} (${c.type})`);
		expect(misnamed).toEqual([]);
	});

	it('are right that postgres.js reads those columns as Date', async () => {
		const [row] = await asService((tx) => tx<{ valid_from: unknown; valid_to: unknown; at: unknown }[]>`
			select valid_from, valid_to, now() as at from public.unit where valid_to is not null limit 1`);
		expect(row.valid_from).toBeInstanceOf(Date);
		expect(row.valid_to).toBeInstanceOf(Date);
		expect(row.at).toBeInstanceOf(Date);
	});
});
