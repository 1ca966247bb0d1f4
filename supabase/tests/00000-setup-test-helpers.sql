-- Test helpers shared by every file in supabase/tests, in schema `tests` (the Basejump /
-- supabase_test_helpers pattern).
--
-- The convention: the files run in name order, each in its own session, and every test file wraps itself
-- in `begin; … rollback;`. This file, named 00000-setup-*.sql so that it runs first, is the exception: it
-- commits, so the helpers stay for the files after it.
--   * `supabase test db` and `pg_prove -d <db> supabase/tests/*.sql` run it as the first file.
--   * scripts/test-sql.ts applies every 00000-setup-*.sql to its template database (after the migrations,
--     before the template is copied for each file), prints its TAP and counts its assertion once.
-- Nothing here creates rows: tests.create_personas() and the course helpers are called by the test files
-- inside their own transactions, so whatever they create is rolled back with the file.
-- The helpers run with the privileges of whoever calls them (but tests.as_shown and tests.in_bank_ids,
-- which read attempt_question for learners); anon, authenticated and service_role may call them, so a
-- file can still switch persona (or look an id up) after it has switched role.
begin;
create extension if not exists pgtap with schema extensions;
select plan(4);

create schema if not exists tests;

-- ───────────── accounts and sessions ─────────────
-- An account's id is derived from its persona name.
create or replace function tests.id(persona text) returns uuid language sql immutable
  as $$ select md5(persona)::uuid $$;

-- A unit by its code, valid from the given day (by default the Khánh Hòa hierarchy of 1 July 2025).
create or replace function tests.unit(code text, valid_from date default '2025-07-01') returns bigint language plpgsql stable
  as $$ declare unit_id bigint;
        begin select u.id into strict unit_id from public.unit u where u.code = $1 and u.valid_from = $2; return unit_id; end $$;

-- Signs the persona up, as the local auth provider does: an account whose metadata the profile is made of.
create or replace function tests.sign_up(persona text, display_name text, home_unit bigint default null) returns void language sql
  as $$ insert into auth.users (id, email, raw_user_meta_data)
        values (tests.id(persona), persona || '@example.vn',
                jsonb_build_object('display_name', display_name, 'home_unit_id', home_unit)) $$;

-- Acts, for the rest of the transaction, as the persona signed in (role and claims as PostgREST sets them).
create or replace function tests.sign_in(persona text) returns void language sql
  as $$ select set_config('role', 'authenticated', true),
               set_config('request.jwt.claims', json_build_object('sub', tests.id(persona), 'role', 'authenticated')::text, true) $$;

create or replace function tests.sign_in_anonymously() returns void language sql
  as $$ select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true) $$;

-- Signs in as the persona, or anonymously for 'anonymous'.
create or replace function tests.act_as(persona text) returns void language plpgsql
  as $$ begin if persona = 'anonymous' then perform tests.sign_in_anonymously(); else perform tests.sign_in(persona); end if; end $$;

-- Back to the service: the connecting role, with no claims.
create or replace function tests.sign_out() returns void language sql
  as $$ select set_config('role', 'none', true), set_config('request.jwt.claims', '', true) $$;

-- ───────────── the standard personas ─────────────
-- Commune A is Phường Nha Trang (22366), with the village Tổ dân phố Xương Huân 1; commune B is Phường
-- Phan Rang (22759); the official works for the province's Sở Khoa học và Công nghệ and lives in commune B.
-- Creates the village and the agency, then the personas named (by default all of them), in this order,
-- and their roles.
create or replace function tests.create_personas(variadic personas text[] default array[
  'citizen_a', 'villager_a', 'citizen_b', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'admin_b', 'province_admin'])
returns void language plpgsql as $$
declare
  unknown text[];
begin
  insert into public.unit (code, name, kind, parent_id, valid_from) values
    ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', tests.unit('22366'), '2025-07-01'),
    ('SKHCN', 'Sở Khoa học và Công nghệ', 'agency', tests.unit('56'), '2025-07-01');
  create temp table standard_persona as
  select * from (values
    (1, 'citizen_a', 'Nguyễn Thị Lan', '22366', null, null),
    (2, 'villager_a', 'Trần Văn Minh', '22366-TDP01', null, null),
    (3, 'citizen_b', 'Lê Thị Hoa', '22759', null, null),
    (4, 'official', 'Phạm Quốc Tuấn', '22759', 'official', 'SKHCN'),
    (5, 'organizer_a', 'Võ Thị Thu', '22366', 'organizer', '22366'),
    (6, 'team_member_a', 'Đặng Văn Nam', '22366-TDP01', 'team_member', '22366'),
    (7, 'admin_a', 'Hoàng Minh Đức', '22366', 'unit_admin', '22366'),
    (8, 'admin_b', 'Bùi Thị Hạnh', '22759', 'unit_admin', '22759'),
    (9, 'province_admin', 'Ngô Văn Hùng', null, 'province_admin', null)
  ) as p (n, persona, display_name, home_unit, role, role_unit)
  where p.persona = any(personas);
  unknown := array(select unnest(personas) except select persona from standard_persona);
  if unknown <> '{}' then
    raise exception 'not a standard persona: %', array_to_string(unknown, ', ');
  end if;
  perform tests.sign_up(p.persona, p.display_name, case when p.home_unit is not null then tests.unit(p.home_unit) end)
  from (select * from standard_persona order by n) p;
  insert into public.person_role (person_id, role, unit_id)
  select tests.id(p.persona), p.role::public.app_role, case when p.role_unit is not null then tests.unit(p.role_unit) end
  from standard_persona p where p.role is not null order by p.n;
  drop table standard_persona;
end
$$;

-- ───────────── competences and courses ─────────────
-- A competence by its framework and code (readable by everyone, so usable whoever is signed in).
create or replace function tests.competence(framework text, code text) returns bigint language plpgsql stable
  as $$ declare competence_id bigint;
        begin select c.id into strict competence_id from public.competence c where c.framework = $1 and c.code = $2;
              return competence_id; end $$;

-- Gives every course a first module with the required lesson bai-1; ky-nang-so-co-ban also gets the
-- required bai-2 in that module and a second module with the optional lesson doc-them.
create or replace function tests.add_modules_and_lessons() returns void language plpgsql as $$
begin
  insert into public.course_module (course_id, position, title_vi, title_en)
  select c.id, m.position, m.title_vi, m.title_en from public.course c
  cross join (values (1, 'Bắt đầu', 'Getting started'), (2, 'Đọc thêm', 'Further reading')) as m (position, title_vi, title_en)
  where m.position = 1 or c.slug = 'ky-nang-so-co-ban';
  insert into public.lesson (course_id, module_id, position, slug, title_vi, title_en, minutes, required, body)
  select m.course_id, m.id, l.position, l.slug, l.title_vi, l.title_en, 10, l.required, '{"type":"doc","content":[]}'::jsonb
  from public.course_module m join public.course c on c.id = m.course_id
  cross join (values (1, 1, 'bai-1', 'Bài 1', 'Lesson 1', true), (1, 2, 'bai-2', 'Bài 2', 'Lesson 2', true),
                     (2, 1, 'doc-them', 'Đọc thêm', 'Further reading', false)) as l (module, position, slug, title_vi, title_en, required)
  where l.module = m.position and (l.slug = 'bai-1' or c.slug = 'ky-nang-so-co-ban');
end
$$;

-- Notes the ids of the courses, modules and lessons there are now in temp tables that everyone reads
-- (the tables themselves hide drafts), for tests.course, tests.module and tests.lesson and for joins.
create or replace function tests.remember_course_ids() returns void language plpgsql as $$
begin
  create temp table course_ids as select slug, id, owner_unit_id, status from public.course;
  create temp table module_ids as
    select c.slug as course, m.position, m.id from public.course_module m join public.course c on c.id = m.course_id;
  create temp table lesson_ids as
    select c.slug as course, l.slug as lesson, l.id from public.lesson l join public.course c on c.id = l.course_id;
  grant select on course_ids, module_ids, lesson_ids to anon, authenticated;
end
$$;
create or replace function tests.course(slug text) returns bigint language plpgsql stable
  as $$ declare course_id bigint;
        begin select c.id into strict course_id from pg_temp.course_ids c where c.slug = $1; return course_id; end $$;
create or replace function tests.module(course text, module_position int) returns bigint language plpgsql stable
  as $$ declare module_id bigint;
        begin select m.id into strict module_id from pg_temp.module_ids m where m.course = $1 and m.position = $2; return module_id; end $$;
create or replace function tests.lesson(course text, lesson text) returns bigint language plpgsql stable
  as $$ declare lesson_id bigint;
        begin select l.id into strict lesson_id from pg_temp.lesson_ids l where l.course = $1 and l.lesson = $2; return lesson_id; end $$;

-- ───────────── refusals ─────────────
-- Runs a statement that should fail; the result is its SQLSTATE and hint ('no error' if it succeeds), so
-- that one assertion checks both the refusal and its reason.
create or replace function tests.error_of(statement text) returns text language plpgsql as $$
declare
  state text;
  hint text;
begin
  execute statement;
  return 'no error';
exception when others then
  get stacked diagnostics state = returned_sqlstate, hint = pg_exception_hint;
  return state || ' ' || coalesce(hint, '(no hint)');
end
$$;

-- ───────────── attempts show their own ids ─────────────
-- Every attempt shows its own copy of each question, with fresh random choice ids
-- (attempt_question.aliases = {list: {bank id: shown id}}, lists options, items, left and right, and for a
-- cloze {"gaps": [the aliases of each gap]}). Tests write answers and expected keys in the bank's ids
-- ('a', 'b', …) and translate them with the helpers below.

-- A choice id renamed through one list of aliases; anything else (an id the list lacks, a non-string) as is.
create or replace function tests.renamed_id(id jsonb, names jsonb) returns jsonb language sql immutable
  as $$ select case when jsonb_typeof(id) = 'string' and jsonb_typeof(names) = 'object' and names ? (id #>> '{}')
                    then names -> (id #>> '{}') else id end $$;

-- The ids in a response, a key or a content renamed through aliases, by the fields that hold them:
-- choice, choices and correct (one id or a list), and the keys of weights and feedback name options; order
-- names items; pairs names left ids → right ids; options, items, left and right are lists of choices; gaps
-- are renamed each through its own aliases. Ids without an alias stay as they are, so that a test can
-- still name a choice the question does not offer; true/false feedback keys, short-answer weights and
-- texts are left alone.
create or replace function tests.rename_ids(value jsonb, aliases jsonb) returns jsonb language plpgsql immutable as $$
declare
  field record;
  result jsonb := '{}';
  renamed jsonb;
begin
  if jsonb_typeof(value) is distinct from 'object' then
    return value;
  end if;
  for field in select * from jsonb_each(value) loop
    renamed := case
      when field.key in ('choice', 'correct') and jsonb_typeof(field.value) = 'string' then
        tests.renamed_id(field.value, aliases -> 'options')
      when field.key in ('choices', 'correct', 'order') and jsonb_typeof(field.value) = 'array' then (
        select coalesce(jsonb_agg(tests.renamed_id(e.value, aliases -> case field.key when 'order' then 'items' else 'options' end)
                                  order by e.n), '[]')
        from jsonb_array_elements(field.value) with ordinality e(value, n))
      when field.key in ('weights', 'feedback') and jsonb_typeof(field.value) = 'object' then (
        select coalesce(jsonb_object_agg(tests.renamed_id(to_jsonb(e.key), aliases -> 'options') #>> '{}', e.value), '{}')
        from jsonb_each(field.value) e)
      when field.key = 'pairs' and jsonb_typeof(field.value) = 'object' then (
        select coalesce(jsonb_object_agg(tests.renamed_id(to_jsonb(e.key), aliases -> 'left') #>> '{}',
                                         tests.renamed_id(e.value, aliases -> 'right')), '{}')
        from jsonb_each(field.value) e)
      when field.key in ('options', 'items', 'left', 'right') and jsonb_typeof(field.value) = 'array' then (
        select coalesce(jsonb_agg(case when jsonb_typeof(e.value) = 'object' and e.value ? 'id'
                                       then jsonb_set(e.value, '{id}', tests.renamed_id(e.value -> 'id', aliases -> field.key))
                                       else e.value end order by e.n), '[]')
        from jsonb_array_elements(field.value) with ordinality e(value, n))
      when field.key = 'gaps' and jsonb_typeof(field.value) = 'array' then (
        select coalesce(jsonb_agg(tests.rename_ids(e.value, aliases -> 'gaps' -> (e.n - 1)::integer) order by e.n), '[]')
        from jsonb_array_elements(field.value) with ordinality e(value, n))
      else field.value
    end;
    result := result || jsonb_build_object(field.key, renamed);
  end loop;
  return result;
end
$$;

-- Aliases turned around: {list: {shown id: bank id}}, gaps included.
create or replace function tests.reversed_aliases(aliases jsonb) returns jsonb language sql immutable as $$
  select coalesce(jsonb_object_agg(a.key, case
    when jsonb_typeof(a.value) = 'object' then (select coalesce(jsonb_object_agg(n.value #>> '{}', to_jsonb(n.key)), '{}') from jsonb_each(a.value) n)
    when jsonb_typeof(a.value) = 'array' then (select coalesce(jsonb_agg(tests.reversed_aliases(g.value) order by g.n), '[]')
                                               from jsonb_array_elements(a.value) with ordinality g(value, n))
    else a.value end), '{}')
  from jsonb_each(aliases) a
$$;

-- An answers object {"<position>": <response in the bank's ids>, …} in the ids the attempt shows, for
-- save_quiz_answers and submit_quiz_attempt. Positions the attempt lacks, and anything that is not an
-- object, pass unchanged. Security definer: learners cannot read attempt_question.
create or replace function tests.as_shown(attempt uuid, answers jsonb) returns jsonb
language sql stable security definer set search_path = '' as $$
  select case when jsonb_typeof(answers) = 'object' then (
    select coalesce(jsonb_object_agg(a.key, case when aq.aliases is null then a.value else tests.rename_ids(a.value, aq.aliases) end), '{}')
    from jsonb_each(answers) a
    left join public.attempt_question aq
      on aq.attempt_id = attempt and aq.position = case when a.key ~ '^[0-9]{1,4}$' then a.key::integer end
  ) else answers end
$$;

-- A response, key or content of the attempt's question at the position (as quiz_attempt_questions returns
-- them) in the bank's ids, to compare with what the bank holds. Security definer, as above.
create or replace function tests.in_bank_ids(attempt uuid, question_position integer, value jsonb) returns jsonb
language sql stable security definer set search_path = '' as $$
  select coalesce((select tests.rename_ids(value, tests.reversed_aliases(aq.aliases)) from public.attempt_question aq
                   where aq.attempt_id = attempt and aq.position = question_position), value)
$$;

grant usage on schema tests to anon, authenticated, service_role;
grant execute on all functions in schema tests to anon, authenticated, service_role;

select ok(true, 'test helpers are installed');
select is(tests.rename_ids('{"correct": "b", "weights": {"b": 100, "c": -50}, "feedback": {"a": "Không"}, "explanation": "b"}',
                           '{"options": {"a": "p", "b": "q", "c": "r"}}'),
  '{"correct": "q", "weights": {"q": 100, "r": -50}, "feedback": {"p": "Không"}, "explanation": "b"}'::jsonb,
  'tests.rename_ids renames the ids of a choice key (weights and feedback included), not other fields');
select is(tests.rename_ids('{"order": ["b", "a", "z"], "pairs": {"1": "x"}, "gaps": [{"choices": ["a"]}, {"text": "a"}, null]}',
                           '{"items": {"a": "i", "b": "j"}, "left": {"1": "l"}, "right": {"x": "r"},
                             "gaps": [{"options": {"a": "g"}}, {}, {}]}'),
  '{"order": ["j", "i", "z"], "pairs": {"l": "r"}, "gaps": [{"choices": ["g"]}, {"text": "a"}, null]}'::jsonb,
  'tests.rename_ids renames orders, pairs and gaps, and keeps ids it has no alias for');
select is(tests.rename_ids(tests.rename_ids('{"options": [{"id": "a", "text": "Một"}], "right": [{"id": "x", "text": "Hai"}]}',
                                            '{"options": {"a": "p"}, "right": {"x": "q"}}'),
                           tests.reversed_aliases('{"options": {"a": "p"}, "right": {"x": "q"}}')),
  '{"options": [{"id": "a", "text": "Một"}], "right": [{"id": "x", "text": "Hai"}]}'::jsonb,
  'tests.reversed_aliases turns the renaming around');
select * from finish();
commit;
