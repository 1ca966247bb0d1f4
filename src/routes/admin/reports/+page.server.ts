import { error, fail } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { reportForm, reviewForm } from '#lib/forms/reports.ts';
import { isYear } from '#lib/forms/targets.ts';
import { requireSession } from '#lib/server/http.ts';
import * as reports from '#lib/server/reports.ts';
import { storeEvidence } from '#lib/server/storage.ts';
import { defaultYear } from '#lib/server/years.ts';
import type { Session } from '#lib/server/auth/index.ts';
import type { Actions, PageServerLoad } from './$types';

const isAdmin = (session: Session, role: string) => session.user.roles.some((grant) => grant.role === role);

function chosenYear(raw: string | null): number {
	const year = Number(raw);
	return isYear(year) ? year : defaultYear();
}

export const load: PageServerLoad = async (event) => {
	const session = requireSession(event);
	const provinceAdmin = isAdmin(session, 'province_admin');
	if (!provinceAdmin && !isAdmin(session, 'unit_admin')) error(403, 'forbidden');
	const year = chosenYear(event.url.searchParams.get('year'));
	const [reportable, queue] = await Promise.all([
		reports.reportable(session.claims, event.locals.locale, year),
		provinceAdmin ? reports.queue(session.claims, event.locals.locale) : []
	]);
	return { year, ...reportable, queue, provinceAdmin };
};

const REFUSALS: Record<reports.ReportError['code'], [string, string]> = {
	not_allowed: ['unit_id', 'reports.errors.not_allowed'],
	approved: ['form', 'reports.errors.approved'],
	share_invalid: ['denominator', 'reports.errors.share_invalid'],
	unit_invalid: ['unit_id', 'reports.errors.unit_invalid'],
	not_found: ['form', 'reports.errors.not_found']
};

export const actions: Actions = {
	submit: async (event) => {
		const session = requireSession(event);
		const form = await event.request.formData();
		const values = Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string')) as Record<string, string>;
		const parsed = parseForm(reportForm, form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.errors });
		const file = form.get('evidence');
		let evidence = null;
		if (file instanceof File && file.size > 0) {
			const stored = await storeEvidence(file);
			if (!stored.ok) return fail(400, { values, errors: { evidence: stored.error } });
			evidence = stored.file;
		}
		const { target_id, unit_id, numerator, denominator, note } = parsed.data;
		try {
			await reports.submit(session.claims, { targetId: target_id, unitId: unit_id, numerator, denominator: denominator === '' ? null : denominator, note, evidence });
		} catch (err) {
			if (!(err instanceof reports.ReportError)) throw err;
			const [field, message] = REFUSALS[err.code];
			return fail(400, { values, errors: { [field]: message } });
		}
		return { done: 'reports.submitted' };
	},
	review: async (event) => {
		const session = requireSession(event);
		const parsed = parseForm(reviewForm, await event.request.formData());
		if (!parsed.ok) return fail(400, { errors: parsed.errors });
		try {
			await reports.review(session.claims, parsed.data.report_id, parsed.data.decision, parsed.data.review_note);
		} catch (err) {
			if (err instanceof reports.ReportError) return fail(400, { errors: { form: 'reports.errors.not_found' } });
			throw err;
		}
		return { done: parsed.data.decision === 'approved' ? 'reports.approved' : 'reports.rejected' };
	}
};
