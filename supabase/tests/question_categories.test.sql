-- Question categories: a tree of at most five levels per bank (GIFT $CATEGORY:, Moodle XML categories),
-- authors' material like the bank itself. The organizers of the bank's unit (and province admins) read and
-- manage its categories; nobody else reads or writes them. A category lives in its parent's bank, one level
-- below it (the depth is derived, at most 5); a question's category and a quiz pool's belong to their bank
-- (hint category_bank). public.question_category_path finds or creates the category at a path of names,
-- as the caller. A pool with a category draws only from that category and the ones under it, and
-- public.quiz_question_count counts accordingly.
--
-- Some assertions are marked TODO: they state what the migration should do and does not yet (see the
-- notes next to them); the runner counts a TODO as passed, so the file stays green while showing the bug.
begin;
create extension if not exists pgtap with schema extensions;
select plan(73);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql); admin_b is also made an
-- organizer of commune B: an author, but not of commune A's banks ("organizer elsewhere").
select tests.create_personas('citizen_a', 'organizer_a', 'admin_b', 'province_admin');
insert into public.person_role (person_id, role, unit_id) values (tests.id('admin_b'), 'organizer', tests.unit('22759'));

-- ───────────── banks and categories ─────────────
-- bank-a (commune A):  An toàn > Mật khẩu > Nâng cao;  Lừa đảo;  and, per persona, a category to rename and
-- one to remove.  bank-b (commune B): Chung.  bank-import (commune A) is left empty for the path function.
-- Names are kept in temp tables that everyone reads.
create temp table bank_ids (name text primary key, id bigint);
create temp table category_ids (name text primary key, id bigint);
create temp table quiz_ids (name text primary key, id bigint);
create temp table question_ids (name text primary key, id bigint);
grant select, insert on bank_ids, category_ids, quiz_ids, question_ids to anon, authenticated;
create function pg_temp.bank(name text) returns bigint language sql stable as $$ select id from bank_ids x where x.name = $1 $$;
create function pg_temp.category(name text) returns bigint language sql stable as $$ select id from category_ids x where x.name = $1 $$;
create function pg_temp.quiz(name text) returns bigint language sql stable as $$ select id from quiz_ids x where x.name = $1 $$;

insert into public.question_bank (title, owner_unit_id) values
  ('bank-a', tests.unit('22366')), ('bank-b', tests.unit('22759')), ('bank-import', tests.unit('22366'));
insert into bank_ids select title, id from public.question_bank;
create function pg_temp.add_category(bank text, parent text, name text) returns void language sql as $$
  with c as (insert into public.question_category (bank_id, parent_id, name) values (pg_temp.bank(bank), pg_temp.category(parent), name)
             returning id)
  insert into category_ids select name, id from c $$;
select pg_temp.add_category('bank-a', null, 'An toàn');
select pg_temp.add_category('bank-a', 'An toàn', 'Mật khẩu');
select pg_temp.add_category('bank-a', 'Mật khẩu', 'Nâng cao');
select pg_temp.add_category('bank-a', null, 'Lừa đảo');
select pg_temp.add_category('bank-b', null, 'Chung');
select pg_temp.add_category('bank-a', null, prefix || ' ' || persona)
from unnest(array['đổi tên', 'xoá']) prefix cross join unnest(array['citizen_a', 'admin_b', 'organizer_a', 'province_admin']) persona;

-- ───────────── who reads and writes categories ─────────────
create function pg_temp.cannot_add(persona text, statement text, description text) returns text language plpgsql as $$
begin
  return throws_ok(statement, '42501',
    case when persona = 'anonymous' then 'permission denied for table question_category'
         else 'new row violates row-level security policy for table "question_category"' end,
    description);
end
$$;
create function pg_temp.rights(persona text, banks text[], authors_a boolean) returns setof text language plpgsql as $$
declare
  who text := persona || ': ';
  add_one text := format('insert into public.question_category (bank_id, name) values (%s, %L)', pg_temp.bank('bank-a'), 'Mới ' || persona);
  rename_one text := format('update public.question_category set name = name || %L where id = %s returning 1', ' (đã sửa)',
                        pg_temp.category('đổi tên ' || replace(persona, 'anonymous', 'citizen_a')));
  remove_one text := format('delete from public.question_category where id = %s returning 1', pg_temp.category('xoá ' || replace(persona, 'anonymous', 'citizen_a')));
begin
  perform tests.act_as(persona);
  if persona = 'anonymous' then
    return next throws_ok('select * from public.question_category', '42501', 'permission denied for table question_category',
      who || 'cannot read categories');
    return next pg_temp.cannot_add(persona, add_one, who || 'cannot add a category to bank-a');
    return next throws_ok(replace(rename_one, 'returning 1', ''), '42501', 'permission denied for table question_category', who || 'cannot rename one');
    return next throws_ok(replace(remove_one, 'returning 1', ''), '42501', 'permission denied for table question_category', who || 'cannot remove one');
    return;
  end if;
  return next set_eq('select distinct b.name from public.question_category c join bank_ids b on b.id = c.bank_id', banks,
    who || 'reads the categories of ' || coalesce(nullif(array_to_string(banks, ', '), ''), 'no bank'));
  if authors_a then
    return next lives_ok(add_one, who || 'adds a category to bank-a');
    return next results_eq(rename_one, array[1], who || 'renames one');
    return next results_eq(remove_one, array[1], who || 'removes one');
  else
    return next pg_temp.cannot_add(persona, add_one, who || 'cannot add a category to bank-a');
    return next is_empty(rename_one, who || 'cannot rename one');
    return next is_empty(remove_one, who || 'cannot remove one');
  end if;
end
$$;
select pg_temp.rights(persona, banks, authors_a) from (values
  ('anonymous', '{}'::text[], false),
  ('citizen_a', '{}', false),
  ('admin_b', array['bank-b'], false),
  ('organizer_a', array['bank-a'], true),
  ('province_admin', array['bank-a', 'bank-b'], true)
) as who (persona, banks, authors_a);
select tests.sign_out();
select set_eq($$ select c.name from public.question_category c where c.name like 'đổi tên %' or c.name like 'xoá %' $$,
  array['đổi tên admin_b', 'đổi tên citizen_a', 'đổi tên organizer_a (đã sửa)', 'đổi tên province_admin (đã sửa)', 'xoá admin_b', 'xoá citizen_a'],
  'only the authors'' edits went through');
select tests.sign_in('admin_b');
select lives_ok(format('insert into public.question_category (bank_id, name) values (%s, %L)', pg_temp.bank('bank-b'), 'Của phường B'),
  'the organizer of B adds a category to her own bank');

-- ───────────── the tree ─────────────
select tests.sign_in('organizer_a');
select results_eq($$ select c.name, c.depth from public.question_category c
                     where c.id in (pg_temp.category('An toàn'), pg_temp.category('Mật khẩu'), pg_temp.category('Nâng cao')) order by c.depth $$,
  $$ values ('An toàn', 1::smallint), ('Mật khẩu', 2::smallint), ('Nâng cao', 3::smallint) $$, 'a category is one level below its parent');
select lives_ok($$ select pg_temp.add_category('bank-a', 'Nâng cao', 'Cấp 4'), pg_temp.add_category('bank-a', 'Cấp 4', 'Cấp 5') $$,
  'she adds categories down to the fifth level');
select is((select depth from public.question_category where id = pg_temp.category('Cấp 5')), 5::smallint, 'the deepest is at level 5');
select is(left(tests.error_of(format('insert into public.question_category (bank_id, parent_id, name) values (%s, %s, %L)',
                                     pg_temp.bank('bank-a'), pg_temp.category('Cấp 5'), 'Cấp 6')), 5),
  '23514', 'a sixth level is refused');
select throws_ok(format('insert into public.question_category (bank_id, name, depth) values (%s, %L, 3)', pg_temp.bank('bank-a'), 'Tự chọn'),
  '42501', 'permission denied for table question_category', 'an author does not write the depth');
select tests.sign_out();
select results_eq(format('insert into public.question_category (bank_id, name, depth) values (%s, %L, 3) returning depth', pg_temp.bank('bank-a'), 'Dịch vụ'),
  array[1::smallint], 'a depth the service writes is replaced by the derived one');

select tests.sign_in('province_admin');
select is(tests.error_of(format('insert into public.question_category (bank_id, parent_id, name) values (%s, %s, %L)',
                                pg_temp.bank('bank-a'), pg_temp.category('Chung'), 'Lạc')),
  '23514 category_bank', 'a parent from another bank is refused');
select is(tests.error_of(format('update public.question_category set parent_id = %s where id = %s', pg_temp.category('Chung'), pg_temp.category('Lừa đảo'))),
  '23514 category_bank', 'so is moving a category under another bank''s');
select tests.sign_in('organizer_a');
select is(left(tests.error_of(format('insert into public.question_category (bank_id, name) values (%s, %L)', pg_temp.bank('bank-a'), 'Lừa đảo')), 5),
  '23505', 'two categories of the same name under the same parent are refused, at the top too');
select lives_ok(format('insert into public.question_category (bank_id, parent_id, name) values (%s, %s, %L)',
                       pg_temp.bank('bank-a'), pg_temp.category('Lừa đảo'), 'Mật khẩu'),
  'the same name under another parent is fine');
select is(left(tests.error_of(format('insert into public.question_category (bank_id, name) values (%s, %L)', pg_temp.bank('bank-a'), ' Thừa dấu cách ')), 5),
  '23514', 'a name with surrounding spaces is refused');

-- Moving categories. Each statement below is undone whether it goes through or not (pg_temp.undone), so
-- that a move the migration wrongly accepts leaves no cycle behind for the draws further down.
create function pg_temp.undone(statement text) returns text language plpgsql as $$
declare
  state text;
  hint text;
begin
  execute statement;
  raise exception 'undo' using errcode = 'ZX001';
exception
  when sqlstate 'ZX001' then return 'no error';
  when others then
    get stacked diagnostics state = returned_sqlstate, hint = pg_exception_hint;
    return state || ' ' || coalesce(nullif(hint, ''), '(no hint)');
end
$$;
-- Whether every category is one level below its parent once the statement ran (or was refused); undone too.
create function pg_temp.depths_hold_after(statement text) returns boolean language plpgsql as $$
declare
  hold boolean := true;
begin
  execute statement;
  select not exists (select 1 from public.question_category c join public.question_category p on p.id = c.parent_id
                     where c.depth <> p.depth + 1) into hold;
  raise exception 'undo' using errcode = 'ZX001';
exception
  when sqlstate 'ZX001' then return hold;
  when others then return true;
end
$$;
select is(pg_temp.undone(format('update public.question_category set name = %L where id = %s', 'Mật khẩu mạnh', pg_temp.category('Mật khẩu'))),
  'no error', 'the organizer may rename a category');
-- A cycle would make every draw from the category loop: a category is never put under itself.
select isnt(pg_temp.undone(format('update public.question_category set parent_id = id where id = %s', pg_temp.category('Lừa đảo'))),
  'no error', 'a category cannot be its own parent');
select isnt(pg_temp.undone(format('update public.question_category set parent_id = %s where id = %s',
                                  pg_temp.category('Nâng cao'), pg_temp.category('An toàn'))),
  'no error', 'nor be moved under one of its own subcategories');
-- Moving a category moves everything under it: their levels follow, and the five-level limit counts them.
select ok(pg_temp.depths_hold_after(format('update public.question_category set parent_id = null where id = %s', pg_temp.category('Mật khẩu'))),
  'moving a category to the top keeps every subcategory one level below its parent');
select isnt(pg_temp.undone(format('update public.question_category set parent_id = %s where id = %s',
                                  pg_temp.category('Lừa đảo'), pg_temp.category('An toàn'))),
  'no error', 'moving a five-level tree one level down (a sixth level) is refused');

-- ───────────── questions and pools keep to their bank's categories ─────────────
-- True/false questions of bank-a, for the draws further down: top (An toàn), pw and pw-tagged (Mật khẩu,
-- pw-tagged with 4.1), advanced (Nâng cao), scam (Lừa đảo), loose (no category), old (Mật khẩu, archived).
select tests.sign_out();
create function pg_temp.add_question(name text, category text, tagged boolean default false) returns void language plpgsql as $$
declare
  q bigint;
begin
  insert into public.question (bank_id, category_id) values (pg_temp.bank('bank-a'), pg_temp.category(category)) returning id into q;
  insert into question_ids values (name, q);
  insert into public.question_version (question_id, kind, prompt, content, key) values (q, 'true_false', 'Câu ' || name, '{}', '{"correct": true}');
  if tagged then
    insert into public.question_competence values (q, tests.competence('digcomp22', '4.1'));
  end if;
end
$$;
select pg_temp.add_question(name, category, tagged) from (values
  ('top', 'An toàn', false), ('pw', 'Mật khẩu', false), ('pw-tagged', 'Mật khẩu', true), ('advanced', 'Nâng cao', false),
  ('scam', 'Lừa đảo', false), ('loose', null, false), ('old', 'Mật khẩu', false)
) as x (name, category, tagged);
update public.question set archived = true where id = (select id from question_ids where name = 'old');
insert into public.quiz (title, owner_unit_id, status) values ('quiz-a', tests.unit('22366'), 'draft');
insert into quiz_ids select title, id from public.quiz;

select tests.sign_in('organizer_a');
select is(tests.error_of(format('insert into public.question (bank_id, category_id) values (%s, %s)', pg_temp.bank('bank-a'), pg_temp.category('Chung'))),
  '23514 category_bank', 'a question in another bank''s category is refused');
select is(tests.error_of(format('update public.question set category_id = %s where id = (select id from question_ids where name = ''scam'')',
                                pg_temp.category('Chung'))),
  '23514 category_bank', 'a question cannot be moved to another bank''s category');
select results_eq(format('update public.question set category_id = %s where id = (select id from question_ids where name = ''loose'') returning category_id',
                         pg_temp.category('Lừa đảo')),
  array[pg_temp.category('Lừa đảo')], 'but to one of its own bank''s');
update public.question set category_id = null where id = (select id from question_ids where name = 'loose');
select is(tests.error_of(format('insert into public.quiz_pool (quiz_id, bank_id, category_id, draw_count) values (%s, %s, %s, 1)',
                                pg_temp.quiz('quiz-a'), pg_temp.bank('bank-a'), pg_temp.category('Chung'))),
  '23514 category_bank', 'a pool drawing from bank A in bank B''s category is refused');
select lives_ok(format('insert into public.quiz_pool (quiz_id, bank_id, category_id, draw_count) values (%s, %s, %s, 1)',
                       pg_temp.quiz('quiz-a'), pg_temp.bank('bank-a'), pg_temp.category('Lừa đảo')),
  'a pool drawing from a category of its bank is added');
select is(tests.error_of(format('update public.quiz_pool set category_id = %s where quiz_id = %s', pg_temp.category('Chung'), pg_temp.quiz('quiz-a'))),
  '23514 category_bank', 'and cannot be moved to another bank''s category');

-- ───────────── question_category_path ─────────────
-- The category at a path of names, as the chain of names from the top, and how many categories the call
-- added; each call is undone (a call the migration gets wrong leaves nothing behind).
create function pg_temp.placed(bank text, path text[]) returns text language plpgsql as $$
declare
  before_count integer := (select count(*) from public.question_category);
  result text;
  found_id bigint;
  state text;
  hint text;
begin
  found_id := public.question_category_path(pg_temp.bank(bank), path);
  with recursive up as (
    select c.id, c.parent_id, c.name, 1 as n from public.question_category c where c.id = found_id
    union all
    select c.id, c.parent_id, c.name, up.n + 1 from public.question_category c join up on c.id = up.parent_id where up.n < 10
  )
  select string_agg(up.name, ' > ' order by up.n desc) || format(' (%s new)', (select count(*) from public.question_category) - before_count)
  into result from up;
  raise exception 'undo' using errcode = 'ZX001';
exception
  when sqlstate 'ZX001' then return result;
  when others then
    get stacked diagnostics state = returned_sqlstate, hint = pg_exception_hint;
    return state || ' ' || coalesce(nullif(hint, ''), '(no hint)');
end
$$;
-- Whether calling it with the first path, then the second, finds the same category the second time
-- without adding any; undone too.
create function pg_temp.found_again(bank text, first_path text[], second_path text[]) returns text language plpgsql as $$
declare
  first_id bigint;
  second_id bigint;
  added integer;
  result text;
  state text;
  hint text;
begin
  first_id := public.question_category_path(pg_temp.bank(bank), first_path);
  added := (select count(*) from public.question_category);
  second_id := public.question_category_path(pg_temp.bank(bank), second_path);
  added := (select count(*) from public.question_category) - added;
  result := case when first_id = second_id then 'the same category' else 'another category' end || format(', %s new', added);
  raise exception 'undo' using errcode = 'ZX001';
exception
  when sqlstate 'ZX001' then return result;
  when others then
    get stacked diagnostics state = returned_sqlstate, hint = pg_exception_hint;
    return state || ' ' || coalesce(nullif(hint, ''), '(no hint)');
end
$$;

select tests.sign_in('organizer_a');
select is(pg_temp.placed('bank-import', array['Phần mềm']), 'Phần mềm (1 new)', 'a one-name path creates a top category');
select is(pg_temp.found_again('bank-import', array['Phần mềm'], array[' Phần mềm ']), 'the same category, 0 new',
  'and finds it again (names trimmed), adding nothing');
select is(pg_temp.placed('bank-a', array['An toàn', 'Mật khẩu', 'Nâng cao']), 'An toàn > Mật khẩu > Nâng cao (0 new)',
  'an existing path is found, adding nothing');
select is(public.question_category_path(pg_temp.bank('bank-a'), '{}'), null, 'an empty path is no category (the bank''s top)');
select is(pg_temp.placed('bank-import', array['Thiết bị', 'Điện thoại', 'Android']), 'Thiết bị > Điện thoại > Android (3 new)',
  'a new path of three names creates the three levels, each under the previous one');
select is(pg_temp.placed('bank-a', array['An toàn', 'Mật khẩu', 'Mới']), 'An toàn > Mật khẩu > Mới (1 new)',
  'a path whose last level is new creates it under the existing ones');
select is(pg_temp.found_again('bank-import', array['Thiết bị', 'Điện thoại', 'Android'], array['Thiết bị', 'Điện thoại', 'Android']),
  'the same category, 0 new', 'the same path again returns the same category and creates nothing');
select is(pg_temp.found_again('bank-import', array['Thiết bị', 'Điện thoại'], array[' Thiết bị', 'Điện thoại  ']),
  'the same category, 0 new', 'names are trimmed');
select is(pg_temp.placed('bank-import', array['1', '2', '3', '4', '5']), '1 > 2 > 3 > 4 > 5 (5 new)', 'a path five levels deep is fine');
select is(left(pg_temp.placed('bank-import', array['1', '2', '3', '4', '5', '6']), 5), '23514', 'a path six levels deep is refused');
select tests.sign_in('citizen_a');
select is(pg_temp.placed('bank-a', array['Của tôi']), '42501 (no hint)', 'a citizen cannot create categories through a path');
select tests.sign_in('admin_b');
select is(pg_temp.placed('bank-a', array['Của B']), '42501 (no hint)', 'nor can an organizer of another unit in bank-a');
select is(pg_temp.placed('bank-b', array['Của B']), 'Của B (1 new)', 'who can in her own bank');
select tests.sign_in_anonymously();
select throws_ok(format('select public.question_category_path(%s, array[''X''])', pg_temp.bank('bank-a')), '42501',
  'permission denied for function question_category_path', 'anonymous may not call it');

-- ───────────── drawing from a category ─────────────
select tests.sign_out();
insert into public.quiz (title, owner_unit_id, status, shuffle_questions) values
  ('from-top', tests.unit('22366'), 'published', false), ('from-pw', tests.unit('22366'), 'published', false),
  ('from-advanced', tests.unit('22366'), 'published', false), ('from-top-two', tests.unit('22366'), 'published', false),
  ('from-pw-tagged', tests.unit('22366'), 'published', false), ('whole-bank', tests.unit('22366'), 'published', false);
insert into quiz_ids select title, id from public.quiz where title <> 'quiz-a';
select tests.sign_in('organizer_a');
select lives_ok(format($q$ insert into public.quiz_pool (quiz_id, bank_id, category_id, competence_id, draw_count)
                          select pg_temp.quiz(x.quiz), %s, pg_temp.category(x.category), x.competence, x.draw_count from (values
                            ('from-top', 'An toàn', null::bigint, 10), ('from-pw', 'Mật khẩu', null, 10), ('from-advanced', 'Nâng cao', null, 10),
                            ('from-top-two', 'An toàn', null, 2), ('from-pw-tagged', 'Mật khẩu', tests.competence('digcomp22', '4.1'), 10),
                            ('whole-bank', null, null, 10)) as x (quiz, category, competence, draw_count) $q$, pg_temp.bank('bank-a')),
  'the organizer adds pools drawing from categories of her bank');

-- The number of questions a learner is told an attempt draws, and the questions an attempt drew.
create function pg_temp.draws(quiz text, expected text[], described text) returns setof text language plpgsql as $$
declare
  attempt uuid;
begin
  perform tests.sign_in('citizen_a');
  return next is(public.quiz_question_count(pg_temp.quiz(quiz)), cardinality(expected),
    quiz || ': quiz_question_count says ' || cardinality(expected));
  attempt := public.start_quiz_attempt(pg_temp.quiz(quiz));
  perform tests.sign_out();
  return next set_eq(format($q$ select x.name from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
                                join question_ids x on x.id = v.question_id where aq.attempt_id = %L $q$, attempt),
    expected, quiz || ': ' || described);
end
$$;
select pg_temp.draws('from-top', array['top', 'pw', 'pw-tagged', 'advanced'], 'draws the category and every one under it, not the archived question');
select pg_temp.draws('from-pw', array['pw', 'pw-tagged', 'advanced'], 'draws the subcategory and the one under it, not its parent');
select pg_temp.draws('from-advanced', array['advanced'], 'draws the deepest category alone');
select pg_temp.draws('from-pw-tagged', array['pw-tagged'], 'draws only the questions of the subtree with the competence');
select pg_temp.draws('whole-bank', array['top', 'pw', 'pw-tagged', 'advanced', 'scam', 'loose'], 'a pool without a category draws from the whole bank');
select tests.sign_in('citizen_a');
select is(public.quiz_question_count(pg_temp.quiz('from-top-two')), 2, 'from-top-two: quiz_question_count says 2 (the pool draws two of four)');
select lives_ok($$ select public.start_quiz_attempt(pg_temp.quiz('from-top-two')) $$, 'from-top-two: an attempt starts');
select tests.sign_out();
select results_eq($$ select count(*)::int, bool_and(x.name = any (array['top', 'pw', 'pw-tagged', 'advanced']))
                     from public.quiz_attempt a join public.attempt_question aq on aq.attempt_id = a.id
                     join public.question_version v on v.id = aq.question_version_id join question_ids x on x.id = v.question_id
                     where a.quiz_id = pg_temp.quiz('from-top-two') $$,
  $$ values (2, true) $$, 'from-top-two: it drew two questions, both from the category''s subtree');

-- A category a quiz draws from stays: removing it would make the quiz draw from elsewhere without a word.
select tests.sign_in('organizer_a');
select throws_ok(format('delete from public.question_category where id = %s', pg_temp.category('Nâng cao')), '23503', null,
  'a category that a quiz''s pool draws from cannot be removed');

select * from finish();
rollback;
