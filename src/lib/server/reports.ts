// Reported target values: what a unit admin may report (the reported targets of a year and the communes
// they administer), submitting with a note and evidence, and the province admins' review. RLS and the
// report trigger decide every rule; this module only runs the statements as the signed-in person.
import { asUser, type Claims, type Tx } from './db/index.ts';
import { isPostgresError } from './db/errors.ts';
import { localized, type Localized } from './db/localized.ts';
import type { Camel, OneOf, Row } from './db/rows.ts';
import type { StoredFile } from './storage.ts';
import type { Locale } from '../i18n/index.ts';

export class ReportError extends Error {
	readonly code: 'not_allowed' | 'approved' | 'share_invalid' | 'unit_invalid' | 'not_found';
	constructor(code: ReportError['code']) {
		super(code);
		this.name = 'ReportError';
		this.code = code;
	}
}

type Target = Row<'target'>;
type Report = Row<'target_report'>;
type ValueUnit = OneOf<Target['value_unit'], 'percent' | 'count'>;

export type ReportRow = Camel<Report, 'id' | 'target_id' | 'unit_id' | 'numerator' | 'denominator' | 'note' | 'evidence_name' | 'submitted_at' | 'review_note'> & {
	targetCode: Target['code'];
	targetName: Localized<'target', 'name'>;
	valueUnit: ValueUnit;
	unitName: Row<'unit'>['name'];
	status: OneOf<Report['status'], 'submitted' | 'approved' | 'rejected'>;
	/** the submitter's display name; null once their account is gone */
	submittedBy: Row<'profile'>['display_name'] | null;
};

export type Reportable = {
	targets: (Camel<Target, 'id' | 'code' | 'target_value' | 'period_end'> & { name: Localized<'target', 'name'>; valueUnit: ValueUnit })[];
	communes: Pick<Row<'unit'>, 'id' | 'name'>[];
	reports: ReportRow[];
};

const reportColumns = (tx: Tx, locale: Locale) => tx`
	r.id::int, r.target_id::int as "targetId", t.code as "targetCode", ${localized(tx, locale, 't.name')} as "targetName",
	t.value_unit as "valueUnit", r.unit_id::int as "unitId", u.name as "unitName", r.numerator::float, r.denominator::float, r.note,
	r.evidence_name as "evidenceName", r.status, r.submitted_at as "submittedAt", p.display_name as "submittedBy", r.review_note as "reviewNote"`;

/** The year's reported targets, the communes the caller reports for, and the reports they can see. */
export function reportable(claims: Claims, locale: Locale, year: number): Promise<Reportable> {
	return asUser(claims, async (tx) => {
		const targets = await tx<Reportable['targets']>`
			select t.id::int, t.code, ${localized(tx, locale, 't.name')} as name, t.value_unit as "valueUnit",
				t.target_value::float as "targetValue", t.period_end as "periodEnd"
			from public.target t where t.measurement = 'reported' and extract(year from t.period_end) = ${year} order by t.position, t.code`;
		const communes = await tx<Reportable['communes']>`
			select u.id::int, u.name from public.unit u
			where u.kind = 'commune' and u.validity @> make_date(${year}, 12, 31)
				and private.has_role_in_unit(u.id, 'unit_admin')
			order by u.name`;
		const reports = await tx<ReportRow[]>`
			select ${reportColumns(tx, locale)}
			from public.target_report r join public.target t on t.id = r.target_id join public.unit u on u.id = r.unit_id
			left join public.profile p on p.id = r.submitted_by
			where extract(year from t.period_end) = ${year}
			order by u.name, t.position, t.code`;
		return { targets, communes, reports };
	});
}

export type Submission = { targetId: number; unitId: number; numerator: number; denominator: number | null; note: string; evidence: StoredFile | null };

/** Reports (or corrects) a commune's value; it waits for a province admin's approval. */
export async function submit(claims: Claims, input: Submission): Promise<void> {
	try {
		await asUser(claims, async (tx) => {
			const [existing] = await tx<Pick<Report, 'status'>[]>`
				select status from public.target_report where target_id = ${input.targetId} and unit_id = ${input.unitId}`;
			if (existing?.status === 'approved') throw new ReportError('approved');
			const evidence = input.evidence;
			const rows = await tx`
				insert into public.target_report (target_id, unit_id, numerator, denominator, note, evidence_key, evidence_name, evidence_type, evidence_bytes)
				values (${input.targetId}, ${input.unitId}, ${input.numerator}, ${input.denominator}, ${input.note},
					${evidence?.key ?? null}, ${evidence?.name ?? null}, ${evidence?.type ?? null}, ${evidence?.bytes ?? null})
				on conflict (target_id, unit_id) do update set
					numerator = excluded.numerator, denominator = excluded.denominator, note = excluded.note,
					evidence_key = coalesce(excluded.evidence_key, public.target_report.evidence_key),
					evidence_name = coalesce(excluded.evidence_name, public.target_report.evidence_name),
					evidence_type = coalesce(excluded.evidence_type, public.target_report.evidence_type),
					evidence_bytes = coalesce(excluded.evidence_bytes, public.target_report.evidence_bytes),
					status = 'submitted'
				returning id`;
			// An update the policies filter out (an approved report) changes no row instead of failing.
			if (rows.count === 0) throw new ReportError('approved');
		});
	} catch (error) {
		if (error instanceof ReportError) throw error;
		if (isPostgresError(error, '42501')) throw new ReportError('not_allowed');
		if (isPostgresError(error, '23514') && error.hint === 'report_share_invalid') throw new ReportError('share_invalid');
		if (isPostgresError(error, '23514')) throw new ReportError('unit_invalid');
		throw error;
	}
}

/** Reports waiting for review (province admins see all; others see none they may act on). */
export function queue(claims: Claims, locale: Locale): Promise<ReportRow[]> {
	return asUser(claims, (tx) => tx<ReportRow[]>`
		select ${reportColumns(tx, locale)}
		from public.target_report r join public.target t on t.id = r.target_id join public.unit u on u.id = r.unit_id
		left join public.profile p on p.id = r.submitted_by
		where r.status = 'submitted' and private.is_province_admin()
		order by r.submitted_at`);
}

/** A province admin approves or rejects a report; an approved value counts from then on. */
export async function review(claims: Claims, reportId: number, decision: 'approved' | 'rejected', note: string): Promise<void> {
	const rows = await asUser(claims, (tx) => tx`
		update public.target_report set status = ${decision}, review_note = ${note}
		where id = ${reportId} and status = 'submitted' returning id`);
	if (rows.count === 0) throw new ReportError('not_found');
}

/** A report's evidence file, if the caller may see the report. */
export async function evidence(claims: Claims, reportId: number): Promise<{ key: string; name: string; type: string } | undefined> {
	const [row] = await asUser(claims, (tx) => tx<{ key: string; name: string; type: string }[]>`
		select evidence_key as key, evidence_name as name, evidence_type as type from public.target_report
		where id = ${reportId} and evidence_key is not null`);
	return row;
}
