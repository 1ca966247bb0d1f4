-- Essays are graded by a person. An attempt submitted with an answered essay waits for grading
-- (quiz_attempt.grading_pending): its score is what was graded automatically, passed is unknown (null), the
-- learner sees that the essay awaits a grade and no points for it, and a required quiz waiting for grading
-- does not count as passed. Only the quiz's authors (the organizers of its unit, province admins) list the
-- essays to grade (public.quiz_essays_to_grade; others get no rows) and grade them
-- (public.grade_essay_answer; others: attempt_not_found), within 0 and the question's points, in hundredths,
-- once the attempt is submitted. Grading the last essay settles the attempt (score, passed) and may complete
-- the course; grading again changes the total. An essay left unanswered needs no grading.
begin;
create extension if not exists pgtap with schema extensions;
select plan(59);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql); admin_b is also made an
-- organizer of commune B: an author, but not of commune A's quizzes.
select tests.create_personas('citizen_a', 'villager_a', 'citizen_b', 'organizer_a', 'admin_a', 'admin_b', 'province_admin');
insert into public.person_role (person_id, role, unit_id) values (tests.id('admin_b'), 'organizer', tests.unit('22759'));

-- ───────────── the course and its required quiz ─────────────
-- A published course of commune A (required lessons bai-1 and bai-2) whose required quiz has a single
-- choice (2 points, a), then two essays (3 and 5 points): 10 points, passed at 5.
insert into public.course (slug, audience, level, status, published_version, published_at, title_vi, title_en, owner_unit_id) values
  ('ky-nang-so-co-ban', 'citizen', 'basic', 'published', 1, now(), 'Kỹ năng số cơ bản', 'Basic digital skills', tests.unit('22366'));
select tests.add_modules_and_lessons();
select tests.remember_course_ids();
create function pg_temp.done(persona text, lesson text) returns text language sql
  as $$ select format('insert into public.lesson_progress (lesson_id, course_id, event_id) values (%s, %s, %L)',
                      tests.lesson('ky-nang-so-co-ban', lesson), tests.course('ky-nang-so-co-ban'), md5(persona || ' ' || lesson)::uuid) $$;

insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng tự luận', tests.unit('22366'));
insert into public.question (bank_id) select id from public.question_bank cross join generate_series(1, 3);
insert into public.question_version (question_id, kind, prompt, content, key, points)
select q.id, x.kind, x.prompt, x.content::jsonb, x.key::jsonb, x.points
from (select id, row_number() over (order by id) as n from public.question) q
join (values
  (1, 'single', 'Mật khẩu nào an toàn nhất?', '{"options": [{"id": "a", "text": "Ngựa-Xanh-Mưa-42!"}, {"id": "b", "text": "123456"}]}',
   '{"correct": "a"}', 2),
  (2, 'essay', 'Kể hai cách bảo vệ tài khoản.', '{}', '{"graderInfo": "Mỗi cách đúng được 1,5 điểm."}', 3),
  (3, 'essay', 'Bạn sẽ làm gì khi nhận tin nhắn lạ xin mã OTP?', '{}', '{}', 5)
) as x (n, kind, prompt, content, key, points) on x.n = q.n;

insert into public.quiz (title, owner_unit_id, status, course_id, required, shuffle_questions, review_policy, time_limit_seconds) values
  ('essays', tests.unit('22366'), 'published', tests.course('ky-nang-so-co-ban'), true, false, 'after_submit', null),
  ('timed', tests.unit('22366'), 'published', null, false, false, 'after_submit', 60);
insert into public.quiz_question (quiz_id, position, question_id)
select z.id, q.n, q.id from public.quiz z cross join (select id, row_number() over (order by id) as n from public.question) q;

create temp table ids (name text primary key, id text);
grant select, insert on ids to anon, authenticated;
insert into ids select title, id::text from public.quiz;
create function pg_temp.quiz(name text) returns bigint language sql stable as $$ select id::bigint from ids where ids.name = $1 $$;
create function pg_temp.attempt(name text) returns uuid language sql stable as $$ select id::uuid from ids where ids.name = $1 $$;
create function pg_temp.start(name text, quiz text) returns void language sql
  as $$ insert into ids values (name, public.start_quiz_attempt(pg_temp.quiz(quiz))::text) on conflict do nothing $$;
create function pg_temp.grade(attempt text, number int, awarded numeric, comment text default null) returns text language sql
  as $$ select tests.error_of(format('select public.grade_essay_answer(%L, %s::smallint, %s, %L)',
                                     pg_temp.attempt(attempt), number, coalesce(awarded::text, 'null'), comment)) $$;
create function pg_temp.attempt_row(attempt text) returns table (score numeric, max_score numeric, passed boolean, grading_pending boolean)
  language sql stable
  as $$ select a.score, a.max_score, a.passed, a.grading_pending from public.quiz_attempt a where a.id = pg_temp.attempt(attempt) $$;

-- ───────────── an attempt with answered essays ─────────────
select tests.sign_in('citizen_a');
select lives_ok(pg_temp.done('citizen_a', 'bai-1'), 'a citizen does the first required lesson');
select lives_ok(pg_temp.done('citizen_a', 'bai-2'), 'and the second');
select pg_temp.start('a1', 'essays');
select is(public.save_quiz_answers(pg_temp.attempt('a1'), '{"2": {"text": "Bật xác thực hai lớp."}}'), 1, 'she saves an essay answer');

select tests.sign_in('organizer_a');
select is(pg_temp.grade('a1', 2, 1), 'P0001 attempt_in_progress', 'an essay of an attempt in progress cannot be graded');
select is_empty(format('select * from public.quiz_essays_to_grade(%s, true)', pg_temp.quiz('essays')),
  'nor is it listed for grading');

select tests.sign_in('citizen_a');
select results_eq($$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt('a1'), tests.as_shown(pg_temp.attempt('a1'),
                       '{"1": {"choice": "a"}, "2": {"text": "Bật xác thực hai lớp; không dùng lại mật khẩu."}, "3": {"text": "Không gửi, báo cho ngân hàng."}}')) $$,
  $$ values (2.00, 10.00, null::boolean) $$,
  'she submits with both essays answered: 2 points graded so far of 10, passed unknown');
select results_eq($$ select score, passed, grading_pending from public.quiz_attempt where id = pg_temp.attempt('a1') $$,
  $$ values (2.00, null::boolean, true) $$, 'her attempt waits for grading');
select results_eq($$ select number, score, awaiting_grade from public.quiz_attempt_questions(pg_temp.attempt('a1')) $$,
  $$ values (1::smallint, 2.00, false), (2::smallint, null::numeric, true), (3::smallint, null::numeric, true) $$,
  'she reads the points of the single choice, and that both essays await a grade, with no points');
select is_empty($$ select * from public.course_completion $$, 'her lessons are done, but the course is not complete');
select is(private.passed_quiz(tests.id('citizen_a'), pg_temp.quiz('essays')), false, 'a required quiz waiting for grading does not count as passed');

-- ───────────── who lists and grades essays ─────────────
create function pg_temp.lists(persona text, n int) returns text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return is((select count(*)::int from public.quiz_essays_to_grade(pg_temp.quiz('essays'))), n,
    persona || case when n > 0 then ' lists the essays to grade' else ' lists no essay' end);
end
$$;
select pg_temp.lists(persona, n) from (values
  ('citizen_a', 0), ('admin_a', 0),
  -- an organizer, but of commune B
  ('admin_b', 0),
  ('organizer_a', 2), ('province_admin', 2)
) as who (persona, n);
select tests.sign_in_anonymously();
select throws_ok(format('select * from public.quiz_essays_to_grade(%s)', pg_temp.quiz('essays')), '42501',
  'permission denied for function quiz_essays_to_grade', 'anonymous may not ask');
select throws_ok(format('select public.grade_essay_answer(%L, 2::smallint, 1)', pg_temp.attempt('a1')), '42501',
  'permission denied for function grade_essay_answer', 'nor grade');

select tests.sign_in('organizer_a');
select results_eq(format('select attempt_id, question_number, submitted_at, prompt, grader_info, answer, points, score, graded_at, comment
                          from public.quiz_essays_to_grade(%s)', pg_temp.quiz('essays')),
  $$ values (pg_temp.attempt('a1'), 2::smallint, now(), 'Kể hai cách bảo vệ tài khoản.', 'Mỗi cách đúng được 1,5 điểm.',
             'Bật xác thực hai lớp; không dùng lại mật khẩu.', 3.00, null::numeric, null::timestamptz, null::text),
            (pg_temp.attempt('a1'), 3::smallint, now(), 'Bạn sẽ làm gì khi nhận tin nhắn lạ xin mã OTP?', null,
             'Không gửi, báo cho ngân hàng.', 5.00, null, null, null) $$,
  'the organizer reads each essay: its prompt, the notes for the grader, the answer and its points, not who wrote it');

create function pg_temp.cannot_grade(persona text) returns text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return is(pg_temp.grade('a1', 2, 1), 'P0002 attempt_not_found', persona || ' cannot grade it: the attempt is not found');
end
$$;
select pg_temp.cannot_grade(persona) from unnest(array['citizen_a', 'admin_a', 'admin_b']) persona;
select tests.sign_in('organizer_a');
select is(pg_temp.grade('a1', 2, -1), '22023 essay_points_range', 'negative points are refused');
select is(pg_temp.grade('a1', 2, 3.01), '22023 essay_points_range', 'more than the question''s points are refused');
select is(pg_temp.grade('a1', 2, 1.255), '22023 essay_points_range', 'points in thousandths are refused');
select is(pg_temp.grade('a1', 2, null), '22023 essay_points_range', 'no points at all are refused');
select is(pg_temp.grade('a1', 1, 1), '22023 not_an_essay', 'a question that is not an essay cannot be graded by hand');
select is(pg_temp.grade('a1', 9, 1), '22023 not_an_essay', 'nor a number the attempt lacks');
select is(pg_temp.grade('a1', 2, 1, repeat('x', 2001)), '22023 essay_comment_too_long', 'a comment over 2000 characters is refused');
select tests.sign_out();
select is_empty(format('select * from public.attempt_question where attempt_id = %L and (graded_at is not null or score <> 0) and position > 1',
                       pg_temp.attempt('a1')),
  'the refused grades changed nothing');

-- ───────────── grading ─────────────
select tests.sign_in('organizer_a');
select is(pg_temp.grade('a1', 2, 3), 'no error', 'the organizer gives the first essay all its 3 points');
select results_eq($$ select * from pg_temp.attempt_row('a1') $$, $$ values (5.00, 10.00, null::boolean, true) $$,
  'the attempt now has 5 points, still waiting for the second essay');
select results_eq(format('select question_number from public.quiz_essays_to_grade(%s)', pg_temp.quiz('essays')),
  array[3::smallint], 'only the second essay is left to grade');
select results_eq(format('select question_number, score, graded_at from public.quiz_essays_to_grade(%s, true)', pg_temp.quiz('essays')),
  $$ values (3::smallint, null::numeric, null::timestamptz), (2::smallint, 3.00, now()) $$,
  'with the graded ones too, those waiting first');
select tests.sign_out();
select results_eq(format('select score, graded_by, graded_at from public.attempt_question where attempt_id = %L and position = 2', pg_temp.attempt('a1')),
  $$ values (3.00, tests.id('organizer_a'), now()) $$, 'the grade records who gave it, and when');
select is_empty($$ select * from public.course_completion $$, 'the course is still not complete');
select tests.sign_in('citizen_a');
select results_eq($$ select number, score, awaiting_grade from public.quiz_attempt_questions(pg_temp.attempt('a1')) $$,
  $$ values (1::smallint, 2.00, false), (2::smallint, 3.00, false), (3::smallint, null::numeric, true) $$,
  'she reads the points of the graded essay; the other still awaits its grade');

select tests.sign_in('province_admin');
select is(pg_temp.grade('a1', 3, 0.5, '  Cần thêm ví dụ.  '), 'no error', 'a province admin grades the last essay: 0.5 of 5, with a comment');
select results_eq($$ select * from pg_temp.attempt_row('a1') $$, $$ values (5.50, 10.00, true, false) $$,
  'grading the last essay settles the attempt: 5.5 of 10, passed');
select results_eq($$ select person_id, course_id, completed_at = now() from public.course_completion $$,
  $$ values (tests.id('citizen_a'), tests.course('ky-nang-so-co-ban'), true) $$,
  'the required quiz is now passed: with her lessons done, the course is complete');
select is_empty(format('select * from public.quiz_essays_to_grade(%s)', pg_temp.quiz('essays')), 'no essay is left to grade');
select tests.sign_in('citizen_a');
select results_eq($$ select number, score, awaiting_grade, grader_comment from public.quiz_attempt_questions(pg_temp.attempt('a1')) $$,
  $$ values (1::smallint, 2.00, false, null::text), (2::smallint, 3.00, false, null), (3::smallint, 0.50, false, 'Cần thêm ví dụ.') $$,
  'she reads every essay''s points, and the comment (trimmed)');
select is(private.passed_quiz(tests.id('citizen_a'), pg_temp.quiz('essays')), true, 'the quiz counts as passed');

-- Grading again corrects the total.
select tests.sign_in('organizer_a');
select is(pg_temp.grade('a1', 2, 1.5), 'no error', 'the organizer regrades the first essay: 1.5 instead of 3');
select results_eq($$ select * from pg_temp.attempt_row('a1') $$, $$ values (4.00, 10.00, false, false) $$,
  'the total follows (4 of 10), and the attempt no longer passes');
select is(pg_temp.grade('a1', 2, 3), 'no error', 'and back to 3');
select results_eq($$ select * from pg_temp.attempt_row('a1') $$, $$ values (5.50, 10.00, true, false) $$, 'passed again');
select is(pg_temp.grade('a1', 2, 0), 'no error', 'a grade of 0 is allowed');
select is(pg_temp.grade('a1', 2, 3.00), 'no error', 'so is all the points, written with two decimals');

-- ───────────── an essay left unanswered ─────────────
select tests.sign_in('villager_a');
select pg_temp.start('v1', 'essays');
select is(public.save_quiz_answers(pg_temp.attempt('v1'), '{"2": {"text": "Chưa nghĩ ra."}}'), 1, 'a villager saves an essay answer');
select is(public.save_quiz_answers(pg_temp.attempt('v1'), '{"2": null}'), 1, 'then clears it');
select results_eq($$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt('v1'), tests.as_shown(pg_temp.attempt('v1'),
                       '{"1": {"choice": "a"}}')) $$,
  $$ values (2.00, 10.00, false) $$, 'submitted with no essay answered, the attempt is settled at once: 2 of 10, not passed');
select results_eq($$ select grading_pending from public.quiz_attempt where id = pg_temp.attempt('v1') $$, array[false], 'nothing waits for grading');
select results_eq($$ select number, awaiting_grade from public.quiz_attempt_questions(pg_temp.attempt('v1')) $$,
  $$ values (1::smallint, false), (2::smallint, false), (3::smallint, false) $$, 'no essay awaits a grade');
select is((select score from public.quiz_attempt_questions(pg_temp.attempt('v1')) where number = 2), 0.00,
  'at review the unanswered essay shows 0 points, not a grade to come');
select tests.sign_in('organizer_a');
select is_empty(format('select * from public.quiz_essays_to_grade(%s, true) where attempt_id = %L', pg_temp.quiz('essays'), pg_temp.attempt('v1')),
  'and none is listed for grading');
select is(pg_temp.grade('v1', 2, 1), '22023 essay_not_answered', 'nor can an essay left unanswered be given points');

-- ───────────── an attempt whose time ran out ─────────────
select tests.sign_in('citizen_b');
select pg_temp.start('b1', 'timed');
select is(public.save_quiz_answers(pg_temp.attempt('b1'), '{"3": {"text": "Không gửi mã."}}'), 1, 'citizen B saves an essay answer in a timed quiz');
select tests.sign_out();
update public.quiz_attempt set started_at = now() - interval '5 minutes', deadline_at = now() - interval '4 minutes' where id = pg_temp.attempt('b1');
select tests.sign_in('citizen_b');
select results_eq($$ select number, awaiting_grade from public.quiz_attempt_questions(pg_temp.attempt('b1')) where number = 3 $$,
  $$ values (3::smallint, true) $$, 'when her time has run out, reading the attempt finishes it: the essay awaits a grade');
select results_eq($$ select score, passed, grading_pending from public.quiz_attempt where id = pg_temp.attempt('b1') $$,
  $$ values (0.00, null::boolean, true) $$, 'the attempt finished at its deadline waits for grading');

select * from finish();
rollback;
