-- Courses and their content (modules, lessons, competence tags): a published course is read by everyone,
-- signed in or not; a draft only by those who may author it, the organizers of the unit that owns it (or
-- of a unit above) and province admins. Only they add, edit and remove a course and its content; an
-- organizer cannot hand a course to a unit outside their scope, and a lesson sits in a module of its own
-- course.
begin;
create extension if not exists pgtap with schema extensions;
select plan(185);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql), and an organizer of
-- commune B.
select tests.create_personas('citizen_a', 'organizer_a', 'admin_a', 'province_admin');
select tests.sign_up('organizer_b', 'Trương Văn Phúc', tests.unit('22759'));
insert into public.person_role (person_id, role, unit_id) values (tests.id('organizer_b'), 'organizer', tests.unit('22759'));

-- ───────────── courses ─────────────
-- Published by commune A: two required lessons and an optional one. Drafts: one by A's village (which
-- A's organizer authors, the village being in A's subtree), one by commune B, one by the province.
insert into public.course (slug, audience, level, status, published_version, published_at, title_vi, title_en, owner_unit_id) values
  ('ky-nang-so-co-ban', 'citizen', 'basic', 'published', 1, now(), 'Kỹ năng số cơ bản', 'Basic digital skills', tests.unit('22366')),
  ('an-toan-tren-mang', 'citizen', 'basic', 'draft', 0, null, 'An toàn trên mạng', 'Staying safe online', tests.unit('22366-TDP01')),
  ('dich-vu-cong-truc-tuyen', 'everyone', 'basic', 'draft', 0, null, 'Dịch vụ công trực tuyến', 'Online public services', tests.unit('22759')),
  ('tri-tue-nhan-tao', 'everyone', 'intermediate', 'draft', 0, null, 'Trí tuệ nhân tạo cho mọi người', 'AI for everyone', null);
select tests.add_modules_and_lessons();
insert into public.course_competence (course_id, competence_id, level)
select id, tests.competence('digcomp22', '4.2'), 2 from public.course;
insert into public.lesson_competence (lesson_id, competence_id, level)
select id, tests.competence('digcomp22', '1.1'), 1 from public.lesson where slug = 'bai-1';

-- The fixture's ids, readable whoever is signed in (the tables themselves hide drafts).
select tests.remember_course_ids();
create temp table course_before as table public.course;
create temp table course_module_before as table public.course_module;
create temp table lesson_before as table public.lesson;
create temp table course_competence_before as table public.course_competence;
create temp table lesson_competence_before as table public.lesson_competence;

-- ───────────── who reads which courses ─────────────
-- A course's modules, lessons and tags are read by whoever reads the course.
create function pg_temp.reads_courses(persona text, slugs text[]) returns setof text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return next set_eq($q$ select slug from public.course $q$, slugs,
    persona || ' reads the courses ' || array_to_string(slugs, ', '));
  return next set_eq($q$ select c.slug from public.course_module m join course_ids c on c.id = m.course_id $q$, slugs,
    persona || ' reads the modules of those courses only');
  return next set_eq($q$ select c.slug from public.lesson l join course_ids c on c.id = l.course_id $q$, slugs,
    persona || ' reads the lessons of those courses only');
  return next set_eq($q$ select c.slug from public.course_competence t join course_ids c on c.id = t.course_id $q$, slugs,
    persona || ' reads the competence tags of those courses only');
  return next set_eq($q$ select l.course from public.lesson_competence t join lesson_ids l on l.id = t.lesson_id $q$, slugs,
    persona || ' reads the competence tags of those courses'' lessons only');
end
$$;
select pg_temp.reads_courses(persona, slugs) from (values
  ('anonymous', array['ky-nang-so-co-ban']),
  ('citizen_a', array['ky-nang-so-co-ban']),
  -- a unit admin administers people, not courses
  ('admin_a', array['ky-nang-so-co-ban']),
  -- the draft of A's village is in A's subtree
  ('organizer_a', array['ky-nang-so-co-ban', 'an-toan-tren-mang']),
  ('organizer_b', array['ky-nang-so-co-ban', 'dich-vu-cong-truc-tuyen']),
  ('province_admin', array['ky-nang-so-co-ban', 'an-toan-tren-mang', 'dich-vu-cong-truc-tuyen', 'tri-tue-nhan-tao'])
) as who_reads_which (persona, slugs);

-- ───────────── who may not author a course writes nothing of it ─────────────
-- Anonymous lacks the privilege; a signed-in person is refused by the policies: an insert raises, an
-- update or delete changes no row. Tried on the course's own unit, so only the author's scope decides.
create function pg_temp.cannot_add(persona text, statement text, tbl text, description text) returns text language plpgsql as $$
begin
  return throws_ok(statement, '42501',
    case when persona = 'anonymous' then 'permission denied for table ' || tbl
         else format('new row violates row-level security policy for table "%s"', tbl) end,
    description);
end
$$;
create function pg_temp.changes_nothing(persona text, statement text, tbl text, description text) returns text language plpgsql as $$
begin
  if persona = 'anonymous' then
    return throws_ok(statement, '42501', 'permission denied for table ' || tbl, description);
  end if;
  return is_empty(statement || ' returning 1', description);
end
$$;
create function pg_temp.cannot_author(persona text, slug text) returns setof text language plpgsql as $$
declare
  course bigint := tests.course(slug);
  module bigint := tests.module(slug, 1);
  lesson bigint := tests.lesson(slug, 'bai-1');
  owner bigint := (select c.owner_unit_id from course_ids c where c.slug = $2);
  draft boolean := (select c.status = 'draft' from course_ids c where c.slug = $2);
  who text := persona || ' on ' || slug || ': ';
  lesson_insert text := format($q$ insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, body)
                                  values (%s, %s, 9, 'bai-chen', 'Bài chen', 'Slipped in', 5, '{"type":"doc","content":[]}') $q$, course, module);
begin
  perform tests.act_as(persona);
  return next pg_temp.cannot_add(persona,
    format($q$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
              values ('khoa-hoc-la', 'citizen', 'basic', 'Khóa học lạ', 'Stray course', %L) $q$, owner),
    'course', who || 'cannot add a course for the same unit');
  return next pg_temp.changes_nothing(persona, format('update public.course set title_vi = %L where id = %s', 'Bị sửa', course),
    'course', who || 'cannot edit the course');
  return next pg_temp.changes_nothing(persona, format('delete from public.course where id = %s', course),
    'course', who || 'cannot remove the course');
  return next pg_temp.cannot_add(persona,
    format($q$ insert into public.course_module (course_id, position, title_vi, title_en) values (%s, 9, 'Chen', 'Slipped in') $q$, course),
    'course_module', who || 'cannot add a module');
  return next pg_temp.changes_nothing(persona, format('update public.course_module set title_vi = %L where id = %s', 'Bị sửa', module),
    'course_module', who || 'cannot edit a module');
  return next pg_temp.changes_nothing(persona, format('delete from public.course_module where id = %s', module),
    'course_module', who || 'cannot remove a module');
  return next pg_temp.cannot_add(persona, lesson_insert, 'lesson', who || 'cannot add a lesson');
  return next pg_temp.changes_nothing(persona, format('update public.lesson set minutes = 1 where id = %s', lesson),
    'lesson', who || 'cannot edit a lesson');
  return next pg_temp.changes_nothing(persona, format('delete from public.lesson where id = %s', lesson),
    'lesson', who || 'cannot remove a lesson');
  return next pg_temp.cannot_add(persona,
    format('insert into public.course_competence values (%s, %s, 1)', course, tests.competence('digcomp22', '5.1')),
    'course_competence', who || 'cannot tag the course');
  return next pg_temp.changes_nothing(persona, format('update public.course_competence set level = 8 where course_id = %s', course),
    'course_competence', who || 'cannot change the course''s tags');
  return next pg_temp.changes_nothing(persona, format('delete from public.course_competence where course_id = %s', course),
    'course_competence', who || 'cannot remove the course''s tags');
  return next pg_temp.cannot_add(persona,
    format('insert into public.lesson_competence values (%s, %s, 1)', lesson, tests.competence('digcomp22', '5.1')),
    'lesson_competence', who || 'cannot tag a lesson');
  return next pg_temp.changes_nothing(persona, format('update public.lesson_competence set level = 8 where lesson_id = %s', lesson),
    'lesson_competence', who || 'cannot change a lesson''s tags');
  return next pg_temp.changes_nothing(persona, format('delete from public.lesson_competence where lesson_id = %s', lesson),
    'lesson_competence', who || 'cannot remove a lesson''s tags');
end
$$;
select pg_temp.cannot_author(persona, slug) from (values
  ('anonymous', 'ky-nang-so-co-ban'),
  ('citizen_a', 'ky-nang-so-co-ban'),
  ('admin_a', 'an-toan-tren-mang'),
  ('organizer_b', 'ky-nang-so-co-ban'),
  ('organizer_b', 'an-toan-tren-mang'),
  ('organizer_a', 'dich-vu-cong-truc-tuyen'),
  -- a course no unit owns is the province's: organizers cannot author it
  ('organizer_a', 'tri-tue-nhan-tao')
) as attempts (persona, slug);

select tests.sign_out();
select results_eq($$ table public.course order by id $$, $$ table course_before order by id $$,
  'courses are as they were: refused writes changed nothing');
select results_eq($$ table public.course_module order by id $$, $$ table course_module_before order by id $$,
  'modules are as they were');
select results_eq($$ table public.lesson order by id $$, $$ table lesson_before order by id $$,
  'lessons are as they were');
select results_eq($$ table public.course_competence order by 1, 2 $$, $$ table course_competence_before order by 1, 2 $$,
  'course tags are as they were');
select results_eq($$ table public.lesson_competence order by 1, 2 $$, $$ table lesson_competence_before order by 1, 2 $$,
  'lesson tags are as they were');

-- ───────────── an organizer authors the courses of their subtree ─────────────
select tests.sign_in('organizer_a');

select lives_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                   values ('chuyen-doi-so-phuong', 'citizen', 'basic', 'Chuyển đổi số ở phường', 'Going digital in the ward', tests.unit('22366')) $$,
  'an organizer adds a draft course for their commune');
select results_eq($$ select status, owner_unit_id, created_by from public.course where slug = 'chuyen-doi-so-phuong' $$,
  $$ values ('draft', tests.unit('22366'), tests.id('organizer_a')) $$,
  'and reads it back: a draft of their commune, created by them');
select lives_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                   values ('zalo-cho-to-dan-pho', 'citizen', 'basic', 'Zalo cho tổ dân phố', 'Zalo for the neighbourhood', tests.unit('22366-TDP01')) $$,
  'an organizer adds a course for a village of their commune');
select throws_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                    values ('khoa-hoc-phan-rang', 'citizen', 'basic', 'Phan Rang', 'Phan Rang', tests.unit('22759')) $$,
  '42501', 'new row violates row-level security policy for table "course"', 'an organizer cannot add a course for another commune');
select throws_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                    values ('khoa-hoc-tinh', 'citizen', 'basic', 'Của tỉnh', 'The province''s', null) $$,
  '42501', 'new row violates row-level security policy for table "course"', 'an organizer cannot add a course no unit owns');
select throws_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                    values ('khoa-hoc-ca-tinh', 'citizen', 'basic', 'Cả tỉnh', 'Whole province', tests.unit('56')) $$,
  '42501', 'new row violates row-level security policy for table "course"', 'an organizer cannot add a course for the province above them');

select results_eq(
  $$ insert into public.course_module (course_id, position, title_vi, title_en)
     select id, 1, 'Bắt đầu', 'Getting started' from public.course where slug = 'chuyen-doi-so-phuong' returning position::int $$,
  array[1], 'an organizer adds a module to their course');
select results_eq(
  $$ insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, body)
     select m.course_id, m.id, 1, 'vneid', 'VNeID', 'VNeID', 15, '{"type":"doc","content":[]}'
     from public.course_module m join public.course c on c.id = m.course_id where c.slug = 'chuyen-doi-so-phuong' returning slug $$,
  array['vneid'], 'an organizer adds a lesson to its module');
select results_eq(
  $$ insert into public.course_competence (course_id, competence_id, level)
     select id, tests.competence('qd757_2025', '0'), 1 from public.course where slug = 'chuyen-doi-so-phuong' returning level::int $$,
  array[1], 'an organizer tags their course with a competence');
select results_eq(
  $$ insert into public.lesson_competence (lesson_id, competence_id, level)
     select l.id, tests.competence('digcomp22', '2.6'), 2 from public.lesson l join public.course c on c.id = l.course_id
     where c.slug = 'chuyen-doi-so-phuong' returning level::int $$,
  array[2], 'an organizer tags their lesson with a competence');

-- The draft of A's village, and A's published course.
select results_eq($$ update public.course set summary_vi = 'Mật khẩu, lừa đảo và quyền riêng tư'
                     where id = tests.course('an-toan-tren-mang') returning slug $$,
  array['an-toan-tren-mang'], 'an organizer edits a draft of a village of their commune');
select results_eq($$ update public.course set title_en = 'Basic digital skills for everyone'
                     where id = tests.course('ky-nang-so-co-ban') returning slug $$,
  array['ky-nang-so-co-ban'], 'an organizer edits their commune''s published course');
select results_eq($$ update public.course_module set title_vi = 'Khởi đầu' where id = tests.module('an-toan-tren-mang', 1) returning title_vi $$,
  array['Khởi đầu'], 'an organizer edits a module');
select results_eq($$ update public.lesson set minutes = 12 where id = tests.lesson('an-toan-tren-mang', 'bai-1') returning minutes::int $$,
  array[12], 'an organizer edits a lesson');
select results_eq($$ update public.course_competence set level = 3 where course_id = tests.course('an-toan-tren-mang') returning level::int $$,
  array[3], 'an organizer changes a course''s tag');
select results_eq($$ update public.lesson_competence set level = 2 where lesson_id = tests.lesson('an-toan-tren-mang', 'bai-1') returning level::int $$,
  array[2], 'an organizer changes a lesson''s tag');

-- Handing a course on: within their subtree only.
select throws_ok($$ update public.course set owner_unit_id = tests.unit('22759') where id = tests.course('an-toan-tren-mang') $$,
  '42501', 'new row violates row-level security policy for table "course"', 'an organizer cannot hand a course to another commune');
select throws_ok($$ update public.course set owner_unit_id = null where id = tests.course('an-toan-tren-mang') $$,
  '42501', 'new row violates row-level security policy for table "course"', 'an organizer cannot hand a course to no unit');
select results_eq($$ update public.course set owner_unit_id = tests.unit('22366') where id = tests.course('an-toan-tren-mang')
                     returning owner_unit_id $$,
  array[tests.unit('22366')], 'an organizer hands a village''s course to the commune');
select throws_ok($$ update public.course_module set course_id = tests.course('dich-vu-cong-truc-tuyen'), position = 9
                    where id = tests.module('an-toan-tren-mang', 1) $$,
  '23514', 'a module cannot move to another course', 'an organizer cannot move a module to another commune''s course');
select throws_ok($$ update public.course_competence set course_id = tests.course('dich-vu-cong-truc-tuyen')
                    where course_id = tests.course('an-toan-tren-mang') $$,
  '42501', 'new row violates row-level security policy for table "course_competence"', 'an organizer cannot move a tag to another commune''s course');

-- A lesson sits in a module of its own course, even between two courses its author may edit.
select throws_ok($$ insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, body)
                    values (tests.course('an-toan-tren-mang'), tests.module('ky-nang-so-co-ban', 1), 9, 'lac-khoa',
                            'Lạc khóa', 'Wrong course', 5, '{"type":"doc","content":[]}') $$,
  '23514', 'lesson module belongs to another course', 'a lesson cannot be added to another course''s module');
select throws_ok($$ update public.lesson set module_id = tests.module('ky-nang-so-co-ban', 2)
                    where id = tests.lesson('an-toan-tren-mang', 'bai-1') $$,
  '23514', 'lesson module belongs to another course', 'a lesson cannot be moved to another course''s module');
select throws_ok($$ update public.lesson set course_id = tests.course('ky-nang-so-co-ban')
                    where id = tests.lesson('an-toan-tren-mang', 'bai-1') $$,
  '23514', 'lesson module belongs to another course', 'a lesson cannot be moved to another course without its module');
select results_eq($$ update public.lesson set module_id = tests.module('ky-nang-so-co-ban', 1), position = 3
                     where id = tests.lesson('ky-nang-so-co-ban', 'doc-them') returning module_id $$,
  array[tests.module('ky-nang-so-co-ban', 1)], 'a lesson moves to another module of its course');

-- Publishing: then everyone reads it.
select results_eq($$ update public.course set status = 'published'
                     where id = tests.course('an-toan-tren-mang') returning status || ' v' || published_version $$,
  array['published v1'], 'an organizer publishes a course, and the database stamps its first version');
select throws_ok($$ update public.course set created_by = tests.id('citizen_a') where id = tests.course('an-toan-tren-mang') $$,
  '42501', null, 'an author cannot say someone else created the course');
select tests.sign_in('citizen_a');
select set_eq($$ select slug from public.course $$, array['ky-nang-so-co-ban', 'an-toan-tren-mang'],
  'a citizen now reads the newly published course');
select isnt_empty($$ select 1 from public.lesson where course_id = tests.course('an-toan-tren-mang') $$,
  'and its lessons');
select tests.sign_in('organizer_b');
select is_empty($$ update public.course set title_vi = 'Bị sửa' where id = tests.course('an-toan-tren-mang') returning id $$,
  'another commune''s organizer still cannot edit it once published');

-- Removing.
select tests.sign_in('organizer_a');
select results_eq($$ delete from public.lesson_competence where lesson_id = tests.lesson('an-toan-tren-mang', 'bai-1') returning level::int $$,
  array[2], 'an organizer removes a lesson''s tag');
select results_eq($$ delete from public.course_competence where course_id = tests.course('an-toan-tren-mang') returning level::int $$,
  array[3], 'an organizer removes a course''s tag');
select results_eq($$ delete from public.lesson where id = tests.lesson('an-toan-tren-mang', 'bai-1') returning slug $$,
  array['bai-1'], 'an organizer removes a lesson');
select results_eq($$ delete from public.course_module where id = tests.module('an-toan-tren-mang', 1) returning position::int $$,
  array[1], 'an organizer removes a module');
select results_eq($$ delete from public.course where slug = 'chuyen-doi-so-phuong' returning slug $$,
  array['chuyen-doi-so-phuong'], 'an organizer removes a course');
select is_empty($$ select 'lesson' from public.lesson where slug = 'vneid'
                  union all select 'course tag' from public.course_competence where competence_id = tests.competence('qd757_2025', '0')
                  union all select 'lesson tag' from public.lesson_competence where competence_id = tests.competence('digcomp22', '2.6') $$,
  'its lesson and tags go with it');

-- ───────────── a province admin authors every course ─────────────
select tests.sign_in('province_admin');

select results_eq($$ insert into public.course (slug, audience, level, title_vi, title_en)
                     values ('so-tay-can-bo', 'official', 'intermediate', 'Sổ tay cán bộ số', 'Digital handbook for officials')
                     returning status $$,
  array['draft'], 'a province admin adds a course no unit owns (and reads it back at once)');
select results_eq($$ update public.course set title_en = 'AI for all' where id = tests.course('tri-tue-nhan-tao') returning title_en $$,
  array['AI for all'], 'a province admin edits the province''s draft');
select results_eq($$ update public.course set owner_unit_id = tests.unit('22366') where id = tests.course('dich-vu-cong-truc-tuyen')
                     returning owner_unit_id $$,
  array[tests.unit('22366')], 'a province admin hands commune B''s draft to commune A');
select results_eq($$ insert into public.course_module (course_id, position, title_vi, title_en)
                     values (tests.course('tri-tue-nhan-tao'), 2, 'Thực hành', 'Practice') returning position::int $$,
  array[2], 'a province admin adds a module to any course');
select results_eq($$ update public.lesson set required = false where id = tests.lesson('dich-vu-cong-truc-tuyen', 'bai-1') returning required $$,
  array[false], 'a province admin edits any lesson');
select throws_ok($$ update public.lesson set module_id = tests.module('tri-tue-nhan-tao', 1)
                    where id = tests.lesson('dich-vu-cong-truc-tuyen', 'bai-1') $$,
  '23514', 'lesson module belongs to another course', 'not even a province admin puts a lesson in another course''s module');
select results_eq($$ delete from public.course where id = tests.course('tri-tue-nhan-tao') returning slug $$,
  array['tri-tue-nhan-tao'], 'a province admin removes any course');

-- ───────────── regressions ─────────────
-- An organizer's insert … returning sees the new draft (the select policy tests the row, not a lookup).
select tests.sign_in('organizer_a');
select lives_ok($$ insert into public.course (slug, audience, level, title_vi, title_en, owner_unit_id)
                   values ('hoc-truc-tuyen', 'citizen', 'basic', 'Học trực tuyến', 'Learning online', tests.unit('22366'))
                   returning id $$,
  'an organizer adds a draft and gets its id back');
-- A module stays in its course, so its lessons (and their progress) never end up in two courses.
select throws_ok($$ update public.course_module set course_id = tests.course('an-toan-tren-mang'), position = 9
                    where id = tests.module('ky-nang-so-co-ban', 1) $$,
  '23514', null, 'a module with lessons cannot be moved to another course');

select * from finish();
rollback;
