-- The question model as authors bring it from Moodle: answer weights (Moodle's fractions, negative for a
-- wrong choice), per-answer feedback, partial numeric answers, essays and cloze questions.
-- private.grade(kind, key, response, points) applies the rules stated above private.grade_fraction: a single
-- choice earns its weight (below zero is zero); ticked multiple choices add their weights, between 0 and
-- 100 %; a short answer earns the best weight among the accepted answers it matches; a number outside the
-- tolerance earns the best partial answer it falls within; a cloze earns each gap by its kind's rule,
-- weighted by the gap's points; an essay earns nothing here (a person grades it). Results are rounded to 2
-- decimals. private.check_question_shape refuses weights, feedback, partial answers, essays and cloze
-- questions that do not fit src/lib/quiz/question.ts, and is never null. Called as the service.
begin;
create extension if not exists pgtap with schema extensions;
select plan(121);

select tests.sign_out();
create function pg_temp.grade(kind text, key text, response text, points numeric default 2) returns numeric language sql
  as $$ select private.grade(kind, key::jsonb, response::jsonb, points) $$;
create function pg_temp.shape(kind text, content text, key text) returns boolean language sql
  as $$ select private.check_question_shape(kind, content::jsonb, key::jsonb) $$;
create function pg_temp.abcd() returns text language sql immutable as $$ select
  '{"options": [{"id": "a", "text": "Một"}, {"id": "b", "text": "Hai"}, {"id": "c", "text": "Ba"}, {"id": "d", "text": "Bốn"}]}' $$;

-- ───────────── single choice with weights ─────────────
-- b is right (100 %), c half right (50 %), a is penalised (−50 %), d has no weight.
create function pg_temp.single(choice text, points numeric default 2) returns numeric language sql as $$
  select pg_temp.grade('single', '{"correct": "b", "weights": {"b": 100, "c": 50, "a": -50}}', format('{"choice": "%s"}', choice), points) $$;
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 100, "c": 50, "a": -50}}'), true,
  'single: weights with the correct choice at 100 % are well formed');
select is(pg_temp.single('b'), 2.00, 'single with weights: the correct choice earns all the points');
select is(pg_temp.single('c'), 1.00, 'single with weights: a 50 % choice earns half');
select is(pg_temp.single('c', 1.25), 0.63, 'single with weights: half of 1.25 points, rounded');
select is(pg_temp.single('a'), 0.00, 'single with weights: a negative weight earns nothing, not less');
select is(pg_temp.single('d'), 0.00, 'single with weights: a choice without a weight earns nothing');
select is(pg_temp.single('z'), 0.00, 'single with weights: an unknown choice earns nothing');
select is(pg_temp.grade('single', '{"correct": "b", "weights": {"b": 100}}', '{"choice": ["b"]}'), 0.00,
  'single with weights: a list instead of one choice earns nothing');
select is(pg_temp.grade('single', '{"correct": "b", "feedback": {"a": "Quá ngắn", "b": "Đúng"}}', '{"choice": "b"}'), 2.00,
  'single: feedback does not change the grade');

-- ───────────── multiple choice with weights ─────────────
-- a and c are worth 50 % each; b takes 50 % away, d all of it.
create function pg_temp.multiple(choices text, points numeric default 2) returns numeric language sql as $$
  select pg_temp.grade('multiple', '{"correct": ["a", "c"], "weights": {"a": 50, "c": 50, "b": -50, "d": -100}}',
                       format('{"choices": %s}', choices), points) $$;
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "c"], "weights": {"a": 50, "c": 50, "b": -50, "d": -100}}'), true,
  'multiple: weights whose positive ones are the correct choices are well formed');
select is(pg_temp.multiple('["a", "c"]'), 2.00, 'multiple with weights: both correct choices earn everything');
select is(pg_temp.multiple('["c"]'), 1.00, 'multiple with weights: one of them earns its 50 %');
select is(pg_temp.multiple('["a", "c", "b"]'), 1.00, 'multiple with weights: a negative weight subtracts (100 − 50 %)');
select is(pg_temp.multiple('["a", "b"]'), 0.00, 'multiple with weights: 50 − 50 % earns nothing');
select is(pg_temp.multiple('["a", "b", "c", "d"]'), 0.00, 'multiple with weights: ticking everything (−50 %) earns nothing, never less');
select is(pg_temp.multiple('["c", "c", "c"]'), 1.00, 'multiple with weights: a choice ticked three times counts once');
select is(pg_temp.multiple('[]'), 0.00, 'multiple with weights: no choice earns nothing');
select is(pg_temp.multiple('"a"'), 0.00, 'multiple with weights: a string instead of a list earns nothing');
select is(pg_temp.grade('multiple', '{"correct": ["a", "b", "c"], "weights": {"a": 50, "b": 50, "c": 50}}', '{"choices": ["a", "b", "c"]}'), 2.00,
  'multiple with weights: weights adding up to 150 % earn at most all the points');
select is(pg_temp.grade('multiple', '{"correct": ["a", "b", "c"], "weights": {"a": 50, "b": 50, "c": 50}}', '{"choices": ["a", "b"]}'), 2.00,
  'multiple with weights: two of them already earn 100 %');
-- As Moodle requires, the right choices together are worth all the points: no more, no less.
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "b", "c"], "weights": {"a": 50, "b": 50, "c": 50}}'), false,
  'multiple: positive weights adding up to 150 % are refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "b"], "weights": {"a": 30, "b": 30, "c": -100}}'), false,
  'multiple: positive weights adding up to 60 % are refused (the question could never be answered fully right)');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "b", "c"], "weights": {"a": 33.33333, "b": 33.33333, "c": 33.33333, "d": -100}}'), true,
  'multiple: thirds written as 33.33333 % are fine');

-- ───────────── true / false with feedback ─────────────
select is(pg_temp.grade('true_false', '{"correct": false, "feedback": {"true": "Không bao giờ", "false": "Đúng vậy"}}', '{"value": false}'), 2.00,
  'true/false: feedback does not change the grade');

-- ───────────── short text with weights ─────────────
-- "Hà Nội" 100 %, "Ha Noi" (without accents) 50 %, "Thủ đô" 20 %.
create function pg_temp.short_text(answer text, accent_insensitive boolean default false) returns numeric language sql as $$
  select private.grade('short_text',
    jsonb_build_object('answers', jsonb_build_array('Hà Nội', 'Ha Noi', 'Thủ đô'), 'accentInsensitive', accent_insensitive,
                       'weights', jsonb_build_array(100, 50, 20), 'feedback', jsonb_build_array('Chính xác', 'Thiếu dấu', null)),
    jsonb_build_object('text', answer), 2) $$;
select is(pg_temp.short_text(' hà   nội '), 2.00, 'short text with weights: the 100 % answer earns everything');
select is(pg_temp.short_text('HA NOI'), 1.00, 'short text with weights: the 50 % answer earns half');
select is(pg_temp.short_text('thủ đô'), 0.40, 'short text with weights: the 20 % answer earns a fifth');
select is(pg_temp.short_text('ha noi', true), 2.00,
  'short text with weights: an answer matching several accepted ones earns the best weight');
select is(pg_temp.short_text('Hải Phòng'), 0.00, 'short text with weights: another answer earns nothing');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "HÀ NỘI"], "accentInsensitive": false, "weights": [40, 100]}'), true,
  'short text: answers differing only in case are accepted');
select is(pg_temp.grade('short_text', '{"answers": ["Hà Nội", "HÀ NỘI"], "accentInsensitive": false, "weights": [40, 100]}', '{"text": "Hà Nội"}'), 2.00,
  'and a response matching both earns the better weight, whichever comes first');

-- ───────────── numeric with partial answers ─────────────
-- 100 exactly; 100 ± 5 earns 50 %, 100 ± 10 earns 20 %, 1000 (a common slip) 10 %.
create function pg_temp.numeric_answer(response text) returns numeric language sql as $$
  select pg_temp.grade('numeric', '{"value": 100, "tolerance": 0, "feedback": "Một trăm",
    "partial": [{"value": 100, "tolerance": 5, "weight": 50}, {"value": 100, "tolerance": 10, "weight": 20},
                {"value": 1000, "tolerance": 0, "weight": 10, "feedback": "Thừa một số 0"}]}', format('{"value": %s}', response)) $$;
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "feedback": "Một trăm",
    "partial": [{"value": 100, "tolerance": 5, "weight": 50}, {"value": 100, "tolerance": 10, "weight": 20},
                {"value": 1000, "tolerance": 0, "weight": 10, "feedback": "Thừa một số 0"}]}'), true,
  'numeric: partial answers and feedback are well formed');
select is(pg_temp.numeric_answer('100'), 2.00, 'numeric with partial answers: the exact value earns everything');
select is(pg_temp.numeric_answer('103'), 1.00, 'numeric with partial answers: within the first partial answer, 50 %');
select is(pg_temp.numeric_answer('95'), 1.00, 'numeric with partial answers: its edge included');
select is(pg_temp.numeric_answer('108'), 0.40, 'numeric with partial answers: within only the wider one, 20 %');
select is(pg_temp.numeric_answer('1000'), 0.20, 'numeric with partial answers: the slip earns its 10 %');
select is(pg_temp.numeric_answer('111'), 0.00, 'numeric with partial answers: outside all of them, nothing');
select is(pg_temp.numeric_answer('"100"'), 0.00, 'numeric with partial answers: a string earns nothing');

-- ───────────── cloze ─────────────
-- Gap 1: a short answer worth 1 point; gap 2: a single choice worth 3 (b right, c half right).
create function pg_temp.cloze_key() returns text language sql immutable as $$ select
  '{"gaps": [{"kind": "short_text", "points": 1, "answers": ["1022"], "accentInsensitive": true},
             {"kind": "single", "points": 3, "correct": "b", "weights": {"b": 100, "c": 50}}]}' $$;
create function pg_temp.cloze_content() returns text language sql immutable as $$ select
  '{"text": "Gọi tổng đài {#1} hoặc chọn {#2}.", "gaps": [{"kind": "short_text"},
    {"kind": "single", "options": [{"id": "a", "text": "Zalo"}, {"id": "b", "text": "VNeID"}, {"id": "c", "text": "Cổng DVC"}]}]}' $$;
select is(pg_temp.shape('cloze', pg_temp.cloze_content(), pg_temp.cloze_key()), true, 'cloze: well formed');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1022"}, {"choice": "b"}]}', 4), 4.00,
  'cloze: every gap right earns everything');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1000"}, {"choice": "b"}]}', 4), 3.00,
  'cloze: gaps worth 1 and 3, only the second right: 75 %');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1000"}, {"choice": "b"}]}', 2), 1.50,
  'cloze: 75 % of 2 points');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1022"}, null]}', 4), 1.00,
  'cloze: a gap left empty (null) earns nothing, the others their share');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1022"}, {"choice": "c"}]}', 4), 2.50,
  'cloze: a gap earns by its own rule, here a 50 % choice: (1 + 1.5) of 4');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": [{"text": "1022"}]}', 4), 1.00,
  'cloze: a missing gap earns nothing');
select is(pg_temp.grade('cloze', pg_temp.cloze_key(), '{"gaps": {"0": {"text": "1022"}}}', 4), 0.00,
  'cloze: gaps that are not a list earn nothing');

-- ───────────── essay ─────────────
select is(pg_temp.grade('essay', '{"graderInfo": "Hai ý"}', '{"text": "Một bài viết dài"}', 5), 0.00,
  'essay: earns nothing automatically (a person grades it)');

-- ───────────── shapes: single ─────────────
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 50}}'), false,
  'single: a correct choice not worth 100 % is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"c": 50}}'), false,
  'single: weights leaving the correct choice out are refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 100, "c": 100}}'), false,
  'single: two choices at 100 % are refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 100, "a": -101}}'), false,
  'single: a weight below −100 is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 101}}'), false,
  'single: a weight above 100 is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 100, "z": 10}}'), false,
  'single: a weight for an unknown id is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": "100"}}'), false,
  'single: a weight written as a string is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "weights": [100]}'), false,
  'single: weights as a list are refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "feedback": {"a": "Quá ngắn", "b": "Đúng"}}'), true,
  'single: feedback per choice is well formed');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "feedback": {"z": "Không có"}}'), false,
  'single: feedback for an unknown id is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "feedback": {"a": 1}}'), false,
  'single: feedback that is not a text is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), jsonb_build_object('correct', 'b', 'feedback', jsonb_build_object('a', repeat('x', 1001)))::text), false,
  'single: feedback over 1000 characters is refused');
select is(pg_temp.shape('single', pg_temp.abcd(), '{"correct": "b", "feedback": ["Đúng"]}'), false,
  'single: feedback as a list is refused');

-- ───────────── shapes: multiple ─────────────
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "b"], "weights": {"a": 50, "b": -50, "c": 50}}'), false,
  'multiple: a correct choice with a negative weight is refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a"], "weights": {"a": 50, "c": 50}}'), false,
  'multiple: a choice worth something but not listed as correct is refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "c"], "weights": {"a": 50, "c": 0}}'), false,
  'multiple: a correct choice worth 0 is refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "c"], "weights": {"a": 150, "c": 50}}'), false,
  'multiple: a weight above 100 is refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a", "c"], "weights": {"a": 50, "c": 50, "z": -50}}'), false,
  'multiple: a weight for an unknown id is refused');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a"], "feedback": {"b": "Không phải", "a": "Đúng"}}'), true,
  'multiple: feedback per choice is well formed');
select is(pg_temp.shape('multiple', pg_temp.abcd(), '{"correct": ["a"], "feedback": {"e": "Không có"}}'), false,
  'multiple: feedback for an unknown id is refused');

-- ───────────── shapes: true / false ─────────────
select is(pg_temp.shape('true_false', '{}', '{"correct": true, "feedback": {"true": "Đúng", "false": "Sai rồi"}}'), true,
  'true/false: feedback per answer is well formed');
select is(pg_temp.shape('true_false', '{}', '{"correct": true, "feedback": {"yes": "Đúng"}}'), false,
  'true/false: feedback for something else than true or false is refused');
select is(pg_temp.shape('true_false', '{}', '{"correct": true, "feedback": {"true": false}}'), false,
  'true/false: feedback that is not a text is refused');
select is(pg_temp.shape('true_false', '{}', '{"correct": true, "feedback": "Đúng"}'), false,
  'true/false: feedback that is not per answer is refused');

-- ───────────── shapes: short text ─────────────
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100, 50], "feedback": ["Đúng", null]}'), true,
  'short text: weights and feedback aligned with the answers are well formed');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100]}'), false,
  'short text: fewer weights than answers are refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [50, 50]}'), false,
  'short text: weights without one at 100 % are refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100, 0]}'), false,
  'short text: a weight of 0 is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100, -50]}'), false,
  'short text: a negative weight is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100, 101]}'), false,
  'short text: a weight above 100 is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội"], "accentInsensitive": false, "weights": {"Hà Nội": 100}}'), false,
  'short text: weights that are not a list are refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "feedback": ["Đúng"]}'), false,
  'short text: feedback not aligned with the answers is refused');
select is(pg_temp.shape('short_text', '{}', '{"answers": ["Hà Nội"], "accentInsensitive": false, "feedback": [1]}'), false,
  'short text: feedback that is not a text is refused');
select is(pg_temp.shape('short_text', '{}', jsonb_build_object('answers', jsonb_build_array('Hà Nội'), 'accentInsensitive', false,
                                                                'feedback', jsonb_build_array(repeat('x', 1001)))::text), false,
  'short text: feedback over 1000 characters is refused');

-- ───────────── shapes: numeric ─────────────
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": [{"value": 100, "tolerance": 5, "weight": 100}]}'), false,
  'numeric: a partial answer worth 100 % is refused (that is the key''s value)');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": [{"value": 100, "tolerance": 5, "weight": 0}]}'), false,
  'numeric: a partial answer worth nothing is refused');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": [{"value": 100, "tolerance": -5, "weight": 50}]}'), false,
  'numeric: a partial answer with a negative tolerance is refused');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": [{"tolerance": 5, "weight": 50}]}'), false,
  'numeric: a partial answer without a value is refused');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": [{"value": 100, "tolerance": 5, "weight": 50, "feedback": 7}]}'), false,
  'numeric: partial feedback that is not a text is refused');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "partial": {"value": 100, "tolerance": 5, "weight": 50}}'), false,
  'numeric: partial answers that are not a list are refused');
select is(pg_temp.shape('numeric', '{}', (select jsonb_build_object('value', 100, 'tolerance', 0, 'partial',
                                            jsonb_agg(jsonb_build_object('value', n, 'tolerance', 0, 'weight', 10))) from generate_series(1, 21) n)::text), false,
  'numeric: more than 20 partial answers are refused');
select is(pg_temp.shape('numeric', '{}', '{"value": 100, "tolerance": 0, "feedback": ["Một trăm"]}'), false,
  'numeric: feedback that is not a text is refused');

-- ───────────── shapes: essay ─────────────
select is(pg_temp.shape('essay', '{"text": "Viết về mật khẩu"}', '{}'), false, 'essay: content that is not empty is refused');
select is(pg_temp.shape('essay', pg_temp.abcd(), '{}'), false, 'essay: options are refused');
select is(pg_temp.shape('essay', '{}', '{"graderInfo": 2}'), false, 'essay: notes for the grader that are not a text are refused');
select is(pg_temp.shape('essay', '{}', jsonb_build_object('graderInfo', repeat('x', 2001))::text), false,
  'essay: notes for the grader over 2000 characters are refused');

-- ───────────── shapes: cloze ─────────────
-- Changes one part of the well-formed cloze above.
create function pg_temp.cloze_shape(content_patch text default '{}', key_patch text default '{}') returns boolean language sql as $$
  select private.check_question_shape('cloze', pg_temp.cloze_content()::jsonb || content_patch::jsonb, pg_temp.cloze_key()::jsonb || key_patch::jsonb) $$;
select is(pg_temp.cloze_shape('{"text": "Gọi tổng đài {#1}."}'), false, 'cloze: a text missing a gap''s marker {#2} is refused');
select is(pg_temp.cloze_shape('{"text": "Gọi {#1}, {#2} hoặc {#1}."}'), false, 'cloze: a marker written twice is refused');
select is(pg_temp.cloze_shape('{"text": "Gọi {#1}, {#2} hoặc {#3}."}'), false, 'cloze: a marker {#3} for a gap that does not exist is refused');
select is(pg_temp.cloze_shape('{"text": "Gọi {#0}, {#1} hoặc {#2}."}'), false, 'cloze: a marker {#0} is refused');
select is(pg_temp.cloze_shape('{"text": "Gọi {#2} hoặc chọn {#1}."}'), true, 'cloze: markers may come in any order');
select is(pg_temp.cloze_shape('{"text": 12}'), false, 'cloze: a text that is not a text is refused');
select is(pg_temp.cloze_shape(jsonb_build_object('text', repeat('x', 3991) || ' {#1} {#2}')::text), false, 'cloze: a text over 4000 characters is refused');
select is(pg_temp.cloze_shape('{"text": "Không có ô trống.", "gaps": []}', '{"gaps": []}'), false, 'cloze: no gap at all is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 1, "answers": ["1022"], "accentInsensitive": true}]}'), false,
  'cloze: fewer keys than gaps are refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 1, "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "multiple", "points": 3, "correct": ["b"]}]}'), false,
  'cloze: a gap key of another kind than its gap is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 0, "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "single", "points": 3, "correct": "b"}]}'), false,
  'cloze: a gap worth 0 points is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 101, "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "single", "points": 3, "correct": "b"}]}'), false,
  'cloze: a gap worth more than 100 points is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "single", "points": 3, "correct": "b"}]}'), false,
  'cloze: a gap without points is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 1, "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "single", "points": 3, "correct": "z"}]}'), false,
  'cloze: a malformed gap key (a choice that does not exist) is refused');
select is(pg_temp.cloze_shape('{}', '{"gaps": [{"kind": "short_text", "points": 1, "answers": ["1022"], "accentInsensitive": true},
                                             {"kind": "single", "points": 3, "correct": "b", "weights": {"b": 100, "c": 100}}]}'), false,
  'cloze: a gap''s weights are checked as its kind''s');
select is(pg_temp.shape('cloze', '{"text": "Chọn {#1}.", "gaps": [{"kind": "numeric"}]}',
                        '{"gaps": [{"kind": "numeric", "points": 1, "value": 8, "tolerance": 0, "partial": [{"value": 6, "tolerance": 0, "weight": 50}]}]}'), true,
  'cloze: a numeric gap with a partial answer is well formed');

-- Gap kinds other than single, multiple, short text and numeric are refused, each with a well-formed gap.
select is(pg_temp.shape('cloze', '{"text": "Xếp {#1}.", "gaps": [{"kind": "ordering", "items": [{"id": "a", "text": "Một"}, {"id": "b", "text": "Hai"}]}]}',
                        '{"gaps": [{"kind": "ordering", "points": 1, "order": ["a", "b"]}]}'), false, 'cloze: an ordering gap is refused');
select is(pg_temp.shape('cloze', '{"text": "Nối {#1}.", "gaps": [{"kind": "matching", "left": [{"id": "1", "text": "Một"}, {"id": "2", "text": "Hai"}],
                                                                             "right": [{"id": "x", "text": "1"}, {"id": "y", "text": "2"}]}]}',
                        '{"gaps": [{"kind": "matching", "points": 1, "pairs": {"1": "x", "2": "y"}}]}'), false, 'cloze: a matching gap is refused');
select is(pg_temp.shape('cloze', '{"text": "Viết {#1}.", "gaps": [{"kind": "essay"}]}', '{"gaps": [{"kind": "essay", "points": 1}]}'), false,
  'cloze: an essay gap is refused');
select is(pg_temp.shape('cloze', '{"text": "Lồng {#1}.", "gaps": [{"kind": "cloze", "text": "{#1}", "gaps": [{"kind": "numeric"}]}]}',
                        '{"gaps": [{"kind": "cloze", "points": 1, "gaps": [{"kind": "numeric", "points": 1, "value": 1, "tolerance": 0}]}]}'), false,
  'cloze: a cloze inside a cloze is refused');
select is(pg_temp.shape('cloze', '{"text": "Đúng hay sai {#1}.", "gaps": [{"kind": "true_false"}]}',
                        '{"gaps": [{"kind": "true_false", "points": 1, "correct": true}]}'), false, 'cloze: a true/false gap is refused');

-- ───────────── the check guards versions; prompt formats ─────────────
insert into public.question_bank (title) values ('Ngân hàng thử');
insert into public.question (bank_id) select id from public.question_bank;
create function pg_temp.add_version(kind text, content text, key text, prompt_format text default 'plain') returns text language sql as $$
  select tests.error_of(format('insert into public.question_version (question_id, kind, prompt, prompt_format, content, key) values (%s, %L, %L, %L, %L, %L)',
    (select id from public.question), kind, 'Câu hỏi', prompt_format, content, key)) $$;
select is(pg_temp.add_version('cloze', pg_temp.cloze_content(), pg_temp.cloze_key()), 'no error', 'a cloze version is added');
select is(pg_temp.add_version('cloze', pg_temp.cloze_content(), '{"gaps": []}'), '23514 question_shape', 'a malformed cloze version is refused');
select is(pg_temp.add_version('single', pg_temp.abcd(), '{"correct": "b", "weights": {"b": 100, "c": 100}}'), '23514 question_shape',
  'so is a single choice with two choices at 100 %');
select is(pg_temp.add_version('essay', '{}', '{"graderInfo": "Hai ý"}', 'markdown'), 'no error', 'an essay version with a Markdown prompt is added');
select is(left(pg_temp.add_version('true_false', '{}', '{"correct": true}', 'html'), 5), '23514', 'a prompt format other than plain or Markdown is refused');
select results_eq($$ select kind, prompt_format from public.question_version order by version $$,
  $$ values ('cloze', 'plain'), ('essay', 'markdown') $$, 'the versions added keep their kind and prompt format (plain by default)');

select * from finish();
rollback;
