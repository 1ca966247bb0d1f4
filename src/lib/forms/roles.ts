// Form schemas of the admin's role page.
import * as v from 'valibot';

import type { Enums } from '../server/db/database.types.ts';

// The app_role enum of the schema; `satisfies` fails the type check if the two drift apart.
export const ROLE_NAMES = ['official', 'organizer', 'team_member', 'unit_admin', 'province_admin'] as const satisfies readonly Enums<'app_role'>[];

export const grantRole = v.pipe(
	v.object({
		person_id: v.pipe(v.string(), v.uuid('errors.not_found')),
		role: v.picklist(ROLE_NAMES, 'errors.role_invalid'),
		unit_id: v.pipe(
			v.optional(v.string(), ''),
			v.transform((s) => (s === '' ? null : Number(s))),
			v.nullable(v.pipe(v.number('errors.role_scope_invalid'), v.integer('errors.role_scope_invalid')))
		)
	}),
	v.forward(
		v.check((input) => input.role === 'province_admin' || input.unit_id !== null, 'errors.role_scope_invalid'),
		['unit_id']
	)
);

export const revokeRole = v.object({
	person_id: v.pipe(v.string(), v.uuid('errors.not_found')),
	role_id: v.pipe(v.string(), v.transform(Number), v.integer('errors.not_found'))
});
