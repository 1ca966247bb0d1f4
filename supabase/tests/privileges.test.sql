-- Least privilege: what the API roles (anon, authenticated) may call and read, listed in full. A function or
-- a table privilege that appears anywhere else fails here until it is added to the lists below, so that a
-- new grant is a deliberate act (and on Supabase, where PostgREST exposes whatever is granted, a reviewed
-- one). Executable means EXECUTE on the function and USAGE on its schema; pgTAP's and the other extensions'
-- functions (schema extensions) and the test helpers (schema tests) are left out. Also: no function of
-- public or private is executable by PUBLIC, no API role uses the local auth provider's schema, a learner's
-- progress and a contest participant's identity stay with those who may see them.
begin;
create extension if not exists pgtap with schema extensions;
select plan(15);

-- ───────────── functions ─────────────
create function pg_temp.executable_by(api_role text) returns setof text language sql stable as $$
  select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes))
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname not in ('pg_catalog', 'information_schema', 'extensions', 'tests') and n.nspname !~ '^pg_(toast|temp)'
    and has_function_privilege(api_role, p.oid, 'execute') and has_schema_privilege(api_role, n.oid, 'usage')
$$;

create temp table allowed_function (fn text primary key, anon boolean not null);
insert into allowed_function values
  -- Supabase's claims readers, in policies and column defaults
  ('auth.email()', true), ('auth.jwt()', true), ('auth.role()', true), ('auth.uid()', true),
  -- met in policies that anonymous readers meet; the catalogue search (and course.search_text)
  ('private.is_published_contest(bigint)', true), ('private.is_published_course(bigint)', true),
  ('private.search_text(text)', true),
  -- met in policies for signed-in people; the studio's, reports' and quiz pages' own checks
  ('private.administers_person(uuid)', false), ('private.can_author_bank(bigint)', false),
  ('private.can_author_campaign(bigint)', false), ('private.can_author_contest(bigint)', false),
  ('private.can_author_course(bigint)', false), ('private.can_author_question(bigint)', false),
  ('private.can_author_quiz(bigint)', false), ('private.category_subtree(bigint)', false),
  ('private.has_role_in_unit(bigint, app_role)', false), ('private.is_author()', false),
  ('private.is_province_admin()', false), ('private.is_unit_admin()', false), ('private.may_author_in_unit(bigint)', false),
  ('private.passed_quiz(uuid, bigint)', false),
  -- the public API: catalogue, contests, dashboards
  ('public.compute_round_results(bigint)', true), ('public.contest_standings(bigint)', true),
  ('public.dashboard_breakdown(bigint, bigint, boolean)', true), ('public.dashboard_targets(integer, bigint, boolean)', true),
  ('public.dashboard_trend(text, bigint)', true), ('public.quiz_question_count(bigint)', true),
  ('public.round_participant_count(bigint)', true), ('public.round_participation(bigint, boolean)', true),
  -- ... for signed-in people: taking quizzes, grading essays, filing questions, one's contest result
  ('public.contest_result_people(bigint)', false), ('public.grade_essay_answer(uuid, smallint, numeric, text)', false),
  ('public.question_category_path(bigint, text[])', false), ('public.quiz_attempt_questions(uuid)', false),
  ('public.quiz_attempt_shapes(uuid)', false), ('public.quiz_essays_to_grade(bigint, boolean)', false),
  ('public.save_quiz_answers(uuid, jsonb)', false), ('public.start_quiz_attempt(bigint)', false),
  ('public.submit_quiz_attempt(uuid, jsonb, bigint)', false);

select set_eq($$ select pg_temp.executable_by('anon') $$, $$ select fn from allowed_function where anon $$,
  'anonymous visitors may call exactly the functions allowed to them');
select set_eq($$ select pg_temp.executable_by('authenticated') $$, $$ select fn from allowed_function $$,
  'signed-in people may call exactly the functions allowed to them (those of anonymous visitors included)');
select is_empty($$
  select format('%s.%s(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes))
  from pg_proc p join pg_namespace n on n.oid = p.pronamespace
  where n.nspname in ('public', 'private')
    and (p.proacl is null or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0)) $$,
  'no function of public or private is executable by PUBLIC (each is granted to the roles that need it)');
select ok(not has_schema_privilege('anon', 'local_auth', 'usage') and not has_schema_privilege('authenticated', 'local_auth', 'usage'),
  'no API role may use the local auth provider''s schema');
select is_empty($$ select d.defaclobjtype from pg_default_acl d cross join lateral aclexplode(d.defaclacl) a
                   where a.grantee in ('anon'::regrole, 'authenticated'::regrole) $$,
  'no default privilege grants new objects to an API role (on Supabase, the defaults for public are withdrawn)');

-- ───────────── tables and columns ─────────────
-- Per relation and API role, the privileges it holds, each on the whole table or on the columns listed.
create function pg_temp.table_privileges() returns table (relation text, api_role text, privileges text) language sql stable as $$
  with granted as (
    select c.oid, r.rolname as api_role, x.privilege_type as privilege, null::smallint as attnum
    from pg_class c cross join lateral aclexplode(c.relacl) x join pg_roles r on r.oid = x.grantee
    where r.rolname in ('anon', 'authenticated')
    union all
    select c.oid, r.rolname, x.privilege_type, att.attnum
    from pg_class c join pg_attribute att on att.attrelid = c.oid and att.attnum > 0 and not att.attisdropped
    cross join lateral aclexplode(att.attacl) x join pg_roles r on r.oid = x.grantee
    where r.rolname in ('anon', 'authenticated')
  ), per_privilege as (
    select g.oid, g.api_role,
           lower(g.privilege) || coalesce(' (' || string_agg(att.attname, ', ' order by att.attnum) || ')', '') as granted
    from granted g left join pg_attribute att on att.attrelid = g.oid and att.attnum = g.attnum
    group by g.oid, g.api_role, g.privilege, g.attnum is null
  )
  select format('%s.%s', n.nspname, c.relname), p.api_role, string_agg(p.granted, ', ' order by p.granted)
  from per_privilege p join pg_class c on c.oid = p.oid join pg_namespace n on n.oid = c.relnamespace
  where c.relpersistence <> 't' and n.nspname not in ('pg_catalog', 'information_schema')
  group by n.nspname, c.relname, p.api_role
$$;

create temp table allowed_table_privilege (relation text, api_role text, privileges text, primary key (relation, api_role));
insert into allowed_table_privilege values
  ('public.attempt_question', 'authenticated', 'select'),
  ('public.campaign', 'anon', 'select'),
  ('public.campaign', 'authenticated', 'delete, insert (slug, title, summary, language, owner_unit_id, status), select, update (slug, '
                                       || 'title, summary, language, owner_unit_id, status)'),
  ('public.competence', 'anon', 'select'),
  ('public.competence', 'authenticated', 'delete, insert, select, update'),
  ('public.competence_area', 'anon', 'select'),
  ('public.competence_area', 'authenticated', 'delete, insert, select, update'),
  ('public.competence_framework', 'anon', 'select'),
  ('public.competence_framework', 'authenticated', 'delete, insert, select, update'),
  ('public.competence_mapping', 'anon', 'select'),
  ('public.competence_mapping', 'authenticated', 'delete, insert, select, update'),
  ('public.contest', 'anon', 'select'),
  ('public.contest', 'authenticated', 'delete, insert (campaign_id, slug, title, rules, language, owner_unit_id, status), select, '
                                      || 'update (campaign_id, slug, title, rules, language, owner_unit_id, status)'),
  ('public.contest_result', 'anon', 'select (round_id, rank, display_name, commune_id, agency_id, score, max_score, duration_ms, '
                                    || 'prediction, prediction_distance, submitted_at)'),
  ('public.contest_result', 'authenticated', 'select (round_id, rank, display_name, commune_id, agency_id, score, max_score, duration_ms, '
                                             || 'prediction, prediction_distance, submitted_at)'),
  ('public.contest_round', 'anon', 'select'),
  ('public.contest_round', 'authenticated', 'delete, insert (contest_id, number, quiz_id, prediction_prompt, prediction_truth), select, '
                                            || 'update (number, quiz_id, prediction_prompt, prediction_truth)'),
  ('public.course', 'anon', 'select'),
  ('public.course', 'authenticated', 'delete, insert (slug, language, audience, level, status, title_vi, title_en, summary_vi, summary_en, '
                                     || 'outcomes_vi, outcomes_en, owner_unit_id), select, update (slug, language, audience, level, status, '
                                     || 'title_vi, title_en, summary_vi, summary_en, outcomes_vi, outcomes_en, owner_unit_id)'),
  ('public.course_competence', 'anon', 'select'),
  ('public.course_competence', 'authenticated', 'delete, insert, select, update'),
  ('public.course_completion', 'anon', 'select'),
  ('public.course_completion', 'authenticated', 'select'),
  ('public.course_module', 'anon', 'select'),
  ('public.course_module', 'authenticated', 'delete, insert, select, update'),
  ('public.enrolment', 'anon', 'select'),
  ('public.enrolment', 'authenticated', 'delete, insert (person_id, course_id, last_lesson_id), select, update (last_lesson_id, last_activity_at)'),
  ('public.lesson', 'anon', 'select'),
  ('public.lesson', 'authenticated', 'delete, insert, select, update'),
  ('public.lesson_competence', 'anon', 'select'),
  ('public.lesson_competence', 'authenticated', 'delete, insert, select, update'),
  ('public.lesson_progress', 'anon', 'select'),
  ('public.lesson_progress', 'authenticated', 'insert (person_id, lesson_id, course_id, event_id), select'),
  ('public.metric', 'anon', 'select'),
  ('public.metric', 'authenticated', 'select'),
  ('public.person_role', 'authenticated', 'delete, insert (person_id, role, unit_id, granted_by), select'),
  ('public.profile', 'authenticated', 'select, update (display_name, home_unit_id, locale)'),
  ('public.question', 'authenticated', 'delete, insert (bank_id, archived, category_id), select, update (current_version_id, archived, category_id)'),
  ('public.question_bank', 'authenticated', 'delete, insert (title, course_id, owner_unit_id), select, update (title, course_id, owner_unit_id)'),
  ('public.question_category', 'authenticated', 'delete, insert (bank_id, parent_id, name), select, update (parent_id, name)'),
  ('public.question_competence', 'authenticated', 'delete, insert, select'),
  ('public.question_version', 'authenticated', 'insert (question_id, kind, title, prompt, image_url, image_alt, content, key, explanation, '
                                               || 'points, prompt_format), select'),
  ('public.quiz', 'anon', 'select'),
  ('public.quiz', 'authenticated', 'delete, insert (title, description, language, course_id, required, owner_unit_id, status, '
                                   || 'shuffle_questions, shuffle_options, time_limit_seconds, max_attempts, pass_percent, counting, '
                                   || 'review_policy, opens_at, closes_at), select, update (title, description, language, course_id, '
                                   || 'required, owner_unit_id, status, shuffle_questions, shuffle_options, time_limit_seconds, max_attempts, '
                                   || 'pass_percent, counting, review_policy, opens_at, closes_at)'),
  ('public.quiz_attempt', 'authenticated', 'select'),
  ('public.quiz_pool', 'authenticated', 'delete, insert, select, update'),
  ('public.quiz_question', 'authenticated', 'delete, insert, select, update'),
  ('public.target', 'anon', 'select'),
  ('public.target', 'authenticated', 'delete, insert, select, update'),
  ('public.target_refresh', 'anon', 'select'),
  ('public.target_refresh', 'authenticated', 'select'),
  ('public.target_report', 'authenticated', 'insert (target_id, unit_id, numerator, denominator, note, evidence_key, evidence_name, '
                                            || 'evidence_type, evidence_bytes), select, update (numerator, denominator, note, evidence_key, '
                                            || 'evidence_name, evidence_type, evidence_bytes, status, review_note)'),
  ('public.target_value', 'authenticated', 'select'),
  ('public.unit', 'anon', 'select'),
  ('public.unit', 'authenticated', 'delete, insert, select, update'),
  ('public.unit_population', 'anon', 'select'),
  ('public.unit_population', 'authenticated', 'delete, insert, select, update'),
  ('public.unit_succession', 'anon', 'select'),
  ('public.unit_succession', 'authenticated', 'delete, insert, select');

select set_eq($$ select * from pg_temp.table_privileges() $$, $$ select * from allowed_table_privilege $$,
  'the API roles hold exactly the table and column privileges allowed to them');
select ok(not has_column_privilege('authenticated', 'public.contest_result', 'person_id', 'select')
          and not has_column_privilege('anon', 'public.contest_result', 'person_id', 'select'),
  'nobody signed in, nor anonymous, reads whose result is whose from contest_result');

-- ───────────── what the revokes mean ─────────────
-- citizen_a passed a quiz of commune A; others ask.
select tests.create_personas('citizen_a', 'citizen_b', 'organizer_a', 'admin_a', 'admin_b');
insert into public.quiz (title, owner_unit_id, status) values ('Bài kiểm tra', tests.unit('22366'), 'published');
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, submitted_at, score, max_score, pass_percent, passed, duration_ms)
select id, tests.id('citizen_a'), 1, now() - interval '1 hour', now() - interval '50 minutes', 1, 1, 50, true, 600000
from public.quiz where title = 'Bài kiểm tra';
create temp table quiz_id as select id from public.quiz where title = 'Bài kiểm tra';
grant select on quiz_id to authenticated;
create function pg_temp.passed_as(persona text) returns boolean language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return private.passed_quiz(tests.id('citizen_a'), (select id from quiz_id));
end
$$;
select is(pg_temp.passed_as('citizen_a'), true, 'a learner learns that she passed');
select is(pg_temp.passed_as('citizen_b'), false, 'another learner does not learn whether she did');
select is(pg_temp.passed_as('admin_b'), false, 'nor does the unit admin of another commune');
select is(pg_temp.passed_as('admin_a'), true, 'her unit admin does');
select is(pg_temp.passed_as('organizer_a'), true, 'and the quiz''s author');
select tests.sign_out();
select is(private.passed_quiz(tests.id('citizen_a'), (select id from quiz_id)), true,
  'the completion rule, running as the owner, sees every attempt');
select tests.sign_in_anonymously();
select throws_ok($$ select private.passed_quiz(gen_random_uuid(), 1) $$, '42501', 'permission denied for function passed_quiz',
  'anonymous visitors cannot ask');
select throws_ok($$ select private.course_requirements_met(gen_random_uuid(), 1) $$, '42501',
  'permission denied for function course_requirements_met', 'nor whether someone met a course''s requirements');

select * from finish();
rollback;
