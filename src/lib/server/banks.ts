// Question banks for authors: list, create, read with their questions, import a GIFT or Moodle XML file
// (all or nothing), export to GIFT. Runs as the signed-in author; RLS decides which banks they may touch.
import { asUser, type Claims, type Tx } from './db/index.ts';
import type { Camel, Row } from './db/rows.ts';
import type { QuestionDraft } from '../quiz/question.ts';

export type Bank = Camel<Row<'question_bank'>, 'id' | 'title' | 'created_at'> & { courseTitle: Row<'course'>['title_vi'] | null; questions: number };
/** A current question: its version's texts, and the path of its category's names ("Phần 1 / Lừa đảo"). */
export type BankQuestion = Pick<Row<'question'>, 'id'> & Pick<Row<'question_version'>, 'version' | 'kind' | 'title' | 'prompt' | 'points'> & {
	category: string | null;
};
/** A unit an author may own content in. */
export type OwnerUnit = Pick<Row<'unit'>, 'id' | 'name'>;

const withoutKind = (value: { kind: string }) => {
	const rest: Record<string, unknown> = { ...value };
	delete rest.kind;
	return rest;
};

/**
 * Adds the drafts to the bank as new questions, in one go (the caller's transaction makes it all or nothing),
 * each in its category (created where missing, so a file's category tree becomes the bank's).
 */
export async function insertDrafts(tx: Tx, bankId: number, drafts: QuestionDraft[]): Promise<number[]> {
	const ids: number[] = [];
	const categories = new Map<string, number | null>();
	for (const draft of drafts) {
		const path = draft.category ?? [];
		const pathKey = JSON.stringify(path);
		if (!categories.has(pathKey)) {
			const [{ id }] = await tx<{ id: number | null }[]>`select public.question_category_path(${bankId}, ${path}::text[])::int as id`;
			categories.set(pathKey, id);
		}
		const [{ id }] = await tx<{ id: number }[]>`
			insert into public.question (bank_id, category_id) values (${bankId}, ${categories.get(pathKey) ?? null}) returning id::int`;
		await tx`
			insert into public.question_version (question_id, kind, title, prompt, prompt_format, content, key, explanation, points)
			values (${id}, ${draft.kind}, ${draft.title}, ${draft.prompt}, ${draft.promptFormat ?? 'plain'}, ${tx.json(withoutKind(draft.content) as never)},
				${tx.json(withoutKind(draft.key) as never)}, ${draft.explanation}, ${draft.points})`;
		ids.push(id);
	}
	return ids;
}

/** The banks the author may edit, newest first. */
export function list(claims: Claims): Promise<Bank[]> {
	return asUser(claims, (tx) => tx<Bank[]>`
		select b.id::int, b.title, c.title_vi as "courseTitle", b.created_at as "createdAt",
			(select count(*)::int from public.question q where q.bank_id = b.id and not q.archived) as questions
		from public.question_bank b left join public.course c on c.id = b.course_id
		order by b.created_at desc, b.id desc`);
}

export function create(claims: Claims, title: string, ownerUnitId: number): Promise<number> {
	return asUser(claims, async (tx) => {
		const [{ id }] = await tx<{ id: number }[]>`
			insert into public.question_bank (title, owner_unit_id) values (${title}, ${ownerUnitId}) returning id::int`;
		return id;
	});
}

/** A bank with its current questions, or undefined if the author may not see it. */
export function get(claims: Claims, bankId: number): Promise<{ bank: Bank; questions: BankQuestion[] } | undefined> {
	return asUser(claims, async (tx) => {
		const [bank] = await tx<Bank[]>`
			select b.id::int, b.title, c.title_vi as "courseTitle", b.created_at as "createdAt", 0 as questions
			from public.question_bank b left join public.course c on c.id = b.course_id where b.id = ${bankId}`;
		if (!bank) return undefined;
		const questions = await tx<BankQuestion[]>`
			with recursive tree as (
				select c.id, c.name::text as path from public.question_category c where c.bank_id = ${bankId} and c.parent_id is null
				union all
				select c.id, t.path || ' / ' || c.name from public.question_category c join tree t on c.parent_id = t.id
			)
			select q.id::int, v.version, v.kind, v.title, v.prompt, v.points::float, tree.path as category
			from public.question q join public.question_version v on v.id = q.current_version_id
			left join tree on tree.id = q.category_id
			where q.bank_id = ${bankId} and not q.archived order by tree.path nulls first, q.id`;
		return { bank: { ...bank, questions: questions.length }, questions };
	});
}

/** Imports parsed drafts into the bank; nothing is added if any insert fails. */
export function importDrafts(claims: Claims, bankId: number, drafts: QuestionDraft[]): Promise<number> {
	return asUser(claims, async (tx) => (await insertDrafts(tx, bankId, drafts)).length);
}

/** The bank's current questions as drafts (for export). */
export function drafts(claims: Claims, bankId: number): Promise<{ title: string; drafts: QuestionDraft[] } | undefined> {
	return asUser(claims, async (tx) => {
		const [bank] = await tx<Pick<Row<'question_bank'>, 'title'>[]>`select title from public.question_bank where id = ${bankId}`;
		if (!bank) return undefined;
		const rows = await tx<(Omit<QuestionDraft, 'content' | 'key' | 'notKept'> & { content: object; key: object })[]>`
			with recursive tree as (
				select c.id, array[c.name::text] as path from public.question_category c where c.bank_id = ${bankId} and c.parent_id is null
				union all
				select c.id, t.path || c.name::text from public.question_category c join tree t on c.parent_id = t.id
			)
			select v.kind, v.title, v.prompt, v.prompt_format as "promptFormat", v.explanation, v.points::float, v.content, v.key,
				coalesce(tree.path, '{}') as category
			from public.question q join public.question_version v on v.id = q.current_version_id
			left join tree on tree.id = q.category_id
			where q.bank_id = ${bankId} and not q.archived order by tree.path nulls first, q.id`;
		return {
			title: bank.title,
			drafts: rows.map((r) => ({ ...r, notKept: [], content: { kind: r.kind, ...r.content }, key: { kind: r.kind, ...r.key } }) as QuestionDraft)
		};
	});
}

/** Units the author may own a bank in: their organizer scopes, and the province for a province admin. */
export function authorUnits(claims: Claims, organizerScopes: OwnerUnit[]): Promise<OwnerUnit[]> {
	return asUser(claims, async (tx) => {
		const province = await tx<OwnerUnit[]>`
			select u.id::int, u.name from public.unit u
			where u.kind = 'province' and u.validity @> current_date
				and private.is_province_admin()`;
		return [...province, ...organizerScopes.filter((s) => !province.some((p) => p.id === s.id))];
	});
}
