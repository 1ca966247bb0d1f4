-- The questions of a contest round. A round is ranked once, at its close, so it cannot wait for a person to
-- grade an essay: a round cannot use a quiz with a fixed essay, nor can an essay be added to a round's quiz
-- (hint round_quiz_essay), and a round's pools never draw essays (public.quiz_question_count counts
-- without them). And since authors often put the right choice first, a round always shuffles choices, even
-- when its quiz says shuffle_options = false; other quizzes keep the author's order when they say so.
begin;
create extension if not exists pgtap with schema extensions;
select plan(16);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql): the organizer of A authors
-- the contest; the eight others take its rounds.
select tests.create_personas();
create temp table takers as
select unnest(array['citizen_a', 'villager_a', 'citizen_b', 'official', 'team_member_a', 'admin_a', 'admin_b', 'province_admin']) as persona;
grant select on takers to anon, authenticated;

-- ───────────── questions ─────────────
-- bank-a: "six", a single choice with six options, the right one first (A … F, ids a … f); "essay", an essay.
-- bank-pool: two true/false questions and two essays.
insert into public.question_bank (title, owner_unit_id) values ('bank-a', tests.unit('22366')), ('bank-pool', tests.unit('22366'));
create temp table ids (name text primary key, id bigint);
grant select, insert on ids to anon, authenticated;
create function pg_temp.id(name text) returns bigint language sql stable as $$ select id from ids where ids.name = $1 $$;
insert into ids select title, id from public.question_bank;
create function pg_temp.add_question(name text, bank text, kind text, content text, key text) returns void language plpgsql as $$
declare
  q bigint;
begin
  insert into public.question (bank_id) values (pg_temp.id(bank)) returning id into q;
  insert into ids values (name, q);
  insert into public.question_version (question_id, kind, prompt, content, key) values (q, kind, 'Câu ' || name, content::jsonb, key::jsonb);
end
$$;
select pg_temp.add_question('six', 'bank-a', 'single',
  (select jsonb_build_object('options', jsonb_agg(jsonb_build_object('id', lower(l), 'text', l) order by l))::text
   from unnest(array['A', 'B', 'C', 'D', 'E', 'F']) l),
  '{"correct": "a"}');
select pg_temp.add_question('essay', 'bank-a', 'essay', '{}', '{}');
select pg_temp.add_question(name, 'bank-pool', kind, '{}', key) from (values
  ('tf-1', 'true_false', '{"correct": true}'), ('tf-2', 'true_false', '{"correct": false}'),
  ('essay-1', 'essay', '{}'), ('essay-2', 'essay', '{"graderInfo": "Hai ý"}')
) as x (name, kind, key);

-- ───────────── quizzes, a contest and its rounds ─────────────
-- All of commune A, published, open since yesterday until tomorrow, options not shuffled.
insert into public.quiz (title, owner_unit_id, status, shuffle_questions, shuffle_options, max_attempts, opens_at, closes_at)
select title, tests.unit('22366'), 'published', false, false, 1, now() - interval '1 day', now() + interval '1 day'
from unnest(array['round-order', 'round-pool', 'round-spare', 'with-essay', 'plain-order', 'plain-pool']) title;
insert into ids select title, id from public.quiz;
insert into public.quiz_question (quiz_id, position, question_id)
select pg_temp.id(x.quiz), x.position, pg_temp.id(x.question) from (values
  ('round-order', 1, 'six'), ('round-spare', 1, 'six'), ('with-essay', 1, 'six'), ('with-essay', 2, 'essay'), ('plain-order', 1, 'six')
) as x (quiz, position, question);
insert into public.quiz_pool (quiz_id, bank_id, draw_count)
select pg_temp.id(quiz), pg_temp.id('bank-pool'), 4 from unnest(array['round-pool', 'plain-pool']) quiz;

insert into public.campaign (slug, title, owner_unit_id, status) values ('thang-chuyen-doi-so', 'Tháng chuyển đổi số', tests.unit('22366'), 'published');
insert into public.contest (campaign_id, slug, title, owner_unit_id, status)
select id, 'cuoc-thi-a', 'Cuộc thi tìm hiểu chuyển đổi số', tests.unit('22366'), 'published' from public.campaign;
insert into ids select slug, id from public.contest;
insert into public.contest_round (contest_id, number, quiz_id)
select pg_temp.id('cuoc-thi-a'), n, pg_temp.id(quiz) from unnest(array['round-order', 'round-pool', 'round-spare']) with ordinality x(quiz, n);
insert into ids select 'round ' || q.title, r.id from public.contest_round r join public.quiz q on q.id = r.quiz_id;

-- ───────────── no essay in a round ─────────────
select tests.sign_in('organizer_a');
select is(tests.error_of(format('insert into public.contest_round (contest_id, number, quiz_id) values (%s, 9, %s)',
                                pg_temp.id('cuoc-thi-a'), pg_temp.id('with-essay'))),
  '23514 round_quiz_essay', 'a round cannot use a quiz with a fixed essay');
select is(tests.error_of(format('update public.contest_round set quiz_id = %s where id = %s', pg_temp.id('with-essay'), pg_temp.id('round round-spare'))),
  '23514 round_quiz_essay', 'nor can a round be moved to such a quiz');
select is(tests.error_of(format('insert into public.quiz_question (quiz_id, position, question_id) values (%s, 2, %s)',
                                pg_temp.id('round-spare'), pg_temp.id('essay'))),
  '23514 round_quiz_essay', 'an essay cannot be added to a round''s quiz');
select is(tests.error_of(format('update public.quiz_question set question_id = %s where quiz_id = %s', pg_temp.id('essay'), pg_temp.id('round-spare'))),
  '23514 round_quiz_essay', 'nor put in place of one of its questions');
select lives_ok(format('insert into public.quiz_question (quiz_id, position, question_id) values (%s, 2, %s)', pg_temp.id('plain-order'), pg_temp.id('essay')),
  'a quiz that is no round takes an essay');
select lives_ok(format('delete from public.quiz_question where quiz_id = %s and position = 2', pg_temp.id('plain-order')), 'and lets it go again (the plain quiz keeps its one question)');

select tests.sign_in('citizen_a');
select is(public.quiz_question_count(pg_temp.id('round-pool')), 2, 'a round drawing four from a pool of two true/false questions and two essays counts two');
select is(public.quiz_question_count(pg_temp.id('plain-pool')), 4, 'the same pool in a quiz that is no round counts four');

-- Eight people take each round (and the plain quizzes); the service reads what they drew and were shown.
create function pg_temp.take(persona text) returns void language plpgsql as $$
begin
  perform tests.sign_in(persona);
  perform public.start_quiz_attempt(pg_temp.id(quiz)) from unnest(array['round-order', 'round-pool', 'plain-order', 'plain-pool']) quiz;
end
$$;
select pg_temp.take(persona) from takers;
select tests.sign_out();
create temp table shown as
select q.title as quiz, a.person_id, aq.position, v.kind, jsonb_path_query_array(aq.content, '$.options[*].text') as texts
from public.quiz_attempt a join public.quiz q on q.id = a.quiz_id
join public.attempt_question aq on aq.attempt_id = a.id join public.question_version v on v.id = aq.question_version_id;

select results_eq($$ select count(distinct person_id)::int, count(*)::int, count(*) filter (where kind = 'essay')::int from shown where quiz = 'round-pool' $$,
  $$ values (8, 16, 0) $$, 'eight attempts at the round drew two questions each, never an essay');
select results_eq($$ select count(*)::int, count(*) filter (where kind = 'essay')::int from shown where quiz = 'plain-pool' $$,
  $$ values (32, 16) $$, 'the same pool in a quiz that is no round draws its essays');

-- ───────────── choices always shuffled in a round ─────────────
-- The round's quiz says shuffle_options = false. Each attempt shows the six options in a random order: the
-- chance that one attempt shows them in the author's order is 1/720, that all eight do (1/720)^8 ≈ 10^-23,
-- and that all eight show the same order 720 · (1/720)^8 ≈ 10^-20: the two assertions below cannot fail by
-- chance in practice.
select is((select count(*)::int from shown where quiz = 'round-order'), 8, 'eight attempts at the round with six options');
select isnt((select count(*)::int from shown where quiz = 'round-order' and texts = '["A", "B", "C", "D", "E", "F"]'), 8,
  'not all of them show the options in the author''s order, though the quiz does not shuffle options');
select cmp_ok((select count(distinct texts)::int from shown where quiz = 'round-order'), '>', 1, 'they show them in different orders');
select is((select count(*)::int from shown where quiz = 'plain-order' and texts = '["A", "B", "C", "D", "E", "F"]'), 8,
  'a quiz that is no round and does not shuffle options shows them in the author''s order, every time');
select is((select count(*)::int from public.attempt_question aq join public.quiz_attempt a on a.id = aq.attempt_id
           where a.quiz_id = pg_temp.id('plain-order') and aq.content -> 'options' -> 0 ->> 'id' = 'a'), 0,
  'under fresh ids all the same');

-- A round's attempts are graded as usual, whatever order they show.
select tests.sign_in('citizen_a');
select results_eq($$ select score, max_score from public.submit_quiz_attempt(
                       (select id from public.quiz_attempt where quiz_id = pg_temp.id('round-order')),
                       tests.as_shown((select id from public.quiz_attempt where quiz_id = pg_temp.id('round-order')), '{"1": {"choice": "a"}}')) $$,
  $$ values (1.00, 1.00) $$, 'the right option, wherever it is shown, earns the point');

select * from finish();
rollback;
