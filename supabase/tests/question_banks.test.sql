-- Question banks: banks, questions, their versions and competence tags are authors' material. The
-- organizers of a unit (and of the units above it) and province admins read and manage the banks their
-- unit owns; everybody else (citizens, officials, team members, unit admins, anonymous) reads nothing of
-- them, answer keys least of all, and writes nothing. A question version is never changed: editing adds a
-- version, numbered after the last one, which becomes the question's current one. A version whose content
-- or key does not fit its kind (private.check_question_shape) is refused. (The shapes of weights, feedback,
-- essays and cloze questions are checked in question_model.test.sql.)
begin;
create extension if not exists pgtap with schema extensions;
select plan(132);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql).
select tests.create_personas('citizen_a', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'admin_b', 'province_admin');


-- ───────────── banks and questions ─────────────
-- A bank of commune A, one of commune B and a province-wide one (no owner unit), each with a
-- single-choice question tagged with a competence. Names (bank-a, qa, …) are kept in temp tables that
-- everyone reads, the tables themselves hiding the rows.
create temp table bank_ids (name text primary key, id bigint, owner_unit_id bigint);
create temp table question_ids (name text primary key, id bigint);
grant select, insert on bank_ids, question_ids to anon, authenticated;
create function pg_temp.bank(name text) returns bigint language sql stable
  as $$ select id from bank_ids where bank_ids.name = $1 $$;
create function pg_temp.question(name text) returns bigint language sql stable
  as $$ select id from question_ids where question_ids.name = $1 $$;
create function pg_temp.version(question text, version int) returns bigint language sql stable
  as $$ select v.id from public.question_version v where v.question_id = pg_temp.question($1) and v.version = $2 $$;

create function pg_temp.add_bank(name text, title text, owner bigint) returns void language sql as $$
  with b as (insert into public.question_bank (title, owner_unit_id) values (title, owner) returning id, owner_unit_id)
  insert into bank_ids select name, id, owner_unit_id from b;
$$;
create function pg_temp.add_question(name text, bank text) returns void language plpgsql as $$
declare
  q bigint;
begin
  insert into public.question (bank_id) values (pg_temp.bank(bank)) returning id into q;
  insert into question_ids values (name, q);
  insert into public.question_version (question_id, kind, prompt, content, key, explanation) values (
    q, 'single', 'Mật khẩu nào an toàn nhất?',
    '{"options": [{"id": "a", "text": "123456"}, {"id": "b", "text": "Ngựa-Xanh-Mưa-42!"}, {"id": "c", "text": "matkhau"}]}',
    '{"correct": "b"}', 'Dài, nhiều loại ký tự, không đoán được.');
  insert into public.question_competence (question_id, competence_id) values (q, tests.competence('digcomp22', '4.1'));
end
$$;
select pg_temp.add_bank('bank-a', 'An toàn thông tin — phường Nha Trang', tests.unit('22366'));
select pg_temp.add_bank('bank-b', 'An toàn thông tin — phường Phan Rang', tests.unit('22759'));
select pg_temp.add_bank('bank-province', 'Ngân hàng chung của tỉnh', null);
select pg_temp.add_question('qa', 'bank-a');
select pg_temp.add_question('qb', 'bank-b');
select pg_temp.add_question('qp', 'bank-province');

-- ───────────── who reads what ─────────────
-- Which banks' material a persona reads, as (table, bank) pairs over the four tables.
create function pg_temp.material() returns text language sql immutable as $$ select $q$
  select 'bank', b.name from public.question_bank t join bank_ids b on b.id = t.id
  union all select 'question', b.name from public.question t join bank_ids b on b.id = t.bank_id
  union all select 'version', b.name from public.question_version t join public.question q on q.id = t.question_id
    join bank_ids b on b.id = q.bank_id
  union all select 'tag', b.name from public.question_competence t join question_ids x on x.id = t.question_id
    join public.question q on q.id = x.id join bank_ids b on b.id = q.bank_id
  $q$ $$;
create function pg_temp.reads(persona text, banks text[]) returns text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return set_eq(pg_temp.material(),
    format('select t, b from unnest(array[''bank'', ''question'', ''version'', ''tag'']) t cross join unnest(%L::text[]) b', banks),
    persona || ' reads the banks, questions, versions and tags of ' || coalesce(nullif(array_to_string(banks, ', '), ''), 'no bank'));
end
$$;
select pg_temp.reads(persona, banks) from (values
  ('citizen_a', '{}'::text[]),
  ('official', '{}'),
  ('team_member_a', '{}'),
  -- a unit admin administers people, not quizzes
  ('admin_a', '{}'),
  ('admin_b', '{}'),
  ('organizer_a', array['bank-a']),
  ('province_admin', array['bank-a', 'bank-b', 'bank-province'])
) as who_reads (persona, banks);

-- In particular a learner never reads an answer key, even by asking for the column alone.
select tests.sign_in('citizen_a');
select is_empty($$ select key from public.question_version $$, 'a citizen selecting the answer keys gets no row');
select is_empty($$ select key from public.question_version where question_id = pg_temp.question('qa') $$,
  'nor by naming the question');
select tests.sign_in('official');
select is_empty($$ select key, explanation from public.question_version $$, 'an official gets no answer key or explanation');

select tests.sign_in_anonymously();
select throws_ok($$ select * from public.question_bank $$, '42501', 'permission denied for table question_bank',
  'anonymous cannot read banks');
select throws_ok($$ select * from public.question $$, '42501', 'permission denied for table question',
  'anonymous cannot read questions');
select throws_ok($$ select key from public.question_version $$, '42501', 'permission denied for table question_version',
  'anonymous cannot read answer keys');
select throws_ok($$ select * from public.question_competence $$, '42501', 'permission denied for table question_competence',
  'anonymous cannot read question tags');

-- ───────────── who may not author a bank writes nothing of it ─────────────
-- Anonymous lacks the privilege; a signed-in person is refused by the policies: an insert raises, an
-- update or delete changes no row.
select tests.sign_out();
create temp table bank_before as table public.question_bank;
create temp table question_before as table public.question;
create temp table version_before as table public.question_version;
create temp table tag_before as table public.question_competence;

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
create function pg_temp.cannot_author(persona text, bank text, question text) returns setof text language plpgsql as $$
declare
  b bigint := pg_temp.bank(bank);
  q bigint := pg_temp.question(question);
  owner bigint := (select owner_unit_id from bank_ids where name = bank);
  who text := persona || ' on ' || bank || ': ';
begin
  perform tests.act_as(persona);
  return next pg_temp.cannot_add(persona,
    format('insert into public.question_bank (title, owner_unit_id) values (%L, %s)', 'Bộ đề lạ', coalesce(owner::text, 'null')),
    'question_bank', who || 'cannot add a bank for the same unit');
  return next pg_temp.changes_nothing(persona, format('update public.question_bank set title = %L where id = %s', 'Bị sửa', b),
    'question_bank', who || 'cannot rename the bank');
  return next pg_temp.changes_nothing(persona, format('delete from public.question_bank where id = %s', b),
    'question_bank', who || 'cannot remove the bank');
  return next pg_temp.cannot_add(persona, format('insert into public.question (bank_id) values (%s)', b),
    'question', who || 'cannot add a question');
  return next pg_temp.changes_nothing(persona, format('update public.question set archived = true where id = %s', q),
    'question', who || 'cannot archive a question');
  return next pg_temp.changes_nothing(persona, format('delete from public.question where id = %s', q),
    'question', who || 'cannot remove a question');
  return next pg_temp.cannot_add(persona,
    format($q$ insert into public.question_version (question_id, kind, prompt, content, key)
              values (%s, 'true_false', 'Đáp án bị sửa?', '{}', '{"correct": true}') $q$, q),
    'question_version', who || 'cannot add a version (rewrite the key)');
  return next pg_temp.cannot_add(persona,
    format('insert into public.question_competence values (%s, %s)', q, tests.competence('digcomp22', '1.1')),
    'question_competence', who || 'cannot tag a question');
  return next pg_temp.changes_nothing(persona, format('delete from public.question_competence where question_id = %s', q),
    'question_competence', who || 'cannot remove a question''s tag');
end
$$;
select pg_temp.cannot_author(persona, bank, question) from (values
  ('anonymous', 'bank-a', 'qa'),
  ('citizen_a', 'bank-a', 'qa'),
  ('admin_a', 'bank-a', 'qa'),
  ('organizer_a', 'bank-b', 'qb'),
  -- a bank no unit owns is the province's: organizers cannot author it
  ('organizer_a', 'bank-province', 'qp')
) as attempts (persona, bank, question);

select tests.sign_out();
select results_eq($$ table public.question_bank order by id $$, $$ table bank_before order by id $$,
  'banks are as they were: refused writes changed nothing');
select results_eq($$ table public.question order by id $$, $$ table question_before order by id $$, 'questions are as they were');
select results_eq($$ select id, version, key from public.question_version order by id $$,
  $$ select id, version, key from version_before order by id $$, 'versions are as they were');
select results_eq($$ table public.question_competence order by question_id $$, $$ table tag_before order by question_id $$,
  'tags are as they were');

-- ───────────── the organizer of A authors A's banks ─────────────
select tests.sign_in('organizer_a');
select results_eq(
  $$ with b as (insert into public.question_bank (title, owner_unit_id) values ('Bộ đề tổ dân phố', tests.unit('22366-TDP01'))
                returning id, owner_unit_id, created_by)
     insert into bank_ids select 'bank-village', id, owner_unit_id from b returning (select created_by from b) $$,
  array[tests.id('organizer_a')], 'the organizer of A adds a bank for a village of A (her subtree), as its creator');
select throws_ok(format('insert into public.question_bank (title, owner_unit_id) values (%L, %s)', 'Bộ đề B', tests.unit('22759')),
  '42501', 'new row violates row-level security policy for table "question_bank"', 'but not one for commune B');
select throws_ok($$ insert into public.question_bank (title, owner_unit_id) values ('Bộ đề tỉnh', null) $$,
  '42501', 'new row violates row-level security policy for table "question_bank"', 'nor a province-wide one');
select results_eq(format('update public.question_bank set title = %L where id = %s returning title', 'An toàn số — phường Nha Trang', pg_temp.bank('bank-a')),
  array['An toàn số — phường Nha Trang'], 'she renames A''s bank');
select throws_ok(format('update public.question_bank set owner_unit_id = %s where id = %s', tests.unit('22759'), pg_temp.bank('bank-a')),
  '42501', 'new row violates row-level security policy for table "question_bank"', 'but cannot hand it to commune B');

select results_eq(
  format($q$ with q as (insert into public.question (bank_id) values (%s) returning id, current_version_id)
             insert into question_ids select 'new', id from q returning (select current_version_id from q) $q$, pg_temp.bank('bank-village')),
  array[null::bigint], 'she adds a question to her bank, with no version yet');

-- Versions: numbered 1, 2, … by the database, the last one current.
select results_eq(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key, points)
             values (%s, 'true_false', 'Nên dùng một mật khẩu cho mọi tài khoản?', '{}', '{"correct": false}', 1)
             returning version, created_by $q$, pg_temp.question('new')),
  $$ values (1, tests.id('organizer_a')) $$, 'her question''s first version is version 1, written by her');
select is((select current_version_id from public.question where id = pg_temp.question('new')), pg_temp.version('new', 1),
  'and is the question''s current version');
select results_eq(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key, points)
             values (%s, 'true_false', 'Có nên dùng chung một mật khẩu cho mọi tài khoản không?', '{}', '{"correct": false}', 2)
             returning version $q$, pg_temp.question('new')),
  array[2], 'editing the question adds version 2');
select is((select current_version_id from public.question where id = pg_temp.question('new')), pg_temp.version('new', 2),
  'which becomes current');
select results_eq(format('select version from public.question_version where question_id = %s order by version', pg_temp.question('new')),
  array[1, 2], 'and version 1 is kept');
select throws_ok(
  format($q$ insert into public.question_version (question_id, version, kind, prompt, content, key)
             values (%s, 7, 'true_false', 'Số phiên bản tự chọn?', '{}', '{"correct": true}') $q$, pg_temp.question('new')),
  '42501', 'permission denied for table question_version', 'an author cannot choose the version number');
select results_eq(format('update public.question set current_version_id = %s where id = %s returning current_version_id',
                         pg_temp.version('new', 1), pg_temp.question('new')),
  array[pg_temp.version('new', 1)], 'she may make an earlier version of her question current again');
select throws_ok(format('update public.question set current_version_id = %s where id = %s', pg_temp.version('qa', 1), pg_temp.question('new')),
  '23514', 'current version belongs to another question', 'but not another question''s version');
select throws_ok(format('update public.question set bank_id = %s where id = %s', pg_temp.bank('bank-a'), pg_temp.question('new')),
  '42501', 'permission denied for table question', 'a question cannot be moved to another bank');

-- Versions are immutable, for their author as for the service.
select throws_ok(format('update public.question_version set key = %L where id = %s', '{"correct": true}', pg_temp.version('new', 2)),
  '42501', 'permission denied for table question_version', 'the author cannot change a version''s key');
select throws_ok(format('delete from public.question_version where id = %s', pg_temp.version('new', 1)),
  '42501', 'permission denied for table question_version', 'nor remove a version');
select tests.sign_out();
select throws_ok(format('update public.question_version set prompt = %L where id = %s', 'Sửa lén', pg_temp.version('qa', 1)),
  '23514', 'a question version is never changed; add a new version', 'even the service cannot change a version');
select is(tests.error_of(format('update public.question_version set points = 5 where id = %s', pg_temp.version('qa', 1))),
  '23514 question_version_immutable', 'the refusal carries the hint question_version_immutable');
select results_eq(
  format($q$ insert into public.question_version (question_id, version, kind, prompt, content, key)
             values (%s, 99, 'true_false', 'Phiên bản do dịch vụ thêm?', '{}', '{"correct": true}') returning version $q$,
         pg_temp.question('new')),
  array[3], 'a version number given by the service is replaced by the next one');

-- Tags, archiving and removal.
select tests.sign_in('organizer_a');
select results_eq(format('insert into public.question_competence values (%s, %s) returning question_id',
                         pg_temp.question('new'), tests.competence('digcomp22', '4.1')),
  array[pg_temp.question('new')], 'she tags her question with a competence');
select throws_ok(format('update public.question_competence set competence_id = %s where question_id = %s',
                        tests.competence('digcomp22', '1.1'), pg_temp.question('new')),
  '42501', 'permission denied for table question_competence', 'a tag is removed and added, never changed');
select results_eq(format('delete from public.question_competence where question_id = %s returning question_id', pg_temp.question('qa')),
  array[pg_temp.question('qa')], 'she removes a tag of A''s question');
select results_eq(format('update public.question set archived = true where id = %s returning archived', pg_temp.question('qa')),
  array[true], 'she archives A''s question');
select results_eq(format('delete from public.question where id = %s returning id', pg_temp.question('new')),
  array[pg_temp.question('new')], 'she removes her question');
select tests.sign_out();
select is((select count(*)::int from public.question_version where question_id = pg_temp.question('new')), 0,
  'and its versions go with it');
select tests.sign_in('organizer_a');
select results_eq(format('delete from public.question_bank where id = %s returning id', pg_temp.bank('bank-village')),
  array[pg_temp.bank('bank-village')], 'she removes her village bank');

-- The province admin authors the province's banks too.
select tests.sign_in('province_admin');
select lives_ok($$ insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng tỉnh 2', null) $$,
  'a province admin adds a province-wide bank');
select results_eq(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key)
             values (%s, 'numeric', 'Tổng đài hỗ trợ là số mấy?', '{}', '{"value": 1022, "tolerance": 0}') returning version $q$,
         pg_temp.question('qb')),
  array[2], 'and adds a version to commune B''s question');

-- ───────────── shapes of content and key ─────────────
-- Called as the service, for each kind: a well-formed question, then the malformed ones.
select tests.sign_out();
create function pg_temp.shape(kind text, content text, key text) returns boolean language sql
  as $$ select private.check_question_shape(kind, content::jsonb, key::jsonb) $$;
create function pg_temp.abc() returns text language sql immutable
  as $$ select '{"options": [{"id": "a", "text": "Một"}, {"id": "b", "text": "Hai"}, {"id": "c", "text": "Ba"}]}' $$;
create function pg_temp.items() returns text language sql immutable
  as $$ select '{"items": [{"id": "a", "text": "Mở ứng dụng"}, {"id": "b", "text": "Đăng nhập"}, {"id": "c", "text": "Nộp hồ sơ"}]}' $$;
create function pg_temp.sides() returns text language sql immutable as $$ select
  '{"left": [{"id": "1", "text": "VNeID"}, {"id": "2", "text": "Cổng DVC"}],
    "right": [{"id": "x", "text": "Định danh"}, {"id": "y", "text": "Thủ tục"}, {"id": "z", "text": "Mạng xã hội"}]}' $$;

select is(pg_temp.shape('single', pg_temp.abc(), '{"correct": "b"}'), true, 'single: well formed');
select is(pg_temp.shape('single', pg_temp.abc(), '{"correct": "d"}'), false, 'single: a key id not among the options is refused');
select is(pg_temp.shape('single', pg_temp.abc(), '{"correct": ["b"]}'), false, 'single: a key that is not one id is refused');
select is(pg_temp.shape('single', '{"options": [{"id": "a", "text": "Một"}]}', '{"correct": "a"}'), false,
  'single: one option is too few');
select is(pg_temp.shape('single', '{"options": [{"id": "a", "text": "Một"}, {"id": "a", "text": "Hai"}]}', '{"correct": "a"}'), false,
  'single: repeated option ids are refused');
select is(pg_temp.shape('single', '{"options": [{"id": "a", "text": ""}, {"id": "b", "text": "Hai"}]}', '{"correct": "b"}'), false,
  'single: an empty option text is refused');
select is(pg_temp.shape('single', (select jsonb_build_object('options', jsonb_agg(jsonb_build_object('id', 'o' || n, 'text', 'Ý ' || n)))::text
                                   from generate_series(1, 11) n), '{"correct": "o1"}'), false,
  'single: eleven options are too many');
select is(pg_temp.shape('single', pg_temp.abc(), '{}'), false, 'single: a key without its answer is refused');

select is(pg_temp.shape('multiple', pg_temp.abc(), '{"correct": ["a", "c"]}'), true, 'multiple: well formed');
select is(pg_temp.shape('multiple', pg_temp.abc(), '{"correct": []}'), false, 'multiple: an empty list of correct choices is refused');
select is(pg_temp.shape('multiple', pg_temp.abc(), '{"correct": ["a", "d"]}'), false, 'multiple: a correct id not among the options is refused');
select is(pg_temp.shape('multiple', pg_temp.abc(), '{"correct": ["a", "a"]}'), false, 'multiple: a correct id listed twice is refused');
select is(pg_temp.shape('multiple', pg_temp.abc(), '{"correct": "a"}'), false, 'multiple: correct must be a list');

select is(pg_temp.shape('true_false', '{}', '{"correct": false}'), true, 'true/false: well formed');
select is(pg_temp.shape('true_false', '{}', '{"correct": "false"}'), false, 'true/false: a string for the answer is refused');

select is(pg_temp.shape('ordering', pg_temp.items(), '{"order": ["a", "b", "c"]}'), true, 'ordering: well formed');
select is(pg_temp.shape('ordering', pg_temp.items(), '{"order": ["a", "b"]}'), false, 'ordering: an order missing an item is refused');
select is(pg_temp.shape('ordering', pg_temp.items(), '{"order": ["a", "b", "d"]}'), false, 'ordering: an order with an unknown item is refused');
select is(pg_temp.shape('ordering', pg_temp.items(), '{"order": ["a", "b", "b"]}'), false, 'ordering: an order repeating an item is refused');

select is(pg_temp.shape('matching', pg_temp.sides(), '{"pairs": {"1": "x", "2": "y"}}'), true,
  'matching: well formed (the right column may hold a distractor)');
select is(pg_temp.shape('matching', pg_temp.sides(), '{"pairs": {"1": "x", "2": "w"}}'), false,
  'matching: a pair to an unknown right id is refused');
select is(pg_temp.shape('matching', pg_temp.sides(), '{"pairs": {"1": "x"}}'), false, 'matching: a left item left unpaired is refused');
select is(pg_temp.shape('matching', pg_temp.sides(), '{"pairs": {"1": "x", "2": "y", "3": "z"}}'), false,
  'matching: a pair from an unknown left id is refused');
select is(pg_temp.shape('matching', pg_temp.sides(), '{"pairs": {}}'), false, 'matching: a key with no pairs is refused');

select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false}'), true, 'short text: well formed');
select is(pg_temp.shape('short_text', '{}', '{"answers": [], "accentInsensitive": true}'), false, 'short text: no accepted answer is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["   "], "accentInsensitive": true}'), false, 'short text: a blank answer is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội"]}'), false, 'short text: the accent rule must be stated');

select is(pg_temp.shape('numeric', '{}', '{"value": 3.5, "tolerance": 0}'), true, 'numeric: well formed, exact');
select is(pg_temp.shape('numeric', '{}', '{"value": 3.5, "tolerance": -0.1}'), false, 'numeric: a negative tolerance is refused');
select is(pg_temp.shape('numeric', '{}', '{"value": "3.5", "tolerance": 0}'), false, 'numeric: a value that is not a number is refused');

select is(pg_temp.shape('essay', '{}', '{}'), true, 'essay: well formed (a person grades it)');
select is(pg_temp.shape('essay', '{}', '{"graderInfo": "Nêu được hai ý."}'), true, 'essay: with notes for the grader');
select is(pg_temp.shape('hotspot', '{}', '{}'), false, 'an unknown kind is refused');

-- The same check guards every new version.
select tests.sign_in('organizer_a');
select throws_ok(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key) values (%s, 'single', 'Chọn một', %L, '{"correct": "d"}') $q$,
         pg_temp.question('qa'), pg_temp.abc()),
  '23514', 'malformed question content or key', 'a version whose key names a missing option is refused');
select is(tests.error_of(format($q$ insert into public.question_version (question_id, kind, prompt, content, key)
                                     values (%s, 'numeric', 'Bao nhiêu?', '{}', '{"value": 1, "tolerance": -1}') $q$, pg_temp.question('qa'))),
  '23514 question_shape', 'the refusal carries the hint question_shape');
select throws_ok(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key) values (%s, 'hotspot', 'Bấm vào ảnh', '{}', '{}') $q$,
         pg_temp.question('qa')),
  '23514', 'malformed question content or key', 'a version of an unknown kind is refused');
select results_eq(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key) values (%s, 'essay', 'Viết một đoạn', '{}', '{}')
             returning kind $q$, pg_temp.question('qa')),
  array['essay'], 'an essay version is added');
select throws_ok(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key) values (%s, 'matching', 'Nối', %L, '{"pairs": {}}') $q$,
         pg_temp.question('qa'), pg_temp.sides()),
  '23514', 'malformed question content or key', 'a matching version with no pairs is refused');
select throws_ok(
  format($q$ insert into public.question_version (question_id, kind, prompt, content, key) values (%s, 'true_false', 'Đúng hay sai?', '{}', '{}') $q$,
         pg_temp.question('qa')),
  '23514', 'malformed question content or key', 'a true/false version without its answer is refused');

select * from finish();
rollback;
