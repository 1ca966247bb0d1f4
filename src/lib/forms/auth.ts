// Form schemas for registration, sign-in and password change, shared by server and browser.
// Messages are i18n keys; the page translates them.
import * as v from 'valibot';
import { parseIdentifier } from './identifier.ts';
import { CONTROL_CHARACTERS_ERROR, hasControlCharacters, normaliseText } from './text.ts';

import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from './limits.ts';

export { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

const password = v.pipe(
	v.string(),
	v.minLength(PASSWORD_MIN, 'errors.password_too_short'),
	v.maxLength(PASSWORD_MAX, 'errors.password_too_long')
);

const identifier = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('errors.identifier_required'),
	v.check((raw) => parseIdentifier(raw) !== null, 'errors.identifier_invalid')
);

const optionalUnitId = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) => (s === '' ? null : Number(s))),
	v.nullable(v.pipe(v.number('errors.home_unit_invalid'), v.integer('errors.home_unit_invalid'), v.minValue(1, 'errors.home_unit_invalid')))
);

export const registration = v.object({
	display_name: v.pipe(v.string(), v.trim(), v.nonEmpty('errors.name_required'), v.maxLength(NAME_MAX, 'errors.name_too_long')),
	identifier,
	password,
	home_unit_id: optionalUnitId
});

export const signIn = v.object({
	identifier: v.pipe(v.string(), v.trim(), v.nonEmpty('errors.identifier_required')),
	password: v.pipe(v.string(), v.nonEmpty('errors.password_required'), v.maxLength(PASSWORD_MAX, 'errors.password_too_long'))
});

export const passwordChange = v.object({
	current_password: v.pipe(v.string(), v.nonEmpty('errors.password_required'), v.maxLength(PASSWORD_MAX, 'errors.password_too_long')),
	new_password: password
});

export const profileEdit = v.object({
	display_name: v.pipe(v.string(), v.trim(), v.nonEmpty('errors.name_required'), v.maxLength(NAME_MAX, 'errors.name_too_long')),
	home_unit_id: optionalUnitId
});

export type FieldErrors = Record<string, string>;

/** Fields kept byte for byte, not normalised: a password's hash was made from exactly what was typed. */
const VERBATIM = /password/;

/**
 * Parses FormData through a schema: either the output, or the first message key per field. Every text
 * field first passes the one rule for text (./text.ts): control characters are refused next to the field
 * (line breaks are allowed, as any field may be a text area), and the text is normalised to NFC.
 */
export function parseForm<S extends v.GenericSchema>(
	schema: S,
	form: FormData
): { ok: true; data: v.InferOutput<S> } | { ok: false; errors: FieldErrors } {
	const input: Record<string, string> = {};
	const errors: FieldErrors = {};
	for (const [field, value] of form.entries()) {
		if (typeof value !== 'string') continue;
		if (hasControlCharacters(value, { lineBreaks: true })) errors[field] ??= CONTROL_CHARACTERS_ERROR;
		input[field] = VERBATIM.test(field) ? value : normaliseText(value);
	}
	const result = v.safeParse(schema, input);
	if (result.success && Object.keys(errors).length === 0) return { ok: true, data: result.output };
	for (const issue of result.issues ?? []) {
		const field = v.getDotPath(issue) ?? 'form';
		errors[field] ??= issue.message;
	}
	return { ok: false, errors };
}

/** How long a throttled person must wait, as a page says it: seconds under a minute, else whole minutes. */
export type Wait = { key: 'auth.wait_seconds' | 'auth.wait_minutes'; count: number };

export function waitFor(seconds: number): Wait {
	const whole = Math.max(1, Math.ceil(seconds));
	return whole < 60 ? { key: 'auth.wait_seconds', count: whole } : { key: 'auth.wait_minutes', count: Math.ceil(whole / 60) };
}
