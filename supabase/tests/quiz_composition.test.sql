-- What a quiz is made of: its fixed questions (quiz_question) and its random draws (quiz_pool). Authors
-- manage those of their own quizzes, from banks they may edit; nobody else reads them, since knowing which
-- questions a quiz uses would narrow the guessing. Learners reach questions only through their attempts.
begin;
create extension if not exists pgtap with schema extensions;
select plan(14);

select tests.create_personas('citizen_a', 'organizer_a', 'admin_a', 'admin_b', 'province_admin');
-- An organizer of commune B, for a bank and a quiz that are not organizer_a's.
insert into public.person_role (person_id, role, unit_id) values (tests.id('admin_b'), 'organizer', tests.unit('22759'));

insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng A', tests.unit('22366')), ('Ngân hàng B', tests.unit('22759'));
insert into public.question (bank_id) select id from public.question_bank;
insert into public.question_version (question_id, kind, prompt, content, key)
select q.id, 'true_false', 'Câu của ' || b.title, '{}', '{"correct": true}'
from public.question q join public.question_bank b on b.id = q.bank_id;
insert into public.quiz (title, owner_unit_id, status) values ('Bài A', tests.unit('22366'), 'published'), ('Bài B', tests.unit('22759'), 'published');
insert into public.quiz_pool (quiz_id, bank_id, draw_count)
select q.id, b.id, 1 from public.quiz q join public.question_bank b on right(b.title, 1) = right(q.title, 1);

create temp table ids as
select 'quiz ' || right(title, 1) as name, id from public.quiz
union all select 'bank ' || right(title, 1), id from public.question_bank
union all select 'question ' || right(b.title, 1), q.id from public.question q join public.question_bank b on b.id = q.bank_id;
grant select on ids to anon, authenticated;
create function pg_temp.id(name text) returns bigint language sql stable as $$ select id from ids where ids.name = $1 $$;

-- ───────────── the quiz's author ─────────────
select tests.sign_in('organizer_a');
select lives_ok(format('insert into public.quiz_question (quiz_id, position, question_id) values (%s, 1, %s)', pg_temp.id('quiz A'), pg_temp.id('question A')),
  'the organizer of A fixes a question of her bank in her quiz');
select results_eq('select count(*)::int from public.quiz_pool', array[1], 'she reads the draws of her quiz only');
select results_eq('select count(*)::int from public.quiz_question', array[1], 'and its fixed questions');
select throws_ok(format('insert into public.quiz_question (quiz_id, position, question_id) values (%s, 2, %s)', pg_temp.id('quiz A'), pg_temp.id('question B')),
  '42501', 'new row violates row-level security policy for table "quiz_question"', 'she cannot put a question of another unit''s bank in her quiz');
select throws_ok(format('insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (%s, %s, 3)', pg_temp.id('quiz A'), pg_temp.id('bank B')),
  '42501', 'new row violates row-level security policy for table "quiz_pool"', 'nor draw from it');
select throws_ok(format('insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (%s, %s, 3)', pg_temp.id('quiz B'), pg_temp.id('bank A')),
  '42501', 'new row violates row-level security policy for table "quiz_pool"', 'nor add a draw to another unit''s quiz');
select is_empty(format('delete from public.quiz_pool where quiz_id = %s returning 1', pg_temp.id('quiz B')), 'nor remove one of its draws');

-- ───────────── everyone else ─────────────
select tests.sign_in('citizen_a');
select is_empty('select * from public.quiz_pool', 'a citizen reads no draws, even of a published quiz');
select is_empty('select * from public.quiz_question', 'nor fixed questions');
select throws_ok(format('insert into public.quiz_pool (quiz_id, bank_id, draw_count) values (%s, %s, 1)', pg_temp.id('quiz A'), pg_temp.id('bank A')),
  '42501', 'new row violates row-level security policy for table "quiz_pool"', 'nor adds a draw');
select tests.sign_in('admin_a');
select is_empty('select * from public.quiz_pool', 'a unit admin reads no draws either');
select tests.sign_in_anonymously();
select throws_ok('select * from public.quiz_question', '42501', 'permission denied for table quiz_question', 'anonymous may not even ask');
select tests.sign_in('province_admin');
select results_eq('select count(*)::int from public.quiz_pool', array[2], 'the province admin reads every quiz''s draws');
select tests.sign_in('organizer_a');
select results_eq(format('delete from public.quiz_pool where quiz_id = %s returning quiz_id', pg_temp.id('quiz A')), array[pg_temp.id('quiz A')],
  'and the organizer of A removes her quiz''s draw');

select * from finish();
rollback;
