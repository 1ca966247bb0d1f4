-- Grading: private.grade(kind, key, response, points) gives the points a response earns, by the rules stated
-- above its definition. Single choice, true/false, short text and numeric answers earn all the points or
-- none; multiple choice earns points/C per correct choice ticked and loses as much per wrong one (C = the
-- number of correct choices), never below zero; ordering earns the share of items in their right place,
-- matching the share of pairs matched right. Short answers ignore case and spacing, and accents when the
-- key says so; numeric answers count within the tolerance, its edge included. A missing or malformed
-- response earns nothing, and every result is rounded to 2 decimals. Called as the service, as the
-- attempt functions call it.
begin;
create extension if not exists pgtap with schema extensions;
select plan(67);

select tests.sign_out();
-- Grades a response (as JSON text) against a key of the kind, for the points.
create function pg_temp.grade(kind text, key text, response text, points numeric default 1) returns numeric language sql
  as $$ select private.grade(kind, key::jsonb, response::jsonb, points) $$;

select ok(has_function_privilege('service_role', 'private.grade(text, jsonb, jsonb, numeric)', 'execute'),
  'the service role may call private.grade');

-- ───────────── single choice ─────────────
select is(pg_temp.grade('single', '{"correct": "b"}', '{"choice": "b"}'), 1.00, 'single: the right choice earns the point');
select is(pg_temp.grade('single', '{"correct": "b"}', '{"choice": "b"}', 3), 3.00, 'single: the right choice earns all 3 points');
select is(pg_temp.grade('single', '{"correct": "b"}', '{"choice": "a"}', 3), 0.00, 'single: a wrong choice earns nothing');
select is(pg_temp.grade('single', '{"correct": "b"}', '{"choice": ["b"]}', 3), 0.00, 'single: a list instead of one choice earns nothing');

-- ───────────── multiple choice ─────────────
-- Options a–e, correct a, b, c (C = 3).
create function pg_temp.multiple(choices text, points numeric default 3) returns numeric language sql
  as $$ select pg_temp.grade('multiple', '{"correct": ["a", "b", "c"]}', format('{"choices": %s}', choices), points) $$;
select is(pg_temp.multiple('["a", "b", "c"]'), 3.00, 'multiple: every correct choice and no wrong one earns all the points');
select is(pg_temp.multiple('["c", "a", "b"]'), 3.00, 'multiple: in any order');
select is(pg_temp.multiple('["a", "b"]'), 2.00, 'multiple: two correct choices of three earn 2/3 of the points');
select is(pg_temp.multiple('["a"]'), 1.00, 'multiple: one correct choice of three earns 1/3');
select is(pg_temp.multiple('["a", "b", "d"]'), 1.00, 'multiple: two correct and one wrong earn (2 − 1)/3');
select is(pg_temp.multiple('["a", "b", "c", "d"]'), 2.00, 'multiple: all correct and one wrong earn (3 − 1)/3');
select is(pg_temp.multiple('["a", "d", "e"]'), 0.00, 'multiple: one correct and two wrong earn nothing, never less');
select is(pg_temp.multiple('["d", "e"]'), 0.00, 'multiple: only wrong choices earn nothing');
select is(pg_temp.multiple('["a", "b", "c", "d", "e"]'), 1.00, 'multiple: ticking all five earns only (3 − 2)/3');
select is(pg_temp.grade('multiple', '{"correct": ["b"]}', '{"choices": ["a", "b", "c", "d"]}', 2), 0.00,
  'multiple: ticking every option of a one-answer question earns nothing');
select is(pg_temp.multiple('["a", "a", "a"]'), 1.00, 'multiple: a choice ticked three times counts once');
select is(pg_temp.multiple('[]'), 0.00, 'multiple: no choice earns nothing');
select is(pg_temp.multiple('"a"'), 0.00, 'multiple: a single string instead of a list earns nothing');
select is(pg_temp.multiple('["a", "b"]', 1), 0.67, 'multiple: 2/3 of a point is rounded to 0.67');
select is(pg_temp.multiple('["a"]', 1), 0.33, 'multiple: 1/3 of a point is rounded to 0.33');

-- ───────────── true / false ─────────────
select is(pg_temp.grade('true_false', '{"correct": false}', '{"value": false}', 2), 2.00, 'true/false: the right answer earns the points');
select is(pg_temp.grade('true_false', '{"correct": false}', '{"value": true}', 2), 0.00, 'true/false: the wrong answer earns nothing');
select is(pg_temp.grade('true_false', '{"correct": false}', '{"value": "false"}', 2), 0.00, 'true/false: the string "false" earns nothing');
select is(pg_temp.grade('true_false', '{"correct": true}', '{"value": 1}', 2), 0.00, 'true/false: the number 1 is not true');

-- ───────────── ordering ─────────────
-- Key a, b, c, d.
create function pg_temp.ordering(response_order text, points numeric default 1) returns numeric language sql
  as $$ select pg_temp.grade('ordering', '{"order": ["a", "b", "c", "d"]}', format('{"order": %s}', response_order), points) $$;
select is(pg_temp.ordering('["a", "b", "c", "d"]', 4), 4.00, 'ordering: every item in place earns all the points');
select is(pg_temp.ordering('["a", "b", "d", "c"]', 4), 2.00, 'ordering: two items of four in place earn half');
select is(pg_temp.ordering('["b", "a", "c", "d"]', 3), 1.50, 'ordering: two of four in place earn half of 3 points');
select is(pg_temp.ordering('["d", "c", "b", "a"]', 4), 0.00, 'ordering: the reverse order places no item right');
select is(pg_temp.ordering('["b", "c", "d", "a"]', 4), 0.00, 'ordering: everything shifted by one places no item right');
select is(pg_temp.grade('ordering', '{"order": ["a", "b", "c"]}', '{"order": ["a", "c", "b"]}', 1), 0.33,
  'ordering: one item of three in place earns 0.33 of a point');
select is(pg_temp.grade('ordering', '{"order": ["a", "b", "c"]}', '{"order": ["a", "c", "b"]}', 2.5), 0.83,
  'ordering: one item of three in place earns 0.83 of 2.5 points');
select is(pg_temp.grade('ordering', '{"order": ["a", "b", "c"]}', '{}', 1), 0.00, 'ordering: no order earns nothing');

-- ───────────── matching ─────────────
-- Key 1→x, 2→y, 3→z.
create function pg_temp.matching(pairs text, points numeric default 3) returns numeric language sql
  as $$ select pg_temp.grade('matching', '{"pairs": {"1": "x", "2": "y", "3": "z"}}', format('{"pairs": %s}', pairs), points) $$;
select is(pg_temp.matching('{"1": "x", "2": "y", "3": "z"}'), 3.00, 'matching: every pair right earns all the points');
select is(pg_temp.matching('{"1": "x", "2": "z", "3": "y"}'), 1.00, 'matching: one pair of three right earns 1/3');
select is(pg_temp.matching('{"1": "x", "2": "y"}'), 2.00, 'matching: two pairs right and one left out earn 2/3');
select is(pg_temp.matching('{"1": "y", "2": "z", "3": "x"}'), 0.00, 'matching: no pair right earns nothing');
select is(pg_temp.matching('{"1": "x", "2": "y", "3": "z"}', 1) - pg_temp.matching('{"1": "x", "2": "y"}', 1), 0.33,
  'matching: each pair is worth a third of a point, rounded');
select is(pg_temp.matching('[["1", "x"], ["2", "y"], ["3", "z"]]'), 0.00, 'matching: pairs as a list instead of an object earn nothing');

-- ───────────── short text ─────────────
create function pg_temp.short_text(answer text, accent_insensitive boolean, points numeric default 1) returns numeric language sql
  as $$ select private.grade('short_text', jsonb_build_object('answers', jsonb_build_array('Hà Nội', 'Thủ đô'), 'accentInsensitive', accent_insensitive),
                             jsonb_build_object('text', answer), points) $$;
select is(pg_temp.short_text('Hà Nội', false), 1.00, 'short text: the accepted answer as written is right');
select is(pg_temp.short_text('hà nội', false), 1.00, 'short text: case does not matter');
select is(pg_temp.short_text('HÀ NỘI', false), 1.00, 'short text: nor capitals with accents');
select is(pg_temp.short_text('   Hà     Nội  ', false), 1.00, 'short text: nor surrounding and repeated spaces');
select is(pg_temp.short_text(E'Hà\tNội', false), 1.00, 'short text: a tab counts as a space');
select is(pg_temp.short_text('thủ đô', false), 1.00, 'short text: any of the accepted answers is right');
select is(pg_temp.short_text('ha noi', false), 0.00, 'short text: "ha noi" is wrong when accents matter');
select is(pg_temp.short_text('Hà Nôi', false), 0.00, 'short text: so is a missing tone mark');
select is(pg_temp.short_text('ha noi', true), 1.00, 'short text: "ha noi" is right when accents do not matter');
select is(pg_temp.short_text('  HA   NOI ', true), 1.00, 'short text: in capitals and spaced out too');
select is(pg_temp.short_text('thu do', true), 1.00, 'short text: đ reads as d when accents do not matter');
select is(pg_temp.short_text('Hà Nội.', true), 0.00, 'short text: punctuation still matters');
select is(pg_temp.short_text('Hải Phòng', true, 2), 0.00, 'short text: another answer earns nothing');
select is(pg_temp.grade('short_text', '{"answers": ["42"], "accentInsensitive": false}', '{"text": 42}'), 0.00,
  'short text: a number instead of a text earns nothing');

-- ───────────── numeric ─────────────
create function pg_temp.numeric_answer(response text, value text default '3.14', tolerance text default '0.01') returns numeric language sql
  as $$ select pg_temp.grade('numeric', format('{"value": %s, "tolerance": %s}', value, tolerance), format('{"value": %s}', response), 2) $$;
select is(pg_temp.numeric_answer('3.14'), 2.00, 'numeric: the exact value is right');
select is(pg_temp.numeric_answer('3.145'), 2.00, 'numeric: a value within the tolerance is right');
select is(pg_temp.numeric_answer('3.15'), 2.00, 'numeric: a value at the tolerance above is right');
select is(pg_temp.numeric_answer('3.13'), 2.00, 'numeric: a value at the tolerance below is right');
select is(pg_temp.numeric_answer('3.1501'), 0.00, 'numeric: a value just over the tolerance is wrong');
select is(pg_temp.numeric_answer('42', '42', '0'), 2.00, 'numeric: with no tolerance, the exact value is right');
select is(pg_temp.numeric_answer('42.001', '42', '0'), 0.00, 'numeric: with no tolerance, anything else is wrong');
select is(pg_temp.numeric_answer('-6', '-5', '1'), 2.00, 'numeric: negative values too');
select is(pg_temp.numeric_answer('"3.14"'), 0.00, 'numeric: a number written as a string earns nothing');

-- ───────────── missing and malformed responses ─────────────
select is(private.grade('single', '{"correct": "b"}', null, 1), 0.00, 'no response at all earns nothing');
select is(pg_temp.grade('single', '{"correct": "b"}', 'null'), 0.00, 'a JSON null earns nothing');
select is(pg_temp.grade('single', '{"correct": "b"}', '"b"'), 0.00, 'a bare string instead of a response object earns nothing');
select is(pg_temp.grade('true_false', '{"correct": true}', '[true]'), 0.00, 'a list instead of a response object earns nothing');
select is(pg_temp.grade('true_false', '{"correct": true}', '{}'), 0.00, 'an empty response object earns nothing');
select is(pg_temp.grade('essay', '{"correct": "b"}', '{"choice": "b"}'), 0.00, 'a response to an unknown kind earns nothing');

select * from finish();
rollback;
