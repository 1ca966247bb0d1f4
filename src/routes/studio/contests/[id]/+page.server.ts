import { error, fail } from '@sveltejs/kit';
import { parseForm } from '#lib/forms/auth.ts';
import { contestForm, formValues, removeRoundForm, roundForm, storedValues } from '#lib/forms/studio-quiz.ts';
import { translator } from '#lib/i18n/index.ts';
import { routeId } from '#lib/server/http.ts';
import * as studio from '#lib/server/studio.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const session = studio.requireAuthor(event);
	const contest = await studio.getContest(session.claims, routeId(event.params.id));
	if (!contest) error(404, 'not_found');
	const units = await studio.authorUnits(session, contest.ownerUnit);
	const options = await studio.contestOptions(session.claims, contest.campaign_id);
	// The prediction question is asked in the contest's language, whatever the author reads the studio in.
	const prompt = translator(contest.language === 'en' ? 'en' : 'vi')('studio_contest.default_prompt');
	const next = Math.max(0, ...contest.rounds.map((r) => r.number)) + 1;
	return {
		contest, units, ...options, values: storedValues(contest), created: event.url.searchParams.has('created'),
		roundValues: { number: String(next), prediction_prompt: prompt }
	};
};

/** Runs a write and answers with its refusal next to the field, under the form's name. */
async function attempt(name: string, values: Record<string, string>, write: () => Promise<unknown>) {
	try {
		await write();
	} catch (err) {
		if (err instanceof studio.StudioError) return fail(400, { [name]: { values, errors: { [err.field]: err.key } } });
		throw err;
	}
	return { done: name };
}

export const actions: Actions = {
	save: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const parsed = parseForm(contestForm, form);
		if (!parsed.ok) return fail(400, { contest: { values: formValues(form), errors: parsed.errors } });
		return attempt('contest', formValues(form), () => studio.updateContest(session.claims, routeId(event.params.id), parsed.data));
	},
	add_round: async (event) => {
		const session = studio.requireAuthor(event);
		const form = await event.request.formData();
		const parsed = parseForm(roundForm, form);
		if (!parsed.ok) return fail(400, { round: { values: formValues(form), errors: parsed.errors } });
		return attempt('round', formValues(form), () => studio.addRound(session.claims, routeId(event.params.id), parsed.data));
	},
	remove_round: async (event) => {
		const session = studio.requireAuthor(event);
		const parsed = parseForm(removeRoundForm, await event.request.formData());
		if (!parsed.ok) error(404, 'not_found');
		return attempt('remove', {}, () => studio.removeRound(session.claims, routeId(event.params.id), parsed.data.round_id));
	}
};
