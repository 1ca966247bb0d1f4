-- Nothing a learner receives encodes an answer key. The bank's choice ids are the author's ('a', 'b', …; the
-- right-hand ids of a matching question often equal the left ones they pair with, the items to order are
-- often listed in their right order), so every attempt gets its own copy of each question with fresh random
-- ids (attempt_question.aliases maps the bank's ids to them) and its own order, and everything after the
-- start (validating, grading, review) reads that copy. For every kind: what public.quiz_attempt_questions
-- returns before review holds no bank id and no key, score, explanation, feedback or grader comment; two
-- attempts show different ids; an answer in the shown ids is graded by the bank's key; an answer in the
-- bank's ids (or another attempt's) is refused. Then, for each review policy, what review shows and when:
-- the key in the attempt's ids (consistent with its content), the points per question, the explanation,
-- the feedback per answer and the grader's comment; an essay's notes for the grader never.
begin;
create extension if not exists pgtap with schema extensions;
select plan(83);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql).
select tests.create_personas('citizen_a', 'citizen_b', 'organizer_a');

-- ───────────── the bank: one question of every kind ─────────────
-- Kept, with their content and key, in a temp table everyone reads (learners cannot read the bank).
insert into public.question_bank (title, owner_unit_id) values ('Ngân hàng phường Nha Trang', tests.unit('22366'));
create temp table bank_questions (name text primary key, id bigint, kind text, content jsonb, key jsonb, explanation text);
create temp table quiz_ids (name text primary key, id bigint);
create temp table attempt_ids (name text primary key, id uuid);
grant select, insert on bank_questions, quiz_ids, attempt_ids to anon, authenticated;
create function pg_temp.quiz(name text) returns bigint language sql stable as $$ select id from quiz_ids x where x.name = $1 $$;
create function pg_temp.attempt(name text) returns uuid language sql stable as $$ select id from attempt_ids x where x.name = $1 $$;

create function pg_temp.add_question(name text, kind text, content text, key text, points numeric, explanation text default null)
returns void language plpgsql as $$
declare
  q bigint;
begin
  insert into public.question (bank_id) select id from public.question_bank returning id into q;
  insert into public.question_version (question_id, kind, prompt, content, key, points, explanation)
  values (q, kind, 'Câu hỏi ' || name, content::jsonb, key::jsonb, points, explanation);
  insert into bank_questions values (name, q, kind, content::jsonb, key::jsonb, explanation);
end
$$;
select pg_temp.add_question('single', 'single',
  '{"options": [{"id": "a", "text": "123456"}, {"id": "b", "text": "Ngựa-Xanh-Mưa-42!"}, {"id": "c", "text": "matkhau2024"}, {"id": "d", "text": "password"}]}',
  '{"correct": "b", "weights": {"b": 100, "c": 50, "d": -50},
    "feedback": {"a": "Quá ngắn, dễ đoán.", "b": "Dài và khó đoán.", "c": "Khá hơn, nhưng vẫn là từ trong từ điển.", "d": "Mật khẩu phổ biến nhất."}}',
  2, 'Mật khẩu tốt dài, nhiều loại ký tự, không đoán được.');
select pg_temp.add_question('multiple', 'multiple',
  '{"options": [{"id": "a", "text": "VNeID"}, {"id": "b", "text": "Trò chơi"}, {"id": "c", "text": "Cổng DVC"}, {"id": "d", "text": "Tin đồn"}]}',
  '{"correct": ["a", "c"], "feedback": {"b": "Không phải dịch vụ công.", "d": "Không phải nguồn tin chính thống."}}',
  2, 'VNeID và Cổng dịch vụ công.');
select pg_temp.add_question('true_false', 'true_false', '{}',
  '{"correct": false, "feedback": {"true": "Không bao giờ chia sẻ mã OTP.", "false": "Đúng: mã OTP chỉ dành cho bạn."}}',
  1, 'Ngân hàng không bao giờ hỏi mã OTP.');
-- Listed by the author in their right order.
select pg_temp.add_question('ordering', 'ordering',
  '{"items": [{"id": "a", "text": "Mở ứng dụng"}, {"id": "b", "text": "Đăng nhập"}, {"id": "c", "text": "Chọn thủ tục"}, {"id": "d", "text": "Nộp hồ sơ"}]}',
  '{"order": ["a", "b", "c", "d"]}', 4, 'Mở, đăng nhập, chọn, nộp.');
-- Each right-hand id equal to the left one it pairs with, as imports often write them.
select pg_temp.add_question('matching', 'matching',
  '{"left": [{"id": "a", "text": "VNeID"}, {"id": "b", "text": "Cổng DVC"}, {"id": "c", "text": "Zalo"}],
    "right": [{"id": "a", "text": "Định danh điện tử"}, {"id": "b", "text": "Thủ tục hành chính"}, {"id": "c", "text": "Nhắn tin"},
              {"id": "d", "text": "Mua sắm"}]}',
  '{"pairs": {"a": "a", "b": "b", "c": "c"}}', 3, 'Mỗi ứng dụng một việc.');
select pg_temp.add_question('short_text', 'short_text', '{}',
  '{"answers": ["Hà Nội", "Ha Noi"], "accentInsensitive": false, "weights": [100, 50], "feedback": ["Chính xác.", "Nhớ viết có dấu."]}',
  1, 'Thủ đô là Hà Nội.');
select pg_temp.add_question('numeric', 'numeric', '{}',
  '{"value": 1022, "tolerance": 0, "feedback": "Tổng đài 1022.", "partial": [{"value": 1000, "tolerance": 50, "weight": 50, "feedback": "Gần đúng."}]}',
  1, 'Tổng đài hỗ trợ là 1022.');
select pg_temp.add_question('essay', 'essay', '{}', '{"graderInfo": "Chấm: nêu được hai cách bảo vệ tài khoản."}',
  3, 'Bật xác thực hai lớp; không dùng lại mật khẩu.');
select pg_temp.add_question('cloze', 'cloze',
  '{"text": "Gọi {#1}; dùng {#2}; mật khẩu ít nhất {#3} ký tự.",
    "gaps": [{"kind": "single", "options": [{"id": "a", "text": "1022"}, {"id": "b", "text": "113"}, {"id": "c", "text": "115"}]},
             {"kind": "multiple", "options": [{"id": "a", "text": "VNeID"}, {"id": "b", "text": "Cổng DVC"}, {"id": "c", "text": "Facebook"}]},
             {"kind": "numeric"}]}',
  '{"gaps": [{"kind": "single", "points": 1, "correct": "a"}, {"kind": "multiple", "points": 1, "correct": ["a", "b"]},
             {"kind": "numeric", "points": 2, "value": 8, "tolerance": 0}]}',
  4, 'Ba ô trống.');

-- ───────────── quizzes ─────────────
-- all-kinds: the nine questions in that order, options not shuffled (the disguise does not depend on it).
-- One quiz per review policy: the single choice, the true/false question and the essay.
insert into public.quiz (title, owner_unit_id, status, shuffle_questions, shuffle_options, review_policy, closes_at) values
  ('all-kinds', tests.unit('22366'), 'published', false, false, 'after_submit', null),
  ('after_submit', tests.unit('22366'), 'published', false, true, 'after_submit', null),
  ('after_close', tests.unit('22366'), 'published', false, true, 'after_close', now() + interval '1 day'),
  ('never', tests.unit('22366'), 'published', false, true, 'never', now() + interval '1 day');
insert into quiz_ids select title, id from public.quiz;
create temp table layout (quiz text, number smallint, question text);
grant select on layout to anon, authenticated;
insert into layout
select 'all-kinds', n, q from unnest(array['single', 'multiple', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'essay', 'cloze'])
  with ordinality x(q, n)
union all
select p, n, q from unnest(array['after_submit', 'after_close', 'never']) p
  cross join unnest(array['single', 'true_false', 'essay']) with ordinality x(q, n);
insert into public.quiz_question (quiz_id, position, question_id)
select pg_temp.quiz(l.quiz), l.number, b.id from layout l join bank_questions b on b.name = l.question;

-- ───────────── helpers ─────────────
-- Every id in a content (options, items, both columns, gap options), in order.
create function pg_temp.ids(content jsonb) returns text[] language sql immutable as $$
  select array(select jsonb_path_query(content, 'strict $.** ? (@.type() == "object" && exists(@.id)).id') #>> '{}') $$;
-- The ids a key names: correct choices, order, pairs (both sides), the keys of weights and of choice
-- feedback, and those of each gap.
create function pg_temp.key_ids(key jsonb) returns text[] language plpgsql immutable as $$
begin
  return array(
    select jsonb_array_elements_text(case jsonb_typeof(key -> 'correct') when 'string' then jsonb_build_array(key -> 'correct')
                                                                        when 'array' then key -> 'correct' else '[]' end)
    union all select jsonb_array_elements_text(case when jsonb_typeof(key -> 'order') = 'array' then key -> 'order' else '[]' end)
    union all select p.key from jsonb_each_text(case when jsonb_typeof(key -> 'pairs') = 'object' then key -> 'pairs' else '{}' end) p
    union all select p.value from jsonb_each_text(case when jsonb_typeof(key -> 'pairs') = 'object' then key -> 'pairs' else '{}' end) p
    union all select w from jsonb_object_keys(case when jsonb_typeof(key -> 'weights') = 'object' then key -> 'weights' else '{}' end) w
    union all select f from jsonb_object_keys(case when jsonb_typeof(key -> 'feedback') = 'object' then key -> 'feedback' else '{}' end) f
              where f not in ('true', 'false')
    union all select unnest(pg_temp.key_ids(g)) from jsonb_array_elements(case when jsonb_typeof(key -> 'gaps') = 'array' then key -> 'gaps' else '[]' end) g);
end
$$;
-- A content with every list of choices sorted by id, to compare contents whatever their order.
create function pg_temp.canon(value jsonb) returns jsonb language plpgsql immutable as $$
begin
  return case jsonb_typeof(value)
    when 'object' then (select coalesce(jsonb_object_agg(e.key, pg_temp.canon(e.value)), '{}') from jsonb_each(value) e)
    when 'array' then (select coalesce(jsonb_agg(pg_temp.canon(e.value) order by e.value ->> 'id', e.n), '[]')
                       from jsonb_array_elements(value) with ordinality e(value, n))
    else value end;
end
$$;
create function pg_temp.start(name text, quiz text) returns uuid language plpgsql as $$
declare
  attempt uuid := public.start_quiz_attempt(pg_temp.quiz(quiz));
begin
  insert into attempt_ids values (name, attempt) on conflict do nothing;
  return attempt;
end
$$;
create function pg_temp.answers(attempt text, answers text) returns jsonb language sql
  as $$ select tests.as_shown(pg_temp.attempt(attempt), answers::jsonb) $$;
-- What the current user's attempt shows, with the bank's question at each number.
create function pg_temp.shown(attempt text) returns table (number smallint, kind text, content jsonb, response jsonb, awaiting_grade boolean,
  score numeric, key jsonb, explanation text, grader_comment text, bank_content jsonb, bank_key jsonb, bank_explanation text)
language sql as $$
  select q.number, q.kind, q.content, q.response, q.awaiting_grade, q.score, q.key, q.explanation, q.grader_comment,
         b.content, b.key, b.explanation
  from public.quiz_attempt_questions(pg_temp.attempt(attempt)) q
  join public.quiz_attempt a on a.id = pg_temp.attempt(attempt)
  join quiz_ids x on x.id = a.quiz_id
  join layout l on l.quiz = x.name and l.number = q.number
  join bank_questions b on b.name = l.question
  order by q.number
$$;

-- ───────────── what an attempt shows before review ─────────────
select tests.sign_in('citizen_a');
select pg_temp.start('a', 'all-kinds');
select tests.sign_in('citizen_b');
select pg_temp.start('b', 'all-kinds');
select tests.sign_in('citizen_a');

create function pg_temp.disguised(attempt text) returns setof text language plpgsql as $$
declare
  q record;
begin
  for q in select * from pg_temp.shown(attempt) loop
    if cardinality(pg_temp.ids(q.bank_content)) > 0 then
      return next is(pg_temp.ids(q.content) && pg_temp.ids(q.bank_content), false, q.kind || ': no id it shows is one of the bank''s');
    end if;
    return next is(pg_temp.canon(tests.in_bank_ids(pg_temp.attempt(attempt), q.number, q.content)), pg_temp.canon(q.bank_content),
      q.kind || ': mapped back through its aliases, it shows the bank''s content and nothing else');
  end loop;
end
$$;
select pg_temp.disguised('a');
select is((select pg_temp.ids(content -> 'left') && pg_temp.ids(content -> 'right') from pg_temp.shown('a') where kind = 'matching'), false,
  'matching: the right-hand ids differ from the left-hand ones they pair with');
select is((select tests.in_bank_ids(pg_temp.attempt('a'), number, content) from pg_temp.shown('a') where kind = 'single'),
  (select content from bank_questions where name = 'single'), 'options not shuffled keep the author''s order, under new ids');
select is_empty($$ select * from pg_temp.shown('a')
                   where key is not null or score is not null or explanation is not null or grader_comment is not null or awaiting_grade $$,
  'before review no question shows a key (nor feedback, which is in the key), points earned, an explanation or a grader''s comment');

-- Two attempts at the same questions show different ids.
select tests.sign_out();
select is(pg_temp.ids(a.content) && pg_temp.ids(b.content), false, v.kind || ': two attempts show different ids')
from public.attempt_question a
join public.attempt_question b on b.position = a.position and b.attempt_id = pg_temp.attempt('b')
join public.question_version v on v.id = a.question_version_id
where a.attempt_id = pg_temp.attempt('a') and v.kind in ('single', 'multiple', 'ordering', 'matching', 'cloze')
order by a.position;

-- ───────────── answers in the bank's ids are refused ─────────────
select tests.sign_in('citizen_a');
select is(tests.error_of(format('select public.save_quiz_answers(%L, %L)', pg_temp.attempt('a'), answers)), '22023 invalid_response',
  kind || ': an answer in the bank''s ids is refused')
from (values (1, 'single', '{"1": {"choice": "b"}}'), (2, 'multiple', '{"2": {"choices": ["a", "c"]}}'),
             (3, 'ordering', '{"4": {"order": ["a", "b", "c", "d"]}}'), (4, 'matching', '{"5": {"pairs": {"a": "a", "b": "b", "c": "c"}}}'),
             (5, 'cloze', '{"9": {"gaps": [{"choice": "a"}, {"choices": ["a", "b"]}, {"value": 8}]}}')) as x (n, kind, answers)
order by n;
select is(tests.error_of(format('select public.save_quiz_answers(%L, %L)', pg_temp.attempt('a'),
                                tests.as_shown(pg_temp.attempt('b'), '{"1": {"choice": "b"}}'))),
  '22023 invalid_response', 'an answer in the ids another attempt shows is refused');
select is_empty($$ select * from pg_temp.shown('a') where response is not null $$, 'and none of those answers was saved');

-- ───────────── answers in the shown ids are graded by the bank's key ─────────────
-- Citizen A answers everything right but the essay, which she leaves: 18 of 21 points.
select results_eq($$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt('a'), pg_temp.answers('a',
    '{"1": {"choice": "b"}, "2": {"choices": ["c", "a"]}, "3": {"value": false}, "4": {"order": ["a", "b", "c", "d"]},
      "5": {"pairs": {"a": "a", "b": "b", "c": "c"}}, "6": {"text": "hà nội"}, "7": {"value": 1022},
      "9": {"gaps": [{"choice": "a"}, {"choices": ["a", "b"]}, {"value": 8}]}}')) $$,
  $$ values (18.00, 21.00, true) $$, 'right answers in the shown ids earn every point (18 of 21, the essay left unanswered)');
select results_eq($$ select kind, score from pg_temp.shown('a') where kind <> 'essay' $$,
  $$ values ('single', 2.00), ('multiple', 2.00), ('true_false', 1.00), ('ordering', 4.00), ('matching', 3.00), ('short_text', 1.00),
            ('numeric', 1.00), ('cloze', 4.00) $$,
  'each question earns all its points');

-- Citizen B answers partly right: 7.5 of 21.
select tests.sign_in('citizen_b');
select results_eq($$ select score, max_score from public.submit_quiz_attempt(pg_temp.attempt('b'), pg_temp.answers('b',
    '{"1": {"choice": "c"}, "2": {"choices": ["a"]}, "3": {"value": true}, "4": {"order": ["b", "a", "c", "d"]},
      "5": {"pairs": {"a": "a", "b": "c", "c": "b"}}, "6": {"text": "Ha Noi"}, "7": {"value": 1010},
      "9": {"gaps": [{"choice": "a"}, {"choices": ["a"]}, {"value": 7}]}}')) $$,
  $$ values (7.50, 21.00) $$, 'partly right answers in the shown ids are graded by the bank''s key: 7.5 of 21');
select results_eq($$ select kind, score from pg_temp.shown('b') where kind <> 'essay' $$,
  $$ values ('single', 1.00), ('multiple', 1.00), ('true_false', 0.00), ('ordering', 2.00), ('matching', 1.00), ('short_text', 0.50),
            ('numeric', 0.50), ('cloze', 1.50) $$,
  'a 50 % choice, one of two choices, two items of four in place, one pair of three, a 50 % answer, a partial number, 1.5 of 4 in gaps');

-- ───────────── the review (after submit) ─────────────
create function pg_temp.reviewed(attempt text) returns setof text language plpgsql as $$
declare
  q record;
begin
  for q in select * from pg_temp.shown(attempt) loop
    return next is(tests.in_bank_ids(pg_temp.attempt(attempt), q.number, q.key), q.bank_key - 'graderInfo',
      q.kind || ': the key at review is the bank''s, in the attempt''s ids');
    if cardinality(pg_temp.key_ids(q.bank_key)) > 0 then
      return next ok(pg_temp.key_ids(q.key) <@ pg_temp.ids(q.content) and cardinality(pg_temp.key_ids(q.key)) > 0,
        q.kind || ': the key names only ids the attempt shows');
    end if;
  end loop;
end
$$;
select pg_temp.reviewed('b');
select results_eq($$ select kind, explanation from pg_temp.shown('b') $$,
  $$ select b.kind, b.explanation from layout l join bank_questions b on b.name = l.question where l.quiz = 'all-kinds' order by l.number $$,
  'every question shows its explanation');
select results_eq($$ select key -> 'feedback' -> (response ->> 'choice') from pg_temp.shown('b') where kind = 'single' $$,
  array['"Khá hơn, nhưng vẫn là từ trong từ điển."'::jsonb], 'the feedback for the choice she picked is under the id she answered with');

-- ───────────── each review policy ─────────────
-- Citizen A takes the three policy quizzes: the single choice at 50 % (1 of 2), true/false wrong (0 of 1),
-- an essay (3 points), which the organizer then grades 2, with a comment.
create function pg_temp.take(quiz text) returns void language plpgsql as $$
begin
  perform pg_temp.start(quiz, quiz);
end
$$;
create function pg_temp.nothing_reviewed(attempt text, description text) returns text language sql as $$
  select is_empty(format($q$ select * from pg_temp.shown(%L) where key is not null or score is not null or explanation is not null
                                or grader_comment is not null $q$, attempt), description) $$;
create function pg_temp.submit(attempt text) returns text language sql as $f$
  select results_eq(format($q$ select score, max_score, passed from public.submit_quiz_attempt(pg_temp.attempt(%L),
                                pg_temp.answers(%L, '{"1": {"choice": "c"}, "2": {"value": true}, "3": {"text": "Bật xác thực hai lớp."}}')) $q$,
                           attempt, attempt),
                    $$ values (1.00, 6.00, null::boolean) $$, attempt || ': she submits, her essay waits for a grade') $f$;
create function pg_temp.grade_essay(attempt text) returns void language plpgsql as $$
begin
  perform tests.sign_in('organizer_a');
  perform public.grade_essay_answer(pg_temp.attempt(attempt), 3::smallint, 2, 'Đúng một ý; thiếu ý thứ hai.');
  perform tests.sign_in('citizen_a');
end
$$;
create function pg_temp.shows_review(attempt text, graded boolean) returns setof text language plpgsql as $f$
begin
  return next results_eq(format('select number, score, awaiting_grade from pg_temp.shown(%L)', attempt),
    format('values (1::smallint, 1.00, false), (2::smallint, 0.00, false), (3::smallint, %s::numeric, %s)',
           case when graded then '2.00' else 'null' end, case when graded then 'false' else 'true' end),
    attempt || ': she reads the points of each question' || case when graded then ', the essay''s graded' else ', not the ungraded essay''s' end);
  return next results_eq(format('select tests.in_bank_ids(pg_temp.attempt(%L), number, key), explanation from pg_temp.shown(%L)', attempt, attempt),
    $$ select b.key - 'graderInfo', b.explanation from bank_questions b where b.name in ('single', 'true_false', 'essay')
       order by array_position(array['single', 'true_false', 'essay'], b.name) $$,
    attempt || ': the keys (in the bank''s ids once mapped back) and the explanations');
  return next ok((select key ->> 'correct' = any (pg_temp.ids(content)) from pg_temp.shown(attempt) where number = 1),
    attempt || ': the key names the right choice by an id the attempt shows');
  return next results_eq(format($q$ select coalesce(key -> 'feedback' -> (response ->> 'choice'), key -> 'feedback' -> (response ->> 'value'))
                                   from pg_temp.shown(%L) where number in (1, 2) $q$, attempt),
    array['"Khá hơn, nhưng vẫn là từ trong từ điển."'::jsonb, '"Không bao giờ chia sẻ mã OTP."'],
    attempt || ': the feedback for each answer she gave');
  return next is((select grader_comment from pg_temp.shown(attempt) where number = 3),
    case when graded then 'Đúng một ý; thiếu ý thứ hai.' end,
    attempt || case when graded then ': the grader''s comment' else ': no grader''s comment yet' end);
  return next is_empty(format($q$ select * from pg_temp.shown(%L) where key ? 'graderInfo' or key::text like '%%Chấm:%%' $q$, attempt),
    attempt || ': the notes for the grader never reach her');
end
$f$;

select tests.sign_in('citizen_a');
select pg_temp.take(quiz) from unnest(array['after_submit', 'after_close', 'never']) quiz;
select pg_temp.nothing_reviewed(quiz, quiz || ': before submitting, nothing of the review')
from unnest(array['after_submit', 'after_close', 'never']) quiz;
select pg_temp.submit(quiz) from unnest(array['after_submit', 'after_close', 'never']) quiz;

-- after_submit: everything once submitted (the essay's points once graded).
select pg_temp.shows_review('after_submit', false);
select pg_temp.grade_essay('after_submit');
select pg_temp.shows_review('after_submit', true);

-- after_close: nothing until the quiz closes, graded or not; then everything.
select pg_temp.nothing_reviewed('after_close', 'after_close: submitted, before the close, nothing of the review');
select results_eq($$ select number, tests.in_bank_ids(pg_temp.attempt('after_close'), number, response), awaiting_grade from pg_temp.shown('after_close') $$,
  $$ values (1::smallint, '{"choice": "c"}'::jsonb, false), (2::smallint, '{"value": true}', false), (3::smallint, '{"text": "Bật xác thực hai lớp."}', true) $$,
  'after_close: but her answers, and that the essay waits for a grade');
select pg_temp.grade_essay('after_close');
select pg_temp.nothing_reviewed('after_close', 'after_close: graded, before the close, still nothing (no points, no comment)');
select tests.sign_in('organizer_a');
select results_eq(format('update public.quiz set closes_at = now() - interval ''1 minute'' where id = %s returning id', pg_temp.quiz('after_close')),
  array[pg_temp.quiz('after_close')], 'the organizer closes the after_close quiz');
select tests.sign_in('citizen_a');
select pg_temp.shows_review('after_close', true);

-- never: nothing, graded or not, closed or not.
select pg_temp.nothing_reviewed('never', 'never: submitted, nothing of the review');
select results_eq($$ select number, awaiting_grade from pg_temp.shown('never') $$,
  $$ values (1::smallint, false), (2::smallint, false), (3::smallint, true) $$, 'never: she only learns that her essay waits for a grade');
select pg_temp.grade_essay('never');
select pg_temp.nothing_reviewed('never', 'never: graded, still nothing (no points, no comment)');
select tests.sign_in('organizer_a');
select lives_ok(format('update public.quiz set closes_at = now() - interval ''1 minute'' where id = %s', pg_temp.quiz('never')),
  'the organizer closes the never quiz');
select tests.sign_in('citizen_a');
select pg_temp.nothing_reviewed('never', 'never: closed, still nothing');
select results_eq($$ select score, max_score, passed, grading_pending from public.quiz_attempt where id = pg_temp.attempt('never') $$,
  $$ values (3.00, 6.00, true, false) $$, 'never: she learns only her total, once the essay is graded');

select * from finish();
rollback;
