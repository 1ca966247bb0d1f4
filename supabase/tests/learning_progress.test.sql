-- Learning: a learner enrols in published courses, records the lessons they do (once per lesson, however
-- often the "done" event is delivered) and completes a course when every required lesson is done, which
-- the database records once. Learners read and write only their own records; unit admins read those of
-- the people living in their subtree, province admins everyone's; anonymous reads nothing.
begin;
create extension if not exists pgtap with schema extensions;
select plan(72);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql); the organizer of A
-- lives in A.
select tests.create_personas('citizen_a', 'villager_a', 'citizen_b', 'organizer_a', 'admin_a', 'admin_b', 'province_admin');
-- A "done" event's id, as the client generates it: one per delivery attempt the persona makes.
create function pg_temp.event(persona text, lesson text, attempt int default 1) returns uuid language sql immutable
  as $$ select md5(persona || ' ' || lesson || ' ' || attempt)::uuid $$;

-- ───────────── courses ─────────────
-- Published by commune A: bai-1 and bai-2 required, doc-them optional. A draft of A. Published by B.
insert into public.course (slug, audience, level, status, published_version, published_at, title_vi, title_en, owner_unit_id) values
  ('ky-nang-so-co-ban', 'citizen', 'basic', 'published', 1, now(), 'Kỹ năng số cơ bản', 'Basic digital skills', tests.unit('22366')),
  ('an-toan-tren-mang', 'citizen', 'basic', 'draft', 0, null, 'An toàn trên mạng', 'Staying safe online', tests.unit('22366')),
  ('dich-vu-cong-truc-tuyen', 'everyone', 'basic', 'published', 1, now(), 'Dịch vụ công trực tuyến', 'Online public services', tests.unit('22759'));
select tests.add_modules_and_lessons();

-- The fixture's ids, readable whoever is signed in (the tables themselves hide drafts).
select tests.remember_course_ids();
-- Records a lesson as done, as the app does: the lesson, its course and a fresh event id.
create function pg_temp.done(persona text, course text, lesson text, attempt int default 1) returns text language sql
  as $$ select format('insert into public.lesson_progress (lesson_id, course_id, event_id) values (%s, %s, %L)',
                      tests.lesson(course, lesson), tests.course(course), pg_temp.event(persona, lesson, attempt)) $$;

-- ───────────── enrolling ─────────────
select tests.sign_in_anonymously();
select throws_ok(format('insert into public.enrolment (course_id) values (%s)', tests.course('ky-nang-so-co-ban')),
  '42501', 'permission denied for table enrolment', 'anonymous cannot enrol');

select tests.sign_in('citizen_b');
select lives_ok(format('insert into public.enrolment (course_id) values (%s)', tests.course('dich-vu-cong-truc-tuyen')),
  'a citizen of commune B enrols in B''s course');

select tests.sign_in('citizen_a');
select results_eq(format('insert into public.enrolment (course_id) values (%s) returning person_id, last_lesson_id',
                         tests.course('ky-nang-so-co-ban')),
  $$ values (tests.id('citizen_a'), null::bigint) $$,
  'a citizen enrols in a published course (as herself, by default)');
select throws_ok(format('insert into public.enrolment (course_id) values (%s)', tests.course('an-toan-tren-mang')),
  '42501', 'new row violates row-level security policy for table "enrolment"', 'a citizen cannot enrol in a draft');
select throws_ok(format('insert into public.enrolment (person_id, course_id) values (%L, %s)',
                        tests.id('citizen_b'), tests.course('ky-nang-so-co-ban')),
  '42501', 'new row violates row-level security policy for table "enrolment"', 'a citizen cannot enrol someone else');
select results_eq($$ select person_id, course_id from public.enrolment $$,
  $$ values (tests.id('citizen_a'), tests.course('ky-nang-so-co-ban')) $$,
  'a citizen reads her own enrolments only');
select results_eq(format('update public.enrolment set last_lesson_id = %s where course_id = %s returning last_lesson_id',
                         tests.lesson('ky-nang-so-co-ban', 'bai-2'), tests.course('ky-nang-so-co-ban')),
  array[tests.lesson('ky-nang-so-co-ban', 'bai-2')], 'a citizen moves on to another lesson of her course');
select throws_ok(format('update public.enrolment set last_lesson_id = %s where course_id = %s',
                        tests.lesson('dich-vu-cong-truc-tuyen', 'bai-1'), tests.course('ky-nang-so-co-ban')),
  '23514', 'last lesson belongs to another course', 'a citizen''s last lesson is one of the enrolled course');
select throws_ok(format('update public.enrolment set course_id = %s', tests.course('dich-vu-cong-truc-tuyen')),
  '42501', 'permission denied for table enrolment', 'an enrolment cannot be moved to another course');
select throws_ok(format('insert into public.enrolment (course_id, enrolled_at) values (%s, %L)', tests.course('dich-vu-cong-truc-tuyen'), '2025-01-01'),
  '42501', 'permission denied for table enrolment', 'a citizen cannot back-date an enrolment');
select is_empty($$ update public.enrolment set last_activity_at = now() where person_id = tests.id('citizen_b') returning course_id $$,
  'a citizen''s edit of someone else''s enrolment changes no row');
select is_empty($$ delete from public.enrolment where person_id = tests.id('citizen_b') returning course_id $$,
  'a citizen''s removal of someone else''s enrolment removes no row');
select lives_ok(format('insert into public.enrolment (course_id) values (%s)', tests.course('dich-vu-cong-truc-tuyen')),
  'a citizen enrols in another commune''s course');
select results_eq(format('delete from public.enrolment where course_id = %s returning person_id', tests.course('dich-vu-cong-truc-tuyen')),
  array[tests.id('citizen_a')], 'and leaves it: only her own enrolment goes');

-- ───────────── recording lessons ─────────────
select tests.sign_in_anonymously();
select throws_ok(pg_temp.done('anonymous', 'ky-nang-so-co-ban', 'bai-1'),
  '42501', 'permission denied for table lesson_progress', 'anonymous cannot record a lesson');

select tests.sign_in('citizen_a');
select results_eq(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'doc-them') || ' returning person_id, completed_at = now()',
  $$ values (tests.id('citizen_a'), true) $$, 'a citizen records the optional lesson (as herself, now)');
select is_empty($$ select * from public.course_completion $$, 'the optional lesson does not complete the course');
select results_eq(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'bai-1') || ' returning lesson_id',
  array[tests.lesson('ky-nang-so-co-ban', 'bai-1')], 'a citizen records the first required lesson');
select is_empty($$ select * from public.course_completion $$, 'one required lesson of two does not complete the course');

-- The same delivery again (double click, retry, offline sync), and a second "done" for the same lesson.
select is_empty(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'bai-1') || ' on conflict do nothing returning lesson_id',
  'the same event delivered again records nothing');
select throws_ok(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'bai-1'),
  '23505', null, 'the same event delivered again without on conflict is refused as a duplicate');
select is_empty(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'bai-1', 2) || ' on conflict do nothing returning lesson_id',
  'a second event for a lesson already done records nothing');
select is((select count(*)::int from public.lesson_progress where lesson_id = tests.lesson('ky-nang-so-co-ban', 'bai-1')), 1,
  'the lesson is recorded once');

-- What a learner cannot record.
select throws_ok(format('insert into public.lesson_progress (lesson_id, course_id, event_id) values (%s, %s, %L)',
                        tests.lesson('ky-nang-so-co-ban', 'bai-2'), tests.course('dich-vu-cong-truc-tuyen'), pg_temp.event('citizen_a', 'forged')),
  '23514', 'lesson belongs to another course', 'a lesson cannot be recorded under another course');
select throws_ok(pg_temp.done('citizen_a', 'an-toan-tren-mang', 'bai-1'),
  '42501', null, 'a lesson of a draft cannot be recorded');
select throws_ok(format('insert into public.lesson_progress (person_id, lesson_id, course_id, event_id) values (%L, %s, %s, %L)',
                        tests.id('citizen_b'), tests.lesson('ky-nang-so-co-ban', 'bai-2'), tests.course('ky-nang-so-co-ban'),
                        pg_temp.event('citizen_a', 'for citizen_b')),
  '42501', 'new row violates row-level security policy for table "lesson_progress"', 'a citizen cannot record a lesson for someone else');
select throws_ok(format('insert into public.lesson_progress (lesson_id, course_id, event_id, completed_at) values (%s, %s, %L, %L)',
                        tests.lesson('ky-nang-so-co-ban', 'bai-2'), tests.course('ky-nang-so-co-ban'),
                        pg_temp.event('citizen_a', 'back-dated'), '2025-01-01'),
  '42501', 'permission denied for table lesson_progress', 'a citizen cannot back-date a lesson');
select throws_ok($$ update public.lesson_progress set completed_at = now() - interval '1 day' $$,
  '42501', 'permission denied for table lesson_progress', 'a citizen cannot edit her progress');
select throws_ok($$ delete from public.lesson_progress $$,
  '42501', 'permission denied for table lesson_progress', 'a citizen cannot remove her progress');

-- ───────────── completing ─────────────
select lives_ok(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'bai-2'), 'a citizen records the second required lesson');
select results_eq($$ select person_id, course_id, completed_at = now() from public.course_completion $$,
  $$ values (tests.id('citizen_a'), tests.course('ky-nang-so-co-ban'), true) $$,
  'which completes the course, recorded with the time the rule was met');

-- A lesson added after completion, done too: the completion stays the one.
select tests.sign_out();
insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, required, body)
select course_id, module_id, 2, 'on-tap', 'Ôn tập', 'Review', 5, false, body from public.lesson where id = tests.lesson('ky-nang-so-co-ban', 'doc-them');
insert into lesson_ids select 'ky-nang-so-co-ban', 'on-tap', id from public.lesson where slug = 'on-tap';
select tests.sign_in('citizen_a');
select lives_ok(pg_temp.done('citizen_a', 'ky-nang-so-co-ban', 'on-tap'), 'a citizen records a lesson added after she completed the course');
select is((select count(*)::int from public.course_completion), 1, 'the course is still completed once');

select throws_ok(format('insert into public.course_completion (person_id, course_id) values (%L, %s)',
                        tests.id('citizen_a'), tests.course('dich-vu-cong-truc-tuyen')),
  '42501', 'permission denied for table course_completion', 'a citizen cannot record a completion herself');
select throws_ok($$ update public.course_completion set completed_at = now() - interval '1 year' $$,
  '42501', 'permission denied for table course_completion', 'a citizen cannot back-date her completion');
select throws_ok($$ delete from public.course_completion $$,
  '42501', 'permission denied for table course_completion', 'a citizen cannot remove her completion');

-- ───────────── doing a lesson enrols ─────────────
select tests.sign_in('villager_a');
select lives_ok(pg_temp.done('villager_a', 'ky-nang-so-co-ban', 'bai-1'), 'a villager who never enrolled records a lesson');
select results_eq($$ select course_id, last_lesson_id from public.enrolment $$,
  $$ values (tests.course('ky-nang-so-co-ban'), tests.lesson('ky-nang-so-co-ban', 'bai-1')) $$,
  'which enrols him, on that lesson');
select is_empty($$ select * from public.course_completion $$, 'and completes nothing');

select tests.sign_in('citizen_b');
select lives_ok(pg_temp.done('citizen_b', 'dich-vu-cong-truc-tuyen', 'bai-1'), 'a citizen of commune B records the one lesson of her course, completing it');

-- An author reads the draft's lesson, so the course check lets it through and the trigger enrols her;
-- the policy then refuses the progress, and the enrolment goes with it.
select tests.sign_in('organizer_a');
select throws_ok(pg_temp.done('organizer_a', 'an-toan-tren-mang', 'bai-1'),
  '42501', 'new row violates row-level security policy for table "lesson_progress"', 'an author cannot record a lesson of her draft');
select is_empty($$ select * from public.enrolment $$, 'nor is she enrolled in it');

-- ───────────── who reads whose learning ─────────────
create function pg_temp.reads_learning_of(persona text, enrolled text[], progressed text[], completed text[]) returns setof text
language plpgsql as $$
declare
  who text := persona || ' reads the %s of ';
begin
  perform tests.act_as(persona);
  return next set_eq('select person_id from public.enrolment', array(select tests.id(p) from unnest(enrolled) p),
    format(who, 'enrolments') || coalesce(nullif(array_to_string(enrolled, ', '), ''), 'nobody'));
  return next set_eq('select person_id from public.lesson_progress', array(select tests.id(p) from unnest(progressed) p),
    format(who, 'progress') || coalesce(nullif(array_to_string(progressed, ', '), ''), 'nobody'));
  return next set_eq('select person_id from public.course_completion', array(select tests.id(p) from unnest(completed) p),
    format(who, 'completions') || coalesce(nullif(array_to_string(completed, ', '), ''), 'nobody'));
end
$$;
select pg_temp.reads_learning_of(persona, enrolled, progressed, completed) from (values
  ('anonymous', '{}'::text[], '{}'::text[], '{}'::text[]),
  ('citizen_a', array['citizen_a'], array['citizen_a'], array['citizen_a']),
  ('villager_a', array['villager_a'], array['villager_a'], '{}'),
  ('citizen_b', array['citizen_b'], array['citizen_b'], array['citizen_b']),
  -- an organizer authors courses but does not read who learns them
  ('organizer_a', '{}', '{}', '{}'),
  -- unit admins read the people whose home unit is in their subtree, the village included
  ('admin_a', array['citizen_a', 'villager_a'], array['citizen_a', 'villager_a'], array['citizen_a']),
  ('admin_b', array['citizen_b'], array['citizen_b'], array['citizen_b']),
  ('province_admin', array['citizen_a', 'villager_a', 'citizen_b'], array['citizen_a', 'villager_a', 'citizen_b'], array['citizen_a', 'citizen_b'])
) as who_reads_whose (persona, enrolled, progressed, completed);

-- A person who moves is read by the admin of the commune she moved to, and no longer by the other.
select tests.sign_in('citizen_a');
select lives_ok($$ update public.profile set home_unit_id = tests.unit('22759') where id = auth.uid() $$,
  'a citizen of commune A moves to commune B');
select tests.sign_in('admin_a');
select is_empty($$ select * from public.course_completion where person_id = tests.id('citizen_a') $$,
  'the unit admin of commune A no longer reads her completion');
select tests.sign_in('admin_b');
select set_eq($$ select person_id from public.course_completion $$, array[tests.id('citizen_a'), tests.id('citizen_b')],
  'the unit admin of commune B now reads it');

-- ───────────── afterwards, as the service ─────────────
select tests.sign_out();
select set_eq($$ select p.person_id, l.course, l.lesson from public.lesson_progress p join lesson_ids l on l.id = p.lesson_id $$,
  $$ values (tests.id('citizen_a'), 'ky-nang-so-co-ban', 'doc-them'), (tests.id('citizen_a'), 'ky-nang-so-co-ban', 'bai-1'),
            (tests.id('citizen_a'), 'ky-nang-so-co-ban', 'bai-2'), (tests.id('citizen_a'), 'ky-nang-so-co-ban', 'on-tap'),
            (tests.id('villager_a'), 'ky-nang-so-co-ban', 'bai-1'), (tests.id('citizen_b'), 'dich-vu-cong-truc-tuyen', 'bai-1') $$,
  'exactly the lessons done are recorded: no refused attempt left a row');
select set_eq($$ select e.person_id, c.slug from public.enrolment e join course_ids c on c.id = e.course_id $$,
  $$ values (tests.id('citizen_a'), 'ky-nang-so-co-ban'), (tests.id('villager_a'), 'ky-nang-so-co-ban'),
            (tests.id('citizen_b'), 'dich-vu-cong-truc-tuyen') $$,
  'and exactly those enrolments: none in the draft, none for someone else');

-- ───────────── a draft's lesson, again ─────────────
-- The course check sees every lesson, so a draft's lesson is refused by the policy (42501).
select tests.sign_in('citizen_a');
select throws_ok(pg_temp.done('citizen_a', 'an-toan-tren-mang', 'bai-1', 2),
  '42501', null, 'recording a draft''s lesson is refused by the policy');

select * from finish();
rollback;
