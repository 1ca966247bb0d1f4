-- The access matrix: every table of the public schema × seven personas × select, insert, update and delete,
-- each cell an expectation checked by trying the operation (in a subtransaction that is then rolled back).
-- A new table fails the first test until its row of expectations is written here: a deliberate decision.
--
-- Personas: anon (not signed in), citizen (citizen_a, commune A), official (of the agency SKHCN, lives in
-- commune B), organizer (organizer_a, authors for commune A), team_member (team_member_a, commune A),
-- unit_admin (admin_a, commune A), province_admin. See 00000-setup-test-helpers.sql.
--
-- Each table has a few labelled rows, made here as the service: usually 'a' (of commune A, or citizen_a's),
-- 'b' (of commune B, or citizen_b's), 'pub' (published, of commune B), 'own' (the acting persona's own row,
-- for tables of personal records; every persona has one) or 'x' (the one row of a table without scope).
-- Insert has its own labelled statements (new rows of the same kinds). A cell's outcome is the labels on
-- which the operation worked: a select that sees the row, an insert that adds it, an update or delete that
-- reaches it. A refusal (no privilege, a policy's check) or no row reached leaves the label out; any other
-- error shows as 'label!SQLSTATE', which no expectation names, so that a cell never passes for the wrong
-- reason. Expected '*' is every label the operation has.
begin;
create extension if not exists pgtap with schema extensions;

select tests.create_personas();

-- ───────────── fixture (as the service) ─────────────
create temp table fx (name text primary key, id bigint);
create function pg_temp.fx(name text) returns bigint language sql stable as $$ select id from fx where fx.name = $1 $$;
create function pg_temp.note(name text, id bigint) returns bigint language sql as $$ insert into fx values (name, id) returning id $$;

-- units and successions
insert into public.unit (code, name, kind, parent_id, valid_from) values
  ('22366-MT1', 'Tổ dân phố ma trận 1', 'village', tests.unit('22366'), '2025-07-01'),
  ('22366-MT2', 'Tổ dân phố ma trận 2', 'village', tests.unit('22366'), '2025-07-01');
select pg_temp.note('unit-x', tests.unit('22366-MT1')), pg_temp.note('unit-y', tests.unit('22366-MT2'));
insert into public.unit_succession (old_unit_id, new_unit_id, coverage) values (pg_temp.fx('unit-x'), pg_temp.fx('unit-y'), 'full');

-- competences: an empty framework; a framework with an empty area and an area of two competences, the
-- second tagged and mapped
insert into public.competence_framework (code, name_vi, name_en, source, max_level) values
  ('ma_tran_rong', 'Khung trống', 'Empty framework', 'Thử nghiệm', 3),
  ('ma_tran', 'Khung ma trận', 'Matrix framework', 'Thử nghiệm', 3);
insert into public.competence_area (framework, code, name_vi, name_en, position) values
  ('ma_tran', 'A', 'Lĩnh vực A', 'Area A', 1), ('ma_tran', 'Z', 'Lĩnh vực trống', 'Empty area', 2);
insert into public.competence (framework, area_id, code, name_vi, name_en)
select 'ma_tran', a.id, c.code, c.code, c.code from public.competence_area a
cross join (values ('A.1'), ('A.2')) as c (code) where a.framework = 'ma_tran' and a.code = 'A';
insert into public.competence_mapping values (tests.competence('ma_tran', 'A.2'), tests.competence('qd757_2025', '2'));

-- courses: bare ones (for the course table itself) and full ones (a module with lessons bai-1, required,
-- and bai-2, optional; an empty second module; tags), each published of B, draft of A, draft of B
insert into public.course (slug, audience, level, status, title_vi, title_en, owner_unit_id)
select c.slug, 'citizen', 'basic', c.status, c.slug, c.slug, tests.unit(c.owner) from (values
  ('mt-pub', 'published', '22759'), ('mt-a', 'draft', '22366'), ('mt-b', 'draft', '22759'),
  ('mt-full-pub', 'published', '22759'), ('mt-full-a', 'draft', '22366'), ('mt-full-b', 'draft', '22759')
) as c (slug, status, owner);
select pg_temp.note(slug, id) from public.course where slug like 'mt-%';
insert into public.course_module (course_id, position, title_vi, title_en)
select c.id, p, 'Chương ' || p, 'Module ' || p from public.course c cross join generate_series(1, 2) p where c.slug like 'mt-full-%';
insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, required, body)
select m.course_id, m.id, l.position, l.slug, l.slug, l.slug, 5, l.position = 1, '{"type":"doc","content":[]}'
from public.course_module m join public.course c on c.id = m.course_id
cross join (values (1, 'bai-1'), (2, 'bai-2')) as l (position, slug) where c.slug like 'mt-full-%' and m.position = 1;
insert into public.course_competence (course_id, competence_id, level)
select id, tests.competence('ma_tran', 'A.2'), 1 from public.course where slug like 'mt-full-%';
insert into public.lesson_competence (lesson_id, competence_id, level)
select l.id, tests.competence('ma_tran', 'A.2'), 1 from public.lesson l join public.course c on c.id = l.course_id
where c.slug like 'mt-full-%' and l.slug = 'bai-2';

-- learning: every persona (and citizen_b) enrolled in mt-full-pub, with bai-1 done, which completes it
insert into public.lesson_progress (person_id, lesson_id, course_id, event_id)
select tests.id(p), l.id, l.course_id, gen_random_uuid() from public.lesson l
cross join unnest(array['citizen_a', 'citizen_b', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'province_admin']) p
where l.course_id = pg_temp.fx('mt-full-pub') and l.slug = 'bai-1';

-- question banks: bare (for the bank table) and full ones of A and B, each with a bare question, two
-- questions with a version (one in a quiz, one spare), a tag and an empty category
insert into public.question_bank (title, owner_unit_id)
select b.title, tests.unit(b.owner) from (values ('mt-bank-a', '22366'), ('mt-bank-b', '22759'),
  ('mt-full-bank-a', '22366'), ('mt-full-bank-b', '22759')) as b (title, owner);
select pg_temp.note(title, id) from public.question_bank where title like 'mt-%';
create function pg_temp.add_question(side text, n int) returns bigint language plpgsql as $$
declare
  question_id bigint;
begin
  insert into public.question (bank_id) values (pg_temp.fx('mt-full-bank-' || side)) returning id into question_id;
  if n > 0 then
    insert into public.question_version (question_id, kind, prompt, content, key)
    values (question_id, 'single', 'Câu ' || n, '{"options": [{"id": "a", "text": "Đúng"}, {"id": "b", "text": "Sai"}]}', '{"correct": "a"}');
  end if;
  return question_id;
end
$$;
select pg_temp.note(format('mt-q%s-%s', q, s), pg_temp.add_question(s, q)) from (values ('a'), ('b')) as x (s) cross join generate_series(0, 2) q;
insert into public.question_competence (question_id, competence_id)
select pg_temp.fx('mt-q1-' || s), tests.competence('ma_tran', 'A.2') from unnest(array['a', 'b']) s;
insert into public.question_category (bank_id, name)
select pg_temp.fx('mt-full-bank-' || s), 'Mục ' || s from unnest(array['a', 'b']) s;

-- quizzes: bare ones (published of B, drafts of A and B); full drafts of A and B (question 1 and a pool);
-- published quizzes of A and B that people took; round quizzes (with a window) of each contest
insert into public.quiz (title, owner_unit_id, status, opens_at, closes_at)
select q.title, tests.unit(q.owner), q.status, q.opens, q.opens + interval '2 days' from (values
  ('mt-quiz-pub', '22759', 'published', null), ('mt-quiz-a', '22366', 'draft', null), ('mt-quiz-b', '22759', 'draft', null),
  ('mt-fq-a', '22366', 'draft', null), ('mt-fq-b', '22759', 'draft', null),
  ('mt-att-a', '22366', 'published', null), ('mt-att-b', '22759', 'published', null),
  ('mt-rq-pub', '22759', 'published', now() - interval '3 days'), ('mt-rq-a', '22366', 'published', now() - interval '3 days'),
  ('mt-rq-b', '22759', 'published', now() - interval '3 days'), ('mt-rq-a2', '22366', 'published', now() - interval '3 days'),
  ('mt-rq-b2', '22759', 'published', now() - interval '3 days')
) as q (title, owner, status, opens);
select pg_temp.note(title, id) from public.quiz where title like 'mt-%';
insert into public.quiz_question (quiz_id, position, question_id)
select pg_temp.fx('mt-fq-' || s), 1, pg_temp.fx('mt-q1-' || s) from unnest(array['a', 'b']) s;
insert into public.quiz_pool (quiz_id, bank_id, draw_count)
select pg_temp.fx('mt-fq-' || s), pg_temp.fx('mt-full-bank-' || s), 1 from unnest(array['a', 'b']) s;

-- attempts: everyone took mt-att-b; citizen_b also took mt-att-a; each attempt has its question
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, submitted_at, score, max_score, pass_percent, passed, duration_ms)
  select pg_temp.fx(q), tests.id(p), 1, now() - interval '1 hour', now() - interval '50 minutes', 1, 1, 50, true, 600000
  from unnest(array['citizen_a', 'citizen_b', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'province_admin']) p
  cross join (values ('mt-att-b')) as x (q)
  union all
  select pg_temp.fx('mt-att-a'), tests.id('citizen_b'), 1, now() - interval '1 hour', now() - interval '50 minutes', 1, 1, 50, true, 600000;
create temp table attempt_ids as
select a.id, a.quiz_id, a.person_id from public.quiz_attempt a where a.quiz_id in (pg_temp.fx('mt-att-a'), pg_temp.fx('mt-att-b'));
insert into public.attempt_question (attempt_id, position, question_version_id, points, kind, content, key)
select a.id, 1, v.id, 1, v.kind, v.content, v.key from attempt_ids a
join public.question_version v on v.question_id = pg_temp.fx('mt-q2-a')
where (a.quiz_id, a.person_id) in ((pg_temp.fx('mt-att-a'), tests.id('citizen_b')), (pg_temp.fx('mt-att-b'), tests.id('citizen_a')));

-- campaigns and contests: bare ones (published of B, drafts of A and B); full ones with a round each
insert into public.campaign (slug, title, owner_unit_id, status)
select c.slug, c.slug, tests.unit(c.owner), c.status from (values
  ('mt-camp-pub', '22759', 'published'), ('mt-camp-a', '22366', 'draft'), ('mt-camp-b', '22759', 'draft'),
  ('mt-camp-full-pub', '22759', 'published'), ('mt-camp-full-a', '22366', 'draft')) as c (slug, owner, status);
select pg_temp.note(slug, id) from public.campaign where slug like 'mt-%';
insert into public.contest (campaign_id, slug, title, owner_unit_id, status)
select pg_temp.fx(c.campaign), c.slug, c.slug, tests.unit(c.owner), c.status from (values
  ('mt-camp-full-pub', 'mt-con-pub', '22759', 'published'), ('mt-camp-full-a', 'mt-con-a', '22366', 'draft'),
  ('mt-camp-full-pub', 'mt-con-b', '22759', 'draft'),
  ('mt-camp-full-pub', 'mt-con-full-pub', '22759', 'published'), ('mt-camp-full-a', 'mt-con-full-a', '22366', 'draft'),
  ('mt-camp-full-pub', 'mt-con-full-b', '22759', 'draft')) as c (campaign, slug, owner, status);
select pg_temp.note(slug, id) from public.contest where slug like 'mt-%';
insert into public.contest_round (contest_id, number, quiz_id)
select pg_temp.fx('mt-con-full-' || s), 1, pg_temp.fx('mt-rq-' || s) from unnest(array['pub', 'a', 'b']) s;
select pg_temp.note('mt-round-' || s, r.id) from unnest(array['pub', 'a', 'b']) s
join public.contest_round r on r.contest_id = pg_temp.fx('mt-con-full-' || s);
insert into public.contest_result (round_id, rank, person_id, display_name, attempt_id, score, max_score, duration_ms, submitted_at)
select pg_temp.fx('mt-round-' || r.s), 1, a.person_id, 'Người dự thi', a.id, 1, 1, 600000, now() - interval '50 minutes'
from (values ('pub', 'mt-att-b', 'citizen_a'), ('a', 'mt-att-a', 'citizen_b')) as r (s, quiz, persona)
join attempt_ids a on a.quiz_id = pg_temp.fx(r.quiz) and a.person_id = tests.id(r.persona);

-- targets: a published and a draft reported target, an automatic one; reports and values for A and B
insert into public.unit_population (unit_id, year, adults, residents, source) values (tests.unit('22366'), 2026, 4000, 5500, 'Thống kê');
insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible,
                           measurement, metric_code, published) values
  ('MT-PUB', 'Công khai', 'Published', '2026-01-01', '2026-12-31', 80, 'percent', 'at_least', 'Sở', 'reported', null, true),
  ('MT-DRAFT', 'Nháp', 'Draft', '2026-01-01', '2026-12-31', 80, 'percent', 'at_least', 'Sở', 'reported', null, false),
  ('MT-AUTO', 'Tự động', 'Automatic', '2026-01-01', '2026-12-31', 70, 'percent', 'at_least', 'Sở', 'automatic',
   'adults_basic_digital_skills', true);
select pg_temp.note(code, id) from public.target where code like 'MT-%';
insert into public.target_report (target_id, unit_id, numerator, denominator)
select pg_temp.fx('MT-PUB'), tests.unit(u), 10, 100 from unnest(array['22366', '22759']) u;
insert into public.target_value (target_id, unit_id, numerator, denominator)
select pg_temp.fx('MT-AUTO'), tests.unit(u), 10, 100 from unnest(array['22366', '22759']) u;
insert into public.target_refresh (refreshed_at, duration_ms) values (now(), 1) on conflict (id) do nothing;

-- ───────────── what each label is ─────────────
-- Rows for select, update and delete (a filter, and the no-op assignment an update makes) and statements for
-- insert. Filters and statements name ids as literals: the personas cannot read the fixture's tables.
create temp table matrix_row (tab text, label text, filter text, ops text[] default '{select,update,delete}',
                              primary key (tab, label));
create temp table matrix_update (tab text primary key, assignment text);
create temp table matrix_insert (tab text, label text, statement text, primary key (tab, label));

create function pg_temp.id(persona text) returns text language sql immutable as $$ select quote_literal(tests.id(persona)) $$;

insert into matrix_row (tab, label, filter) values
  ('unit', 'x', format('id = %s', pg_temp.fx('unit-x'))),
  ('unit_succession', 'x', format('old_unit_id = %s', pg_temp.fx('unit-x'))),
  ('competence_framework', 'x', $$code = 'ma_tran_rong'$$),
  ('competence_area', 'x', $$framework = 'ma_tran' and code = 'Z'$$),
  ('competence', 'x', format('id = %s', tests.competence('ma_tran', 'A.1'))),
  ('competence_mapping', 'x', format('from_competence_id = %s', tests.competence('ma_tran', 'A.2'))),
  ('metric', 'x', $$code = 'adults_basic_digital_skills'$$),
  ('unit_population', 'x', format('unit_id = %s and year = 2026', tests.unit('22366'))),
  ('target', 'pub', format('id = %s', pg_temp.fx('MT-AUTO'))),
  ('target', 'draft', format('id = %s', pg_temp.fx('MT-DRAFT'))),
  ('target_refresh', 'x', 'id'),
  ('profile', 'own', 'id = (select auth.uid())'),
  ('person_role', 'own', 'person_id = (select auth.uid())');
insert into matrix_row (tab, label, filter, ops) values
  ('profile', 'a', format('id = %s', pg_temp.id('citizen_a')), '{select,update,delete}'),
  ('profile', 'b', format('id = %s', pg_temp.id('citizen_b')), '{select,update,delete}'),
  ('person_role', 'a', format('person_id = %s', pg_temp.id('team_member_a')), '{select,update,delete}'),
  ('person_role', 'b', format('person_id = %s', pg_temp.id('admin_b')), '{select,update,delete}');
-- a province admin's own role is the last one: removing it is refused for that reason, not tried here
update matrix_row set ops = '{select,update}' where tab = 'person_role' and label = 'own';

-- labels pub (published, of B), a (draft of A), b (draft of B), by a name column
insert into matrix_row (tab, label, filter)
select t.tab, s, format('%s = %L', t.name_column, t.prefix || s) from (values
  ('course', 'slug', 'mt-'), ('quiz', 'title', 'mt-quiz-'), ('campaign', 'slug', 'mt-camp-'), ('contest', 'slug', 'mt-con-')
) as t (tab, name_column, prefix) cross join unnest(array['pub', 'a', 'b']) s;
-- the content of the full courses: the empty module, the optional lesson, the tags
insert into matrix_row (tab, label, filter)
select t.tab, s, format(t.filter, pg_temp.fx('mt-full-' || s)) from (values
  ('course_module', 'course_id = %s and position = 2'),
  ('lesson', 'course_id = %s and slug = ''bai-2'''),
  ('course_competence', 'course_id = %s'),
  ('lesson_competence', 'lesson_id = (select l.id from public.lesson l where l.course_id = %s and l.slug = ''bai-2'')')
) as t (tab, filter) cross join unnest(array['pub', 'a', 'b']) s;
-- personal records in mt-full-pub: the persona's own, citizen_a's (A), citizen_b's (B)
insert into matrix_row (tab, label, filter)
select t.tab, p.label, format('course_id = %s and person_id = %s', pg_temp.fx('mt-full-pub'), p.person) from
  (values ('enrolment'), ('lesson_progress'), ('course_completion')) as t (tab)
  cross join (values ('own', '(select auth.uid())'), ('a', pg_temp.id('citizen_a')), ('b', pg_temp.id('citizen_b'))) as p (label, person);
-- banks and their contents, of A and B
insert into matrix_row (tab, label, filter)
select t.tab, s, format(t.filter, pg_temp.fx(t.fixture || s)) from (values
  ('question_bank', 'id = %s', 'mt-bank-'),
  ('question', 'id = %s', 'mt-q0-'),
  ('question_version', 'question_id = %s', 'mt-q1-'),
  ('question_competence', 'question_id = %s', 'mt-q1-'),
  ('question_category', 'bank_id = %s', 'mt-full-bank-'),
  ('quiz_question', 'quiz_id = %s', 'mt-fq-'),
  ('quiz_pool', 'quiz_id = %s', 'mt-fq-')
) as t (tab, filter, fixture) cross join unnest(array['a', 'b']) s;
-- attempts at mt-att-b: the persona's own and citizen_a's (A); citizen_b's (B) at mt-att-a, a quiz of A.
-- The questions of attempts, by the quiz's unit: a = at mt-att-a (of A), b = at mt-att-b (of B).
insert into matrix_row (tab, label, filter) values
  ('quiz_attempt', 'own', format('quiz_id = %s and person_id = (select auth.uid())', pg_temp.fx('mt-att-b'))),
  ('quiz_attempt', 'a', format('quiz_id = %s and person_id = %s', pg_temp.fx('mt-att-b'), pg_temp.id('citizen_a'))),
  ('quiz_attempt', 'b', format('quiz_id = %s and person_id = %s', pg_temp.fx('mt-att-a'), pg_temp.id('citizen_b'))),
  ('attempt_question', 'a', format('attempt_id = %L', (select id from attempt_ids where quiz_id = pg_temp.fx('mt-att-a')))),
  ('attempt_question', 'b', format('attempt_id = %L', (select id from attempt_ids where quiz_id = pg_temp.fx('mt-att-b')
                                                                                 and person_id = tests.id('citizen_a')))),
  ('contest_round', 'pub', format('id = %s', pg_temp.fx('mt-round-pub'))),
  ('contest_round', 'a', format('id = %s', pg_temp.fx('mt-round-a'))),
  ('contest_round', 'b', format('id = %s', pg_temp.fx('mt-round-b'))),
  ('contest_result', 'pub', format('round_id = %s and rank = 1', pg_temp.fx('mt-round-pub'))),
  ('contest_result', 'a', format('round_id = %s and rank = 1', pg_temp.fx('mt-round-a'))),
  ('target_report', 'a', format('target_id = %s and unit_id = %s', pg_temp.fx('MT-PUB'), tests.unit('22366'))),
  ('target_report', 'b', format('target_id = %s and unit_id = %s', pg_temp.fx('MT-PUB'), tests.unit('22759'))),
  ('target_value', 'a', format('target_id = %s and unit_id = %s', pg_temp.fx('MT-AUTO'), tests.unit('22366'))),
  ('target_value', 'b', format('target_id = %s and unit_id = %s', pg_temp.fx('MT-AUTO'), tests.unit('22759')));

insert into matrix_update values
  ('unit', 'name = name'), ('unit_succession', 'coverage = coverage'), ('competence_framework', 'note = note'),
  ('competence_area', 'name_vi = name_vi'), ('competence', 'name_vi = name_vi'),
  ('competence_mapping', 'to_competence_id = to_competence_id'), ('metric', 'name_vi = name_vi'),
  ('unit_population', 'adults = adults'), ('target', 'name_vi = name_vi'), ('target_refresh', 'duration_ms = duration_ms'),
  ('profile', 'display_name = display_name'), ('person_role', 'role = role'), ('course', 'title_vi = title_vi'),
  ('course_module', 'title_vi = title_vi'), ('lesson', 'title_vi = title_vi'), ('course_competence', 'level = level'),
  ('lesson_competence', 'level = level'), ('enrolment', 'last_activity_at = last_activity_at'),
  ('lesson_progress', 'completed_at = completed_at'), ('course_completion', 'completed_at = completed_at'),
  ('question_bank', 'title = title'), ('question', 'archived = archived'), ('question_version', 'title = title'),
  ('question_competence', 'competence_id = competence_id'), ('question_category', 'name = name'),
  ('quiz', 'title = title'), ('quiz_question', 'position = position'), ('quiz_pool', 'draw_count = draw_count'),
  ('quiz_attempt', 'prediction = prediction'), ('attempt_question', 'grader_comment = grader_comment'),
  ('campaign', 'title = title'), ('contest', 'title = title'), ('contest_round', 'prediction_prompt = prediction_prompt'),
  ('contest_result', 'display_name = display_name'), ('target_report', 'note = note'), ('target_value', 'numerator = numerator');

-- inserts: x (the one kind of row), a (of commune A, or for citizen_a), b (of B, for citizen_b), own (for oneself)
insert into matrix_insert values
  ('unit', 'x', format($$insert into public.unit (code, name, kind, parent_id, valid_from)
                         values ('22366-MT3', 'Tổ dân phố mới', 'village', %s, '2025-07-01')$$, tests.unit('22366'))),
  ('unit_succession', 'x', format($$insert into public.unit_succession values (%s, %s, 'partial')$$,
                                  pg_temp.fx('unit-y'), pg_temp.fx('unit-x'))),
  ('competence_framework', 'x', $$insert into public.competence_framework (code, name_vi, name_en, source, max_level)
                                  values ('ma_tran_moi', 'Mới', 'New', 'Thử nghiệm', 3)$$),
  ('competence_area', 'x', $$insert into public.competence_area (framework, code, name_vi, name_en, position)
                             values ('ma_tran', 'B', 'Mới', 'New', 3)$$),
  ('competence', 'x', format($$insert into public.competence (framework, area_id, code, name_vi, name_en)
                               values ('ma_tran', %s, 'A.3', 'Mới', 'New')$$,
                             (select id from public.competence_area where framework = 'ma_tran' and code = 'A'))),
  ('competence_mapping', 'x', format('insert into public.competence_mapping values (%s, %s)',
                                     tests.competence('ma_tran', 'A.1'), tests.competence('qd757_2025', '1'))),
  ('metric', 'x', $$insert into public.metric values ('ma_tran_moi', 'count', 'Mới', 'New', 'Mới', 'New')$$),
  ('unit_population', 'x', format($$insert into public.unit_population (unit_id, year, adults, residents, source)
                                    values (%s, 2026, 3000, 4000, 'Thống kê')$$, tests.unit('22759'))),
  ('target', 'x', $$insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit,
                                                direction, responsible, measurement)
                    values ('MT-NEW', 'Mới', 'New', '2026-01-01', '2026-12-31', 10, 'count', 'at_least', 'Sở', 'reported')$$),
  ('target_refresh', 'x', 'insert into public.target_refresh (id, refreshed_at, duration_ms) values (true, now(), 1)'),
  ('profile', 'x', $$insert into public.profile (id, display_name) values (gen_random_uuid(), 'Người lạ')$$),
  ('person_role', 'a', format($$insert into public.person_role (person_id, role, unit_id, granted_by)
                                values (%s, 'organizer', %s, (select auth.uid()))$$, pg_temp.id('citizen_a'), tests.unit('22366'))),
  ('person_role', 'b', format($$insert into public.person_role (person_id, role, unit_id, granted_by)
                                values (%s, 'organizer', %s, (select auth.uid()))$$, pg_temp.id('citizen_b'), tests.unit('22759'))),
  ('enrolment', 'own', format('insert into public.enrolment (person_id, course_id) values ((select auth.uid()), %s)', pg_temp.fx('mt-pub'))),
  ('enrolment', 'b', format('insert into public.enrolment (person_id, course_id) values (%s, %s)', pg_temp.id('citizen_b'), pg_temp.fx('mt-pub'))),
  ('enrolment', 'draft', format('insert into public.enrolment (person_id, course_id) values ((select auth.uid()), %s)', pg_temp.fx('mt-a'))),
  ('course_completion', 'own', format('insert into public.course_completion (person_id, course_id) values ((select auth.uid()), %s)',
                                      pg_temp.fx('mt-pub'))),
  ('attempt_question', 'a', format($$insert into public.attempt_question (attempt_id, position, question_version_id, points, kind, content, key)
                                     select attempt_id, 2, question_version_id, points, kind, content, key from public.attempt_question
                                     where attempt_id = %L$$, (select id from attempt_ids where quiz_id = pg_temp.fx('mt-att-a')))),
  ('quiz_attempt', 'own', format($$insert into public.quiz_attempt (quiz_id, person_id, number, max_score, pass_percent)
                                   values (%s, (select auth.uid()), 2, 1, 50)$$, pg_temp.fx('mt-att-a'))),
  ('contest_result', 'a', format($$insert into public.contest_result (round_id, rank, person_id, display_name, attempt_id, score, max_score,
                                                                     duration_ms, submitted_at)
                                   select %s, 2, person_id, 'Người khác', id, 0, 1, 1000, now() from public.quiz_attempt
                                   where quiz_id = %s and person_id = %s$$, pg_temp.fx('mt-round-a'), pg_temp.fx('mt-att-b'),
                                 pg_temp.id('official'))),
  ('target_value', 'a', format('insert into public.target_value values (%s, %s, 1, 2)', pg_temp.fx('MT-AUTO'), pg_temp.fx('unit-x')));
insert into matrix_insert
select 'lesson_progress', p.label, format($$insert into public.lesson_progress (person_id, lesson_id, course_id, event_id)
                                           select %s, l.id, l.course_id, gen_random_uuid() from public.lesson l
                                           where l.course_id = %s and l.slug = 'bai-2'$$, p.person, pg_temp.fx('mt-full-pub'))
from (values ('own', '(select auth.uid())'), ('b', pg_temp.id('citizen_b'))) as p (label, person);
-- content of A and of B
insert into matrix_insert
select t.tab, s, format(t.statement, variadic array(select pg_temp.fx(f || s) from unnest(t.fixtures) f)) from (values
  ('course_module', array['mt-full-'], $$insert into public.course_module (course_id, position, title_vi, title_en) values (%s, 3, 'Mới', 'New')$$),
  ('lesson', array['mt-full-', 'mt-full-'], $$insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, body)
                                              select %s, m.id, 3, 'bai-3', 'Mới', 'New', 5, '{"type":"doc","content":[]}' from public.course_module m
                                              where m.course_id = %s and m.position = 1$$),
  ('course_competence', array['mt-full-'], format($$insert into public.course_competence values (%%s, %s, 1)$$, tests.competence('ma_tran', 'A.1'))),
  ('lesson_competence', array['mt-full-'], format($$insert into public.lesson_competence
                                                    select l.id, %s, 1 from public.lesson l where l.course_id = %%s and l.slug = 'bai-1'$$,
                                                  tests.competence('ma_tran', 'A.1'))),
  ('question_bank', array['mt-bank-'], $$insert into public.question_bank (title, owner_unit_id)
                                         select 'Mới', owner_unit_id from public.question_bank where id = %s$$),
  ('question', array['mt-full-bank-'], 'insert into public.question (bank_id) values (%s)'),
  ('question_version', array['mt-q1-'], $$insert into public.question_version (question_id, kind, prompt, content, key)
                                           values (%s, 'true_false', 'Mới?', '{}', '{"correct": true}')$$),
  ('question_competence', array['mt-q1-'], format('insert into public.question_competence values (%%s, %s)', tests.competence('ma_tran', 'A.1'))),
  ('question_category', array['mt-full-bank-'], $$insert into public.question_category (bank_id, name) values (%s, 'Mục mới')$$),
  ('quiz', array['mt-quiz-'], $$insert into public.quiz (title, owner_unit_id) select 'Mới', owner_unit_id from public.quiz where id = %s$$),
  ('quiz_question', array['mt-fq-', 'mt-q2-'], 'insert into public.quiz_question (quiz_id, position, question_id) values (%s, 2, %s)'),
  ('quiz_pool', array['mt-fq-', 'mt-full-bank-'], 'insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (%s, %s, 2)'),
  ('campaign', array['mt-camp-'], $$insert into public.campaign (slug, title, owner_unit_id)
                                    select 'mt-camp-new-' || id, 'Mới', owner_unit_id from public.campaign where id = %s$$)
) as t (tab, fixtures, statement)
cross join unnest(array['a', 'b']) s;
-- new courses, contests (a: in A's draft campaign, b: in B's published one) and second rounds
insert into matrix_insert
select t.tab, x.s, case t.tab
  when 'course' then format($$insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                              values (%L, 'citizen', 'basic', 'Mới', 'New', %s)$$, 'mt-new-' || x.s, tests.unit(x.unit))
  when 'contest' then format('insert into public.contest (campaign_id, slug, title, owner_unit_id) values (%s, %L, %L, %s)',
                             pg_temp.fx(x.campaign), 'mt-con-new-' || x.s, 'Mới', tests.unit(x.unit))
  when 'contest_round' then format('insert into public.contest_round (contest_id, number, quiz_id) values (%s, 2, %s)',
                                   pg_temp.fx('mt-con-full-' || x.s), pg_temp.fx('mt-rq-' || x.s || '2')) end
from (values ('course'), ('contest'), ('contest_round')) as t (tab)
cross join (values ('a', '22366', 'mt-camp-full-a'), ('b', '22759', 'mt-camp-full-pub')) as x (s, unit, campaign);
insert into matrix_insert
select 'target_report', s, format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, 5, 100)',
                                  pg_temp.fx('MT-DRAFT'), tests.unit(u))
from (values ('a', '22366'), ('b', '22759')) as x (s, u);

-- ───────────── the expectations ─────────────
-- One row per table and operation; per persona, the labels the operation works on ('*': all, '': none).
create temp table matrix_expect (tab text, op text, anon text, citizen text, official text, organizer text,
                                 team_member text, unit_admin text, province_admin text, primary key (tab, op));
insert into matrix_expect values
  -- the administrative map: read by everyone, kept by the province admins
  ('unit',                 'select', '*', '*', '*', '*', '*', '*', '*'),
  ('unit',                 'insert', '', '', '', '', '', '', '*'),
  ('unit',                 'update', '', '', '', '', '', '', '*'),
  ('unit',                 'delete', '', '', '', '', '', '', '*'),
  ('unit_succession',      'select', '*', '*', '*', '*', '*', '*', '*'),
  ('unit_succession',      'insert', '', '', '', '', '', '', '*'),
  ('unit_succession',      'update', '', '', '', '', '', '', ''),      -- a succession is replaced, never edited
  ('unit_succession',      'delete', '', '', '', '', '', '', '*'),
  -- people and roles: one's own; a unit admin's people (team_member_a lives in A); a province admin's all
  ('profile',              'select', '', 'a own', 'own', 'own', 'own', 'a own', '*'),
  ('profile',              'insert', '', '', '', '', '', '', ''),      -- made by the sign-up trigger
  ('profile',              'update', '', 'a own', 'own', 'own', 'own', 'own', 'own'),
  ('profile',              'delete', '', '', '', '', '', '', ''),
  ('person_role',          'select', '', '', 'own', 'own', 'a own', 'a own', '*'),
  ('person_role',          'insert', '', '', '', '', '', '', '*'),
  ('person_role',          'update', '', '', '', '', '', '', ''),      -- a role is taken and given again
  ('person_role',          'delete', '', '', '', '', '', '', '*'),
  -- competence frameworks: read by everyone, kept by the province admins
  ('competence_framework', 'select', '*', '*', '*', '*', '*', '*', '*'),
  ('competence_framework', 'insert', '', '', '', '', '', '', '*'),
  ('competence_framework', 'update', '', '', '', '', '', '', '*'),
  ('competence_framework', 'delete', '', '', '', '', '', '', '*'),
  ('competence_area',      'select', '*', '*', '*', '*', '*', '*', '*'),
  ('competence_area',      'insert', '', '', '', '', '', '', '*'),
  ('competence_area',      'update', '', '', '', '', '', '', '*'),
  ('competence_area',      'delete', '', '', '', '', '', '', '*'),
  ('competence',           'select', '*', '*', '*', '*', '*', '*', '*'),
  ('competence',           'insert', '', '', '', '', '', '', '*'),
  ('competence',           'update', '', '', '', '', '', '', '*'),
  ('competence',           'delete', '', '', '', '', '', '', '*'),
  ('competence_mapping',   'select', '*', '*', '*', '*', '*', '*', '*'),
  ('competence_mapping',   'insert', '', '', '', '', '', '', '*'),
  ('competence_mapping',   'update', '', '', '', '', '', '', '*'),
  ('competence_mapping',   'delete', '', '', '', '', '', '', '*'),
  -- courses and their content: published ones read by everyone; drafts and edits by their unit's organizers
  ('course',               'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('course',               'insert', '', '', '', 'a', '', '', '*'),
  ('course',               'update', '', '', '', 'a', '', '', '*'),
  ('course',               'delete', '', '', '', 'a', '', '', '*'),
  ('course_module',        'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('course_module',        'insert', '', '', '', 'a', '', '', '*'),
  ('course_module',        'update', '', '', '', 'a', '', '', '*'),
  ('course_module',        'delete', '', '', '', 'a', '', '', '*'),
  ('lesson',               'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('lesson',               'insert', '', '', '', 'a', '', '', '*'),
  ('lesson',               'update', '', '', '', 'a', '', '', '*'),
  ('lesson',               'delete', '', '', '', 'a', '', '', '*'),
  ('course_competence',    'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('course_competence',    'insert', '', '', '', 'a', '', '', '*'),
  ('course_competence',    'update', '', '', '', 'a', '', '', '*'),
  ('course_competence',    'delete', '', '', '', 'a', '', '', '*'),
  ('lesson_competence',    'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('lesson_competence',    'insert', '', '', '', 'a', '', '', '*'),
  ('lesson_competence',    'update', '', '', '', 'a', '', '', '*'),
  ('lesson_competence',    'delete', '', '', '', 'a', '', '', '*'),
  -- learning records: one's own (enrolling only in a published course); a unit admin's people; all for a
  -- province admin, who records nothing for others
  ('enrolment',            'select', '', 'a own', 'own', 'own', 'own', 'a own', '*'),
  ('enrolment',            'insert', '', 'own', 'own', 'own', 'own', 'own', 'own'),
  ('enrolment',            'update', '', 'a own', 'own', 'own', 'own', 'own', 'own'),
  ('enrolment',            'delete', '', 'a own', 'own', 'own', 'own', 'own', 'own'),
  ('lesson_progress',      'select', '', 'a own', 'own', 'own', 'own', 'a own', '*'),
  ('lesson_progress',      'insert', '', 'own', 'own', 'own', 'own', 'own', 'own'),
  ('lesson_progress',      'update', '', '', '', '', '', '', ''),      -- a lesson done stays done
  ('lesson_progress',      'delete', '', '', '', '', '', '', ''),
  ('course_completion',    'select', '', 'a own', 'own', 'own', 'own', 'a own', '*'),
  ('course_completion',    'insert', '', '', '', '', '', '', ''),      -- recorded by the completion trigger
  ('course_completion',    'update', '', '', '', '', '', '', ''),
  ('course_completion',    'delete', '', '', '', '', '', '', ''),
  -- question banks: their unit's organizers only; a version is never edited nor removed
  ('question_bank',        'select', '', '', '', 'a', '', '', '*'),
  ('question_bank',        'insert', '', '', '', 'a', '', '', '*'),
  ('question_bank',        'update', '', '', '', 'a', '', '', '*'),
  ('question_bank',        'delete', '', '', '', 'a', '', '', '*'),
  ('question',             'select', '', '', '', 'a', '', '', '*'),
  ('question',             'insert', '', '', '', 'a', '', '', '*'),
  ('question',             'update', '', '', '', 'a', '', '', '*'),
  ('question',             'delete', '', '', '', 'a', '', '', '*'),
  ('question_version',     'select', '', '', '', 'a', '', '', '*'),
  ('question_version',     'insert', '', '', '', 'a', '', '', '*'),
  ('question_version',     'update', '', '', '', '', '', '', ''),
  ('question_version',     'delete', '', '', '', '', '', '', ''),
  ('question_competence',  'select', '', '', '', 'a', '', '', '*'),
  ('question_competence',  'insert', '', '', '', 'a', '', '', '*'),
  ('question_competence',  'update', '', '', '', '', '', '', ''),      -- a tag is removed and added
  ('question_competence',  'delete', '', '', '', 'a', '', '', '*'),
  ('question_category',    'select', '', '', '', 'a', '', '', '*'),
  ('question_category',    'insert', '', '', '', 'a', '', '', '*'),
  ('question_category',    'update', '', '', '', 'a', '', '', '*'),
  ('question_category',    'delete', '', '', '', 'a', '', '', '*'),
  -- quizzes: published ones read by everyone; their questions and pools by their authors only
  ('quiz',                 'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('quiz',                 'insert', '', '', '', 'a', '', '', '*'),
  ('quiz',                 'update', '', '', '', 'a', '', '', '*'),
  ('quiz',                 'delete', '', '', '', 'a', '', '', '*'),
  ('quiz_question',        'select', '', '', '', 'a', '', '', '*'),
  ('quiz_question',        'insert', '', '', '', 'a', '', '', '*'),
  ('quiz_question',        'update', '', '', '', 'a', '', '', '*'),
  ('quiz_question',        'delete', '', '', '', 'a', '', '', '*'),
  ('quiz_pool',            'select', '', '', '', 'a', '', '', '*'),
  ('quiz_pool',            'insert', '', '', '', 'a', '', '', '*'),
  ('quiz_pool',            'update', '', '', '', 'a', '', '', '*'),
  ('quiz_pool',            'delete', '', '', '', 'a', '', '', '*'),
  -- attempts are written by the quiz functions only; read by the learner, the quiz's authors (b: citizen_b
  -- at a quiz of A), the learner's unit admin (a: citizen_a) and the province admins; the copies of the
  -- questions only by the quiz's authors (learners read them through quiz_attempt_questions)
  ('quiz_attempt',         'select', '', 'a own', 'own', 'b own', 'own', 'a own', '*'),
  ('quiz_attempt',         'insert', '', '', '', '', '', '', ''),
  ('quiz_attempt',         'update', '', '', '', '', '', '', ''),
  ('quiz_attempt',         'delete', '', '', '', '', '', '', ''),
  ('attempt_question',     'select', '', '', '', 'a', '', '', '*'),
  ('attempt_question',     'insert', '', '', '', '', '', '', ''),
  ('attempt_question',     'update', '', '', '', '', '', '', ''),
  ('attempt_question',     'delete', '', '', '', '', '', '', ''),
  -- campaigns and contests: published ones read by everyone; drafts and edits by their unit's organizers
  ('campaign',             'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('campaign',             'insert', '', '', '', 'a', '', '', '*'),
  ('campaign',             'update', '', '', '', 'a', '', '', '*'),
  ('campaign',             'delete', '', '', '', 'a', '', '', '*'),
  ('contest',              'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('contest',              'insert', '', '', '', 'a', '', '', '*'),
  ('contest',              'update', '', '', '', 'a', '', '', '*'),
  ('contest',              'delete', '', '', '', 'a', '', '', '*'),
  ('contest_round',        'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('contest_round',        'insert', '', '', '', 'a', '', '', '*'),
  ('contest_round',        'update', '', '', '', 'a', '', '', '*'),
  ('contest_round',        'delete', '', '', '', 'a', '', '', '*'),
  ('contest_result',       'select', 'pub', 'pub', 'pub', 'a pub', 'pub', 'pub', '*'),
  ('contest_result',       'insert', '', '', '', '', '', '', ''),      -- computed by compute_round_results
  ('contest_result',       'update', '', '', '', '', '', '', ''),
  ('contest_result',       'delete', '', '', '', '', '', '', ''),
  -- targets and figures: population and targets kept by the province admins; published targets public,
  -- drafts for admins; reports by unit admins for their communes; values computed
  ('unit_population',      'select', '*', '*', '*', '*', '*', '*', '*'),
  ('unit_population',      'insert', '', '', '', '', '', '', '*'),
  ('unit_population',      'update', '', '', '', '', '', '', '*'),
  ('unit_population',      'delete', '', '', '', '', '', '', '*'),
  ('metric',               'select', '*', '*', '*', '*', '*', '*', '*'),
  ('metric',               'insert', '', '', '', '', '', '', ''),      -- defined by migrations
  ('metric',               'update', '', '', '', '', '', '', ''),
  ('metric',               'delete', '', '', '', '', '', '', ''),
  ('target',               'select', 'pub', 'pub', 'pub', 'pub', 'pub', '*', '*'),
  ('target',               'insert', '', '', '', '', '', '', '*'),
  ('target',               'update', '', '', '', '', '', '', '*'),
  ('target',               'delete', '', '', '', '', '', '', '*'),
  ('target_report',        'select', '', '', '', '', '', 'a', '*'),
  ('target_report',        'insert', '', '', '', '', '', 'a', '*'),
  ('target_report',        'update', '', '', '', '', '', 'a', '*'),
  ('target_report',        'delete', '', '', '', '', '', '', ''),
  ('target_value',         'select', '', '', '', '', '', 'a', '*'),
  ('target_value',         'insert', '', '', '', '', '', '', ''),      -- computed by refresh_target_values
  ('target_value',         'update', '', '', '', '', '', '', ''),
  ('target_value',         'delete', '', '', '', '', '', '', ''),
  ('target_refresh',       'select', '*', '*', '*', '*', '*', '*', '*'),
  ('target_refresh',       'insert', '', '', '', '', '', '', ''),
  ('target_refresh',       'update', '', '', '', '', '', '', ''),
  ('target_refresh',       'delete', '', '', '', '', '', '', '');

create temp table persona (n int, name text, account text);
insert into persona values (1, 'anon', 'anonymous'), (2, 'citizen', 'citizen_a'), (3, 'official', 'official'),
  (4, 'organizer', 'organizer_a'), (5, 'team_member', 'team_member_a'), (6, 'unit_admin', 'admin_a'),
  (7, 'province_admin', 'province_admin');

-- ───────────── trying ─────────────
-- Runs one statement as the persona in a subtransaction that is always rolled back: 'yes' when it saw or
-- changed a row, 'no' when refused or it reached none, otherwise the error's SQLSTATE.
create function pg_temp.try(account text, statement text, counts boolean) returns text language plpgsql as $$
declare
  n bigint;
  result text;
begin
  begin
    perform tests.act_as(account);
    if counts then
      execute statement into n;
    else
      execute statement;
      get diagnostics n = row_count;
    end if;
    result := case when n > 0 then 'yes' else 'no' end;
    raise exception 'undo' using errcode = 'ZZ000';
  exception
    when sqlstate 'ZZ000' then null;
    when insufficient_privilege then result := 'no';
    when others then result := sqlstate;
  end;
  return result;
end
$$;

-- The labels on which the operation worked for the persona, in order; an error shows as label!SQLSTATE.
create function pg_temp.outcome(tab text, op text, account text) returns text language plpgsql as $$
#variable_conflict use_column
declare
  target record;
  result text;
  worked text[] := '{}';
begin
  for target in
    select r.label, case op
      when 'select' then format('select count(*) from public.%I where %s', tab, r.filter)
      when 'update' then format('update public.%I set %s where %s', tab, u.assignment, r.filter)
      when 'delete' then format('delete from public.%I where %s', tab, r.filter) end as statement
    from matrix_row r left join matrix_update u using (tab) where r.tab = outcome.tab and op = any (r.ops) and op <> 'insert'
    union all
    select i.label, i.statement from matrix_insert i where i.tab = outcome.tab and op = 'insert'
    order by 1
  loop
    result := pg_temp.try(account, target.statement, op = 'select');
    if result = 'yes' then
      worked := worked || target.label;
    elsif result <> 'no' then
      worked := worked || (target.label || '!' || result);
    end if;
  end loop;
  return array_to_string(worked, ' ');
end
$$;

-- The labels an operation has on a table, for '*'.
create function pg_temp.all_labels(tab text, op text) returns text language sql stable as $$
  select string_agg(label, ' ' order by label) from (
    select r.label from matrix_row r where r.tab = all_labels.tab and op = any (r.ops) and op <> 'insert'
    union all select i.label from matrix_insert i where i.tab = all_labels.tab and op = 'insert') x
$$;

-- ───────────── the matrix ─────────────
create temp table cell as
select e.tab, e.op, p.n, p.name as persona, p.account,
  (select string_agg(l, ' ' order by l) from unnest(string_to_array(
     case v.expected when '*' then pg_temp.all_labels(e.tab, e.op) else v.expected end, ' ')) l where l <> '') as expected
from matrix_expect e
cross join lateral (values (1, e.anon), (2, e.citizen), (3, e.official), (4, e.organizer), (5, e.team_member),
                           (6, e.unit_admin), (7, e.province_admin)) as v (n, expected)
join persona p on p.n = v.n;

select plan((select count(*)::int from cell) + 3);

select set_eq(
  $$ select c.relname::text from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f') $$,
  $$ select distinct tab from matrix_expect $$,
  'every table of the public schema has its row of expectations in the matrix, and every row a table');
select is_empty(
  $$ select c.relname from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and not c.relrowsecurity $$,
  'every table of the public schema has row-level security');
select is_empty(
  $$ select e.tab || ' ' || e.op from matrix_expect e where coalesce(pg_temp.all_labels(e.tab, e.op), '') = ''
     union all select tab || ' has 4 operations' from matrix_expect group by tab having count(*) <> 4 $$,
  'every operation of every table is tried on at least one row');

select is(coalesce(pg_temp.outcome(c.tab, c.op, c.account), ''), coalesce(c.expected, ''),
          format('%s: %s %s → %s', c.tab, c.persona, c.op, coalesce(nullif(c.expected, ''), 'refused')))
from cell c order by c.tab, c.op, c.n;

select tests.sign_out();
select diag(format('coverage: RLS matrix: %s tables × %s personas × 4 operations, %s/%s cells tested',
                   (select count(distinct tab) from matrix_expect), (select count(*) from persona),
                   (select count(*) from cell c where coalesce(pg_temp.all_labels(c.tab, c.op), '') <> ''),
                   (select count(*) from cell)));

select * from finish();
rollback;
