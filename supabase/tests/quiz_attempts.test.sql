-- Quiz attempts: the life of an attempt through public.start_quiz_attempt, save_quiz_answers,
-- submit_quiz_attempt and quiz_attempt_questions. A signed-in learner starts a published, open quiz (not a
-- draft, nor one of a draft course, nor outside its window, nor past max_attempts), gets the fixed and drawn
-- questions, and resumes the same attempt when starting again. Answers are checked against what the attempt
-- shows and graded as saved; saving is refused for positions the attempt lacks, choices it does not offer,
-- someone else's attempt, after the deadline and after submission. An attempt keeps the question versions it
-- drew. Keys, per-question points and explanations are shown only when the review policy allows; an attempt
-- left open past its deadline is finished at the deadline with what was saved. Attempts are written only by
-- those functions; learners read their own, unit admins those of people in their subtree, authors those at
-- their quizzes. A required quiz joins the course's completion rule, counted by the best or last attempt.
-- Every attempt shows its own choice ids (see quiz_integrity.test.sql): answers and keys are written here in
-- the bank's ids and translated with tests.as_shown and tests.in_bank_ids.
begin;
create extension if not exists pgtap with schema extensions;
select plan(129);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql).
select tests.create_personas('citizen_a', 'villager_a', 'citizen_b', 'organizer_a', 'admin_a', 'admin_b', 'province_admin');


-- ───────────── courses ─────────────
-- A published course of commune A (required lessons bai-1 and bai-2) and a draft one.
insert into public.course (slug, audience, level, status, published_version, published_at, title_vi, title_en, owner_unit_id) values
  ('ky-nang-so-co-ban', 'citizen', 'basic', 'published', 1, now(), 'Kỹ năng số cơ bản', 'Basic digital skills', tests.unit('22366')),
  ('an-toan-tren-mang', 'citizen', 'basic', 'draft', 0, null, 'An toàn trên mạng', 'Staying safe online', tests.unit('22366'));
select tests.add_modules_and_lessons();
select tests.remember_course_ids();
create function pg_temp.done(persona text, lesson text) returns text language sql
  as $$ select format('insert into public.lesson_progress (lesson_id, course_id, event_id) values (%s, %s, %L)',
                      tests.lesson('ky-nang-so-co-ban', lesson), tests.course('ky-nang-so-co-ban'), md5(persona || ' ' || lesson)::uuid) $$;

-- ───────────── questions ─────────────
-- Commune A's banks: bank-a for fixed questions, bank-pool for drawing (questions tagged 4.1, one untagged,
-- one archived). Names are kept in temp tables that everyone reads.
create temp table bank_ids (name text primary key, id bigint);
create temp table question_ids (name text primary key, id bigint);
create temp table quiz_ids (name text primary key, id bigint);
create temp table attempt_ids (name text primary key, id uuid);
grant select, insert on bank_ids, question_ids, quiz_ids, attempt_ids to anon, authenticated;
create function pg_temp.question(name text) returns bigint language sql stable as $$ select id from question_ids q where q.name = $1 $$;
create function pg_temp.quiz(name text) returns bigint language sql stable as $$ select id from quiz_ids q where q.name = $1 $$;
create function pg_temp.attempt(name text) returns uuid language sql stable as $$ select id from attempt_ids a where a.name = $1 $$;

insert into public.question_bank (title, owner_unit_id) values ('bank-a', tests.unit('22366')), ('bank-pool', tests.unit('22366'));
insert into bank_ids select title, id from public.question_bank;
create function pg_temp.add_question(name text, bank text, kind text, content text, key text, points numeric default 1,
                                     explanation text default null, tag boolean default false) returns void language plpgsql as $$
declare
  q bigint;
begin
  insert into public.question (bank_id) select id from bank_ids where bank_ids.name = bank returning id into q;
  insert into question_ids values (name, q);
  insert into public.question_version (question_id, kind, prompt, content, key, points, explanation)
  values (q, kind, 'Câu hỏi ' || name, content::jsonb, key::jsonb, points, explanation);
  if tag then
    insert into public.question_competence values (q, tests.competence('digcomp22', '4.1'));
  end if;
end
$$;
select pg_temp.add_question('single', 'bank-pool', 'single',
  '{"options": [{"id": "a", "text": "123456"}, {"id": "b", "text": "Ngựa-Xanh-Mưa-42!"}, {"id": "c", "text": "matkhau"}]}',
  '{"correct": "b"}', 2, 'Dài, nhiều loại ký tự, không đoán được.', true);
select pg_temp.add_question('multiple', 'bank-a', 'multiple',
  '{"options": [{"id": "a", "text": "VNeID"}, {"id": "b", "text": "Trò chơi"}, {"id": "c", "text": "Cổng DVC"}, {"id": "d", "text": "Tin đồn"}]}',
  '{"correct": ["a", "c"]}', 2, 'VNeID và Cổng dịch vụ công.');
select pg_temp.add_question('tf', 'bank-a', 'true_false', '{}', '{"correct": false}', 1, 'Không bao giờ chia sẻ mã OTP.');
select pg_temp.add_question(t, 'bank-pool', 'true_false', '{}', '{"correct": true}', 1, null, true) from unnest(array['t1', 't2', 't3']) t;
select pg_temp.add_question('untagged', 'bank-pool', 'true_false', '{}', '{"correct": true}');
select pg_temp.add_question('archived', 'bank-pool', 'true_false', '{}', '{"correct": true}', 1, null, true);
update public.question set archived = true where id = pg_temp.question('archived');
select pg_temp.add_question('easy', 'bank-a', 'single',
  '{"options": [{"id": "a", "text": "Đúng"}, {"id": "b", "text": "Sai"}]}', '{"correct": "a"}', 1, 'Giải thích câu dễ.');
select pg_temp.add_question('versioned', 'bank-a', 'single',
  '{"options": [{"id": "a", "text": "Một"}, {"id": "b", "text": "Hai"}]}', '{"correct": "a"}');
select pg_temp.add_question('ordering', 'bank-a', 'ordering',
  '{"items": [{"id": "a", "text": "Đăng nhập"}, {"id": "b", "text": "Mở ứng dụng"}, {"id": "c", "text": "Nộp hồ sơ"}]}',
  '{"order": ["b", "a", "c"]}', 3);
select pg_temp.add_question('matching', 'bank-a', 'matching',
  '{"left": [{"id": "1", "text": "VNeID"}, {"id": "2", "text": "Cổng DVC"}],
    "right": [{"id": "x", "text": "Định danh"}, {"id": "y", "text": "Thủ tục"}, {"id": "z", "text": "Mạng xã hội"}]}',
  '{"pairs": {"1": "x", "2": "y"}}', 2);
select pg_temp.add_question('short', 'bank-a', 'short_text', '{}', '{"answers": ["Hà Nội"], "accentInsensitive": true}');
select pg_temp.add_question('number', 'bank-a', 'numeric', '{}', '{"value": 1022, "tolerance": 0}');

-- ───────────── quizzes ─────────────
-- All of commune A, published and answering in order unless said otherwise.
insert into public.quiz (title, owner_unit_id, status, course_id, required, shuffle_questions, max_attempts, counting,
                         review_policy, time_limit_seconds, opens_at, closes_at) values
  -- three fixed questions and three drawn from the pool; two attempts
  ('main', tests.unit('22366'), 'published', null, false, false, 2, 'best', 'after_submit', null, null, null),
  ('never', tests.unit('22366'), 'published', null, false, false, null, 'best', 'never', null, null, null),
  ('after-close', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_close', null, null, now() + interval '1 day'),
  ('timed', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', 60, null, null),
  ('not-open', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null, now() + interval '1 day', null),
  ('closed', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null,
   now() - interval '2 days', now() - interval '1 day'),
  ('draft', tests.unit('22366'), 'draft', null, false, false, null, 'best', 'after_submit', null, null, null),
  ('draft-course', tests.unit('22366'), 'published', tests.course('an-toan-tren-mang'), false, false, null, 'best', 'after_submit', null, null, null),
  ('empty', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null, null, null),
  ('versioned', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null, null, null),
  ('kinds', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null, null, null),
  ('course-quiz', tests.unit('22366'), 'published', tests.course('ky-nang-so-co-ban'), true, false, null, 'best', 'after_submit', null, null, null),
  ('last', tests.unit('22366'), 'published', null, false, false, null, 'last', 'after_submit', null, null, null),
  ('best', tests.unit('22366'), 'published', null, false, false, null, 'best', 'after_submit', null, null, null);
insert into quiz_ids select title, id from public.quiz;
insert into public.quiz_question (quiz_id, position, question_id)
select pg_temp.quiz(x.quiz), x.position, pg_temp.question(x.question) from (values
  ('main', 1, 'single'), ('main', 2, 'multiple'), ('main', 3, 'tf'),
  ('never', 1, 'easy'), ('after-close', 1, 'easy'), ('timed', 1, 'easy'), ('timed', 2, 'tf'),
  ('not-open', 1, 'easy'), ('closed', 1, 'easy'), ('draft', 1, 'easy'), ('draft-course', 1, 'easy'),
  ('versioned', 1, 'versioned'),
  ('kinds', 1, 'ordering'), ('kinds', 2, 'matching'), ('kinds', 3, 'short'), ('kinds', 4, 'number'),
  ('course-quiz', 1, 'easy'), ('last', 1, 'easy'), ('best', 1, 'easy')
) as x (quiz, position, question);
insert into public.quiz_pool (quiz_id, bank_id, competence_id, draw_count)
select pg_temp.quiz('main'), id, tests.competence('digcomp22', '4.1'), 3 from bank_ids where name = 'bank-pool';

-- Starts (or resumes) the quiz as the current user and notes the attempt under a name.
create function pg_temp.start(name text, quiz text) returns uuid language plpgsql as $$
declare
  attempt uuid := public.start_quiz_attempt(pg_temp.quiz(quiz));
begin
  insert into attempt_ids values (name, attempt) on conflict do nothing;
  return attempt;
end
$$;
create function pg_temp.take(name text, quiz text) returns void language sql as $$ select null::void from pg_temp.start(name, quiz) $$;
-- Answers written in the bank's ids, in the ids the attempt shows; and back, what the attempt returns.
create function pg_temp.answers(attempt text, answers text) returns jsonb language sql
  as $$ select tests.as_shown(pg_temp.attempt(attempt), answers::jsonb) $$;
create function pg_temp.in_bank_ids(attempt text, number smallint, value jsonb) returns jsonb language sql
  as $$ select tests.in_bank_ids(pg_temp.attempt(attempt), number, value) $$;
-- Moves an attempt into the past as if its time limit ran out four minutes ago (as the service), then
-- acts as the persona again.
create function pg_temp.expire(attempt text, persona text) returns void language plpgsql as $$
begin
  perform tests.sign_out();
  update public.quiz_attempt set started_at = now() - interval '5 minutes', deadline_at = now() - interval '4 minutes'
  where id = pg_temp.attempt(attempt);
  perform tests.sign_in(persona);
end
$$;

-- ───────────── starting ─────────────
select tests.sign_in_anonymously();
select throws_ok(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('main')),
  '42501', 'permission denied for function start_quiz_attempt', 'anonymous cannot start a quiz');

select tests.sign_in('citizen_a');
select isnt(pg_temp.start('a-main-1', 'main'), null, 'a citizen starts a published quiz');
select is((select count(*)::int from public.quiz_attempt_questions(pg_temp.attempt('a-main-1'))), 6,
  'she gets six questions: three fixed and the three the pool draws');
select results_eq($$ select number, kind, points from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number <= 3 $$,
  $$ values (1::smallint, 'single', 2.00), (2::smallint, 'multiple', 2.00), (3::smallint, 'true_false', 1.00) $$,
  'the fixed questions come first, in their order');
select results_eq($$ select number, started_at, deadline_at, submitted_at, score, max_score, pass_percent, passed
                     from public.quiz_attempt where id = pg_temp.attempt('a-main-1') $$,
  $$ values (1::smallint, now(), null::timestamptz, null::timestamptz, null::numeric, 8.00, 50.00, null::boolean) $$,
  'her attempt is number 1, started now, with no deadline (no limit, no close) and 8 points to earn');
select is(public.start_quiz_attempt(pg_temp.quiz('main')), pg_temp.attempt('a-main-1'), 'starting again resumes the same attempt');
select is((select count(*)::int from public.quiz_attempt), 1, 'and creates no other');

select tests.sign_out();
select set_eq($$ select x.name from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
                 join question_ids x on x.id = v.question_id where aq.attempt_id = pg_temp.attempt('a-main-1') and aq.position > 3 $$,
  array['t1', 't2', 't3'],
  'the pool drew the tagged, unarchived questions, not the fixed one again, the untagged nor the archived one');

-- What the learner is shown before submitting: no key, no points earned, no explanation.
select tests.sign_in('citizen_a');
select is_empty($$ select * from public.quiz_attempt_questions(pg_temp.attempt('a-main-1'))
                   where key is not null or score is not null or explanation is not null $$,
  'before submitting, no question shows its key, its points earned or its explanation');
select results_eq($$ select content - 'options', (select array_agg(o ->> 'id' order by o ->> 'id')
                                                   from jsonb_array_elements(pg_temp.in_bank_ids('a-main-1', number, content) -> 'options') o)
                     from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number = 1 $$,
  $$ values ('{}'::jsonb, array['a', 'b', 'c']) $$, 'a single-choice question shows its options and nothing else');
select is((select content from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number = 3), '{}'::jsonb,
  'a true/false question shows no content');

-- ───────────── saving ─────────────
select is(public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"1": {"choice": "b"}, "2": {"choices": ["a", "d"]}}')), 2,
  'she saves two answers');
select results_eq($$ select number, pg_temp.in_bank_ids('a-main-1', number, response), score
                     from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where response is not null $$,
  $$ values (1::smallint, '{"choice": "b"}'::jsonb, null::numeric), (2::smallint, '{"choices": ["a", "d"]}', null) $$,
  'she reads them back, still without their points');
select is(public.save_quiz_answers(pg_temp.attempt('a-main-1'), '{"2": null}'), 1, 'a null answer clears a saved one');
select is((select response from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number = 2), null,
  'the answer is cleared');
select is(public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"2": {"choices": ["a"]}}')), 1, 'she changes her mind and saves it again');

select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), '{"7": {"value": true}}') $$),
  '22023 question_not_in_attempt', 'an answer to a position the attempt lacks is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"first": {"choice": "b"}}')) $$),
  '22023 question_not_in_attempt', 'so is an answer keyed by something else than a position');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"1": {"choice": "z"}}')) $$),
  '22023 invalid_response', 'a choice the question does not offer is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"2": {"choices": ["a", "z"]}}')) $$),
  '22023 invalid_response', 'so is a list of choices with one the question does not offer');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), '{"3": {"value": "false"}}') $$),
  '22023 invalid_response', 'and a true/false answer that is not a boolean');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '[{"choice": "b"}]')) $$),
  '22023 invalid_response', 'answers must be an object keyed by position');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), '{"3": {"value": true}, "9": {"value": true}}') $$),
  '22023 question_not_in_attempt', 'a batch with one bad answer is refused');
select is((select response from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number = 3), null,
  'as a whole: its good answer is not saved either');

-- Someone else's attempt does not exist for her.
select tests.sign_in('citizen_b');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), pg_temp.answers('a-main-1', '{"1": {"choice": "a"}}')) $$),
  'P0002 attempt_not_found', 'another citizen cannot answer her attempt');
select is(tests.error_of($$ select * from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) $$),
  'P0002 attempt_not_found', 'nor read its questions');
select is(tests.error_of($$ select * from public.submit_quiz_attempt(pg_temp.attempt('a-main-1')) $$),
  'P0002 attempt_not_found', 'nor submit it');
select is_empty($$ select * from public.quiz_attempt $$, 'nor read it in the table');

-- Attempts are written only through the functions; their questions are read only through them.
select tests.sign_in('citizen_a');
select throws_ok(format($q$ insert into public.quiz_attempt (quiz_id, person_id, number, max_score, pass_percent, submitted_at, score, passed)
                           values (%s, %L, 9, 1, 0, now(), 1, true) $q$, pg_temp.quiz('main'), tests.id('citizen_a')),
  '42501', 'permission denied for table quiz_attempt', 'a learner cannot write herself a passed attempt');
select throws_ok($$ update public.quiz_attempt set deadline_at = now() + interval '1 day' $$,
  '42501', 'permission denied for table quiz_attempt', 'nor extend her deadline');
select throws_ok($$ delete from public.quiz_attempt $$,
  '42501', 'permission denied for table quiz_attempt', 'nor remove an attempt to get another try');
select throws_ok(format($q$ insert into public.attempt_question (attempt_id, position, question_version_id, points)
                           select %L, 7, current_version_id, 100 from public.question limit 1 $q$, pg_temp.attempt('a-main-1')),
  '42501', 'permission denied for table attempt_question', 'nor add a question to her attempt');
select throws_ok($$ update public.attempt_question set score = points $$,
  '42501', 'permission denied for table attempt_question', 'nor give herself the points of a question');
select throws_ok($$ delete from public.attempt_question $$,
  '42501', 'permission denied for table attempt_question', 'nor remove a question from her attempt');
select is_empty($$ select * from public.attempt_question $$, 'nor read her attempt''s questions (graded scores) in the table');

-- ───────────── submitting ─────────────
-- Single right (2), multiple a of a, c (1 of 2), true/false wrong (0), the three drawn ones right (3): 6 of 8.
select results_eq($$ select * from public.submit_quiz_attempt(pg_temp.attempt('a-main-1'),
                       '{"3": {"value": true}, "4": {"value": true}, "5": {"value": true}, "6": {"value": true}}') $$,
  $$ values (6.00, 8.00, true, now()) $$, 'she submits with her last answers: 6 of 8 points, passed');
select results_eq($$ select * from public.submit_quiz_attempt(pg_temp.attempt('a-main-1'), '{"3": {"value": false}}') $$,
  $$ values (6.00, 8.00, true, now()) $$, 'submitting again returns the same result and changes nothing');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-main-1'), '{"3": {"value": false}}') $$),
  'P0001 attempt_submitted', 'saving after submitting is refused');
select results_eq($$ select number, score, pg_temp.in_bank_ids('a-main-1', number, key)
                     from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number <= 3 $$,
  $$ values (1::smallint, 2.00, '{"correct": "b"}'::jsonb), (2::smallint, 1.00, '{"correct": ["a", "c"]}'), (3::smallint, 0.00, '{"correct": false}') $$,
  'after submitting (review after submit) she reads each question''s points and key');
select is((select explanation from public.quiz_attempt_questions(pg_temp.attempt('a-main-1')) where number = 1),
  'Dài, nhiều loại ký tự, không đoán được.', 'and its explanation');
select results_eq($$ select score, passed, duration_ms from public.quiz_attempt where id = pg_temp.attempt('a-main-1') $$,
  $$ values (6.00, true, 0) $$, 'her attempt is recorded with its score and the time taken');

-- Attempts left: the quiz allows two.
select isnt(pg_temp.start('a-main-2', 'main'), pg_temp.attempt('a-main-1'), 'starting again after submitting starts a new attempt');
select is((select number from public.quiz_attempt where id = pg_temp.attempt('a-main-2')), 2::smallint, 'her second one');
select results_eq($$ select * from public.submit_quiz_attempt(pg_temp.attempt('a-main-2')) $$,
  $$ values (0.00, 8.00, false, now()) $$, 'she submits it without answering: nothing earned, not passed');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('main'))),
  'P0001 quiz_no_attempts_left', 'a third attempt is refused');

-- ───────────── quizzes one cannot take ─────────────
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('not-open'))),
  'P0001 quiz_not_open', 'a quiz that opens tomorrow cannot be started yet');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('closed'))),
  'P0001 quiz_closed', 'a quiz that closed yesterday cannot be started');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('draft'))),
  'P0002 quiz_not_found', 'a draft quiz is not found');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('draft-course'))),
  'P0002 quiz_not_found', 'a published quiz of a draft course is not found');
select is(tests.error_of('select public.start_quiz_attempt(-1)'), 'P0002 quiz_not_found', 'a quiz that does not exist is not found');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('empty'))),
  'P0001 quiz_empty', 'a quiz with no question cannot be started');
select is_empty(format('select * from public.quiz_attempt where quiz_id in (%s, %s, %s, %s, %s)', pg_temp.quiz('not-open'),
                       pg_temp.quiz('closed'), pg_temp.quiz('draft'), pg_temp.quiz('draft-course'), pg_temp.quiz('empty')),
  'no refused start left an attempt behind');
select set_eq($$ select q.name from public.quiz join quiz_ids q using (id) where q.name in ('main', 'draft', 'draft-course') $$,
  array['main'], 'a learner reads published quizzes, not the draft nor the quiz of a draft course');

-- ───────────── review policies ─────────────
-- never: the learner never reads keys, points per question or explanations.
select pg_temp.take('a-never', 'never');
select results_eq($$ select * from public.submit_quiz_attempt(pg_temp.attempt('a-never'), pg_temp.answers('a-never', '{"1": {"choice": "a"}}')) $$,
  $$ values (1.00, 1.00, true, now()) $$, 'she submits a quiz that is never reviewed and learns her total');
select results_eq($$ select pg_temp.in_bank_ids('a-never', number, response), score, key, explanation
                     from public.quiz_attempt_questions(pg_temp.attempt('a-never')) $$,
  $$ values ('{"choice": "a"}'::jsonb, null::numeric, null::jsonb, null::text) $$,
  'but reads only her answer: no points per question, key or explanation');

-- after_close: nothing before the quiz closes, everything after.
select pg_temp.take('a-after-close', 'after-close');
select is((select deadline_at from public.quiz_attempt where id = pg_temp.attempt('a-after-close')), now() + interval '1 day',
  'a quiz with a close and no time limit ends its attempts at the close');
select results_eq($$ select score, passed from public.submit_quiz_attempt(pg_temp.attempt('a-after-close'), pg_temp.answers('a-after-close', '{"1": {"choice": "b"}}')) $$,
  $$ values (0.00, false) $$, 'she submits a quiz reviewed after its close');
select results_eq($$ select pg_temp.in_bank_ids('a-after-close', number, response), score, key, explanation
                     from public.quiz_attempt_questions(pg_temp.attempt('a-after-close')) $$,
  $$ values ('{"choice": "b"}'::jsonb, null::numeric, null::jsonb, null::text) $$,
  'before the close she reads no points, key or explanation');
select tests.sign_in('villager_a');
select pg_temp.take('v-after-close', 'after-close');
select tests.sign_in('organizer_a');
select results_eq(format('update public.quiz set closes_at = now() - interval ''1 minute'' where id = %s returning id', pg_temp.quiz('after-close')),
  array[pg_temp.quiz('after-close')], 'the organizer of A closes the quiz');
select tests.sign_in('villager_a');
-- Closing early moves the deadline of the attempts in progress to the new close.
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('v-after-close'), pg_temp.answers('v-after-close', '{"1": {"choice": "a"}}')) $$),
  'P0001 attempt_time_up', 'an attempt in progress when the quiz closes can no longer be answered');
select tests.sign_in('citizen_a');
select results_eq($$ select score, pg_temp.in_bank_ids('a-after-close', number, key), explanation
                     from public.quiz_attempt_questions(pg_temp.attempt('a-after-close')) $$,
  $$ values (0.00, '{"correct": "a"}'::jsonb, 'Giải thích câu dễ.') $$, 'once it has closed she reads them');
select tests.sign_in('citizen_b');
select is(tests.error_of(format('select public.start_quiz_attempt(%s)', pg_temp.quiz('after-close'))),
  'P0001 quiz_closed', 'and nobody starts it any more');

-- ───────────── deadlines ─────────────
-- The timed quiz: easy (1 point), then true/false (1 point, false), 60 seconds.
select tests.sign_in('citizen_a');
select pg_temp.take('a-timed', 'timed');
select results_eq($$ select deadline_at - started_at from public.quiz_attempt where id = pg_temp.attempt('a-timed') $$,
  array[interval '60 seconds'], 'a timed attempt ends 60 seconds after it started');
select is(public.save_quiz_answers(pg_temp.attempt('a-timed'), pg_temp.answers('a-timed', '{"1": {"choice": "a"}}')), 1, 'she saves an answer in time');
select pg_temp.expire('a-timed', 'citizen_a');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('a-timed'), '{"2": {"value": false}}') $$),
  'P0001 attempt_time_up', 'an answer after the deadline is refused');
select isnt(pg_temp.start('a-timed-2', 'timed'), pg_temp.attempt('a-timed'), 'starting again after the deadline starts a new attempt');
select results_eq($$ select submitted_at = deadline_at, score, passed, duration_ms from public.quiz_attempt where id = pg_temp.attempt('a-timed') $$,
  $$ values (true, 1.00, true, 60000) $$,
  'the expired one was finished at its deadline with what was saved, taking the whole 60 seconds');

select tests.sign_in('villager_a');
select pg_temp.take('v-timed', 'timed');
select is(public.save_quiz_answers(pg_temp.attempt('v-timed'), pg_temp.answers('v-timed', '{"1": {"choice": "b"}, "2": {"value": false}}')), 2,
  'a villager saves two answers in time');
select pg_temp.expire('v-timed', 'villager_a');
select results_eq($$ select number, score, key is not null from public.quiz_attempt_questions(pg_temp.attempt('v-timed')) $$,
  $$ values (1::smallint, 0.00, true), (2::smallint, 1.00, true) $$,
  'reading his expired attempt finishes it, so its review opens');
select results_eq($$ select submitted_at = deadline_at, score, passed from public.quiz_attempt where id = pg_temp.attempt('v-timed') $$,
  $$ values (true, 1.00, true) $$, 'finished at the deadline with what he saved');

select tests.sign_in('citizen_b');
select pg_temp.take('b-timed', 'timed');
select is(public.save_quiz_answers(pg_temp.attempt('b-timed'), pg_temp.answers('b-timed', '{"1": {"choice": "a"}}')), 1, 'citizen B saves one answer in time');
select pg_temp.expire('b-timed', 'citizen_b');
select results_eq($$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt('b-timed'), '{"2": {"value": false}}') $$,
  $$ values (1.00, 2.00, true) $$, 'submitting after the deadline keeps what was saved, not the late answer');
select results_eq($$ select submitted_at = deadline_at, duration_ms from public.quiz_attempt where id = pg_temp.attempt('b-timed') $$,
  $$ values (true, 60000) $$, 'and stamps the submission at the deadline');
select is((select response from public.quiz_attempt_questions(pg_temp.attempt('b-timed')) where number = 2), null,
  'the late answer was not saved');

-- ───────────── a new version mid-attempt ─────────────
select tests.sign_in('citizen_a');
select pg_temp.take('a-versioned', 'versioned');
select is((select prompt from public.quiz_attempt_questions(pg_temp.attempt('a-versioned'))), 'Câu hỏi versioned',
  'a citizen starts a quiz and reads the question''s first version');
select tests.sign_in('organizer_a');
select lives_ok(format($q$ insert into public.question_version (question_id, kind, prompt, content, key)
                          values (%s, 'single', 'Phiên bản 2', '{"options": [{"id": "a", "text": "Một"}, {"id": "b", "text": "Hai"}]}',
                                  '{"correct": "b"}') $q$, pg_temp.question('versioned')),
  'the organizer of A rewrites the question, now answered b');
select tests.sign_in('citizen_a');
select is((select prompt from public.quiz_attempt_questions(pg_temp.attempt('a-versioned'))), 'Câu hỏi versioned',
  'the attempt in progress keeps the version it drew');
select results_eq($$ select score from public.submit_quiz_attempt(pg_temp.attempt('a-versioned'), pg_temp.answers('a-versioned', '{"1": {"choice": "a"}}')) $$,
  array[1.00], 'and is graded by its key: a is still right');
select is((select pg_temp.in_bank_ids('a-versioned', number, key) from public.quiz_attempt_questions(pg_temp.attempt('a-versioned'))),
  '{"correct": "a"}'::jsonb,
  'the review shows the key she was graded by');
select tests.sign_in('citizen_b');
select pg_temp.take('b-versioned', 'versioned');
select results_eq($$ select prompt from public.quiz_attempt_questions(pg_temp.attempt('b-versioned')) $$,
  array['Phiên bản 2'], 'a new attempt draws the new version');
select results_eq($$ select score from public.submit_quiz_attempt(pg_temp.attempt('b-versioned'), pg_temp.answers('b-versioned', '{"1": {"choice": "a"}}')) $$,
  array[0.00], 'for which a is wrong');
select tests.sign_in('organizer_a');
select throws_ok(format('delete from public.question where id = %s', pg_temp.question('versioned')), '23503', null,
  'a question attempts used cannot be removed (it is archived instead)');

-- ───────────── other kinds ─────────────
-- ordering b, a, c (3 points); matching 1→x, 2→y (2 points); short text "Hà Nội" without accents; 1022 exactly.
select tests.sign_in('citizen_b');
select pg_temp.take('b-kinds', 'kinds');
select results_eq($$ select number, content - 'items' - 'left' - 'right',
                            (select array_agg(o ->> 'id' order by o ->> 'id')
                             from jsonb_array_elements(coalesce(pg_temp.in_bank_ids('b-kinds', number, content) -> 'items',
                                                                pg_temp.in_bank_ids('b-kinds', number, content) -> 'right')) o)
                     from public.quiz_attempt_questions(pg_temp.attempt('b-kinds')) where number <= 2 $$,
  $$ values (1::smallint, '{}'::jsonb, array['a', 'b', 'c']), (2::smallint, '{}', array['x', 'y', 'z']) $$,
  'ordering and matching questions show their items and both columns, not the answer');
select is((select pg_temp.in_bank_ids('b-kinds', number, content) -> 'left' from public.quiz_attempt_questions(pg_temp.attempt('b-kinds')) where number = 2),
  '[{"id": "1", "text": "VNeID"}, {"id": "2", "text": "Cổng DVC"}]'::jsonb, 'the left column keeps its order');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds', '{"1": {"order": ["a", "b"]}}')) $$),
  '22023 invalid_response', 'an order missing an item is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds', '{"1": {"order": ["a", "b", "d"]}}')) $$),
  '22023 invalid_response', 'an order with an item the question lacks is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds', '{"1": {"order": ["a", "a", "b"]}}')) $$),
  '22023 invalid_response', 'an order naming an item twice (and leaving one out) is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds', '{"2": {"pairs": {"1": "w"}}}')) $$),
  '22023 invalid_response', 'a match to a right item the question lacks is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds', '{"2": {"pairs": {"3": "x"}}}')) $$),
  '22023 invalid_response', 'a match from a left item the question lacks is refused');
select is(tests.error_of(format('select public.save_quiz_answers(pg_temp.attempt(%L), %L)', 'b-kinds',
                                  jsonb_build_object('3', jsonb_build_object('text', repeat('a', 501))))),
  '22023 invalid_response', 'a short answer over 500 characters is refused');
select is(tests.error_of($$ select public.save_quiz_answers(pg_temp.attempt('b-kinds'), '{"4": {"value": "1022"}}') $$),
  '22023 invalid_response', 'a number written as a string is refused');
select results_eq($$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt('b-kinds'), pg_temp.answers('b-kinds',
                       '{"1": {"order": ["b", "c", "a"]}, "2": {"pairs": {"1": "x", "2": "z"}}, "3": {"text": " HA NOI "}, "4": {"value": 1022}}')) $$,
  $$ values (4.00, 7.00, true) $$, 'partly right answers earn 1 of 3, 1 of 2, 1 and 1: 4 of 7 points');

-- ───────────── a required quiz completes the course ─────────────
select tests.sign_in('citizen_a');
select lives_ok(pg_temp.done('citizen_a', 'bai-1'), 'a citizen does the first required lesson');
select lives_ok(pg_temp.done('citizen_a', 'bai-2'), 'and the second');
select is_empty($$ select * from public.course_completion $$, 'the course is not complete: its required quiz is not passed');
select pg_temp.take('a-course-1', 'course-quiz');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('a-course-1'), pg_temp.answers('a-course-1', '{"1": {"choice": "b"}}')) $$,
  array[false], 'she fails the required quiz');
select is_empty($$ select * from public.course_completion $$, 'the course is still not complete');
select pg_temp.take('a-course-2', 'course-quiz');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('a-course-2'), pg_temp.answers('a-course-2', '{"1": {"choice": "a"}}')) $$,
  array[true], 'she passes it at her second attempt');
select results_eq($$ select person_id, course_id, completed_at = now() from public.course_completion $$,
  $$ values (tests.id('citizen_a'), tests.course('ky-nang-so-co-ban'), true) $$, 'which completes the course');

select tests.sign_in('villager_a');
select pg_temp.take('v-course', 'course-quiz');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('v-course'), pg_temp.answers('v-course', '{"1": {"choice": "a"}}')) $$,
  array[true], 'a villager passes the required quiz first');
select is_empty($$ select * from public.course_completion $$, 'which alone does not complete the course');
select lives_ok(pg_temp.done('villager_a', 'bai-1'), 'he does the first required lesson');
select is_empty($$ select * from public.course_completion $$, 'still not complete');
select lives_ok(pg_temp.done('villager_a', 'bai-2'), 'and the second');
select results_eq($$ select person_id from public.course_completion $$, array[tests.id('villager_a')], 'which completes it');

-- ───────────── counting: best or last ─────────────
-- Submissions in one transaction share a time: the earlier attempt is moved an hour back, as the service.
select tests.sign_in('citizen_b');
select pg_temp.take('b-last-1', 'last');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('b-last-1'), pg_temp.answers('b-last-1', '{"1": {"choice": "a"}}')) $$,
  array[true], 'citizen B passes a quiz that counts the last attempt');
select pg_temp.take('b-last-2', 'last');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('b-last-2'), pg_temp.answers('b-last-2', '{"1": {"choice": "b"}}')) $$,
  array[false], 'then fails it');
select pg_temp.take('b-best-1', 'best');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('b-best-1'), pg_temp.answers('b-best-1', '{"1": {"choice": "a"}}')) $$,
  array[true], 'she passes a quiz that counts the best attempt');
select pg_temp.take('b-best-2', 'best');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('b-best-2'), pg_temp.answers('b-best-2', '{"1": {"choice": "b"}}')) $$,
  array[false], 'then fails it');
select tests.sign_in('villager_a');
select pg_temp.take('v-last-1', 'last');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('v-last-1'), pg_temp.answers('v-last-1', '{"1": {"choice": "b"}}')) $$,
  array[false], 'a villager fails the quiz that counts the last attempt');
select pg_temp.take('v-last-2', 'last');
select results_eq($$ select passed from public.submit_quiz_attempt(pg_temp.attempt('v-last-2'), pg_temp.answers('v-last-2', '{"1": {"choice": "a"}}')) $$,
  array[true], 'then passes it');

select tests.sign_out();
update public.quiz_attempt set submitted_at = now() - interval '1 hour'
where id in (pg_temp.attempt('b-last-1'), pg_temp.attempt('v-last-1'), pg_temp.attempt('b-best-1'));
select is(private.passed_quiz(tests.id('citizen_b'), pg_temp.quiz('last')), false,
  'counting the last attempt, passing then failing is not passing');
select is(private.passed_quiz(tests.id('villager_a'), pg_temp.quiz('last')), true,
  'counting the last attempt, failing then passing is passing');
select is(private.passed_quiz(tests.id('citizen_b'), pg_temp.quiz('best')), true,
  'counting the best attempt, passing then failing is passing');
select is(private.passed_quiz(tests.id('citizen_a'), pg_temp.quiz('course-quiz')), true,
  'counting the best attempt, failing then passing is passing');
select is(private.passed_quiz(tests.id('citizen_a'), pg_temp.quiz('last')), false, 'a quiz never taken is not passed');

-- ───────────── who reads whose attempts ─────────────
create function pg_temp.reads_attempts(persona text, people text[], questions_of text[]) returns setof text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return next set_eq('select person_id from public.quiz_attempt', array(select tests.id(p) from unnest(people) p),
    persona || ' reads the attempts of ' || coalesce(nullif(array_to_string(people, ', '), ''), 'nobody'));
  return next set_eq('select a.person_id from public.attempt_question q join public.quiz_attempt a on a.id = q.attempt_id',
    array(select tests.id(p) from unnest(questions_of) p),
    persona || ' reads the attempt questions of ' || coalesce(nullif(array_to_string(questions_of, ', '), ''), 'nobody'));
end
$$;
select pg_temp.reads_attempts(persona, people, questions_of) from (values
  ('citizen_a', array['citizen_a'], '{}'::text[]),
  ('villager_a', array['villager_a'], '{}'),
  -- unit admins read the attempts of the people of their subtree (the village included), not their answers
  ('admin_a', array['citizen_a', 'villager_a'], '{}'),
  ('admin_b', array['citizen_b'], '{}'),
  -- the quizzes are commune A's: its organizer reads every attempt at them, answers included
  ('organizer_a', array['citizen_a', 'villager_a', 'citizen_b'], array['citizen_a', 'villager_a', 'citizen_b']),
  ('province_admin', array['citizen_a', 'villager_a', 'citizen_b'], array['citizen_a', 'villager_a', 'citizen_b'])
) as who_reads (persona, people, questions_of);
select tests.sign_in_anonymously();
select throws_ok($$ select * from public.quiz_attempt $$, '42501', 'permission denied for table quiz_attempt',
  'anonymous reads no attempt');

select * from finish();
rollback;
