-- Campaigns and contests: a published contest of a published campaign, its rounds, results and standings
-- are public; drafts are read only by their authors, the organizers of the owning unit, who alone manage
-- campaigns, contests and rounds (a round needs a quiz with a window, of their own). A round's results are
-- computed once, after its quiz closes, by public.compute_round_results: each participant's counting attempt
-- (best or last), ranked by score, then time taken, then distance of the prediction from the truth (by
-- default the number of participants; no prediction ranks after any), then submission time, with the
-- participant's commune (a village's commune) and agency. Computing again changes nothing.
-- public.round_participation counts participants by commune or agency; public.contest_standings sums the
-- rounds. Anonymous readers get results without person ids; signed-in people get the person of their own
-- row, and the contest's authors and unit admins (for their people) those they may know, through
-- public.contest_result_people: contest_result.person_id itself is readable by no one signed in.
begin;
create extension if not exists pgtap with schema extensions;
select plan(73);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql): citizen_a and villager_a
-- live in commune A, citizen_b and the official (of the agency SKHCN) in commune B; admin_a (commune A) takes
-- part too, without submitting.
select tests.create_personas('citizen_a', 'villager_a', 'citizen_b', 'official', 'organizer_a', 'admin_a', 'province_admin');


-- ───────────── fixture ─────────────
-- Names are kept in temp tables that everyone reads, the tables themselves hiding drafts.
create temp table quiz_ids (name text primary key, id bigint);
create temp table contest_ids (name text primary key, id bigint);
create temp table round_ids (name text primary key, id bigint);
create temp table attempt_ids (name text primary key, id uuid);
grant select, insert on quiz_ids, contest_ids, round_ids, attempt_ids to anon, authenticated;
create function pg_temp.quiz(name text) returns bigint language sql stable as $$ select id from quiz_ids x where x.name = $1 $$;
create function pg_temp.contest(name text) returns bigint language sql stable as $$ select id from contest_ids x where x.name = $1 $$;
create function pg_temp.round(name text) returns bigint language sql stable as $$ select id from round_ids x where x.name = $1 $$;
create function pg_temp.attempt(name text) returns uuid language sql stable as $$ select id from attempt_ids x where x.name = $1 $$;
-- A round's results with the person of each row the reader may know (through public.contest_result_people).
create function pg_temp.results(round bigint) returns table (rank integer, person_id uuid, score numeric, duration_ms integer,
  prediction bigint, prediction_distance bigint, commune_id bigint, agency_id bigint) language sql stable as $$
  select x.rank, p.person_id, x.score, x.duration_ms, x.prediction, x.prediction_distance, x.commune_id, x.agency_id
  from public.contest_result x join public.contest_result_people(round) p on p.rank = x.rank where x.round_id = round $$;

-- Three questions of commune A, one point each, answered a.
insert into public.question_bank (title, owner_unit_id) values ('Câu hỏi cuộc thi', tests.unit('22366'));
insert into public.question (bank_id) select id from public.question_bank cross join generate_series(1, 3);
insert into public.question_version (question_id, kind, prompt, content, key)
select id, 'single', 'Câu ' || id, '{"options": [{"id": "a", "text": "Đúng"}, {"id": "b", "text": "Sai"}]}', '{"correct": "a"}'
from public.question;

-- Round quizzes: round-1 is open now; the others closed two days ago. no-window has no window; quiz-b is
-- commune B's.
insert into public.quiz (title, owner_unit_id, status, shuffle_questions, max_attempts, counting, opens_at, closes_at) values
  ('round-1', tests.unit('22366'), 'published', false, 1, 'best', now() - interval '1 day', now() + interval '1 day'),
  ('round-2', tests.unit('22366'), 'published', false, 2, 'best', now() - interval '3 days', now() - interval '2 days'),
  ('round-3', tests.unit('22366'), 'published', false, 2, 'last', now() - interval '3 days', now() - interval '2 days'),
  ('draft-round', tests.unit('22366'), 'published', false, 1, 'best', now() - interval '3 days', now() - interval '2 days'),
  ('lost-close', tests.unit('22366'), 'published', false, 1, 'best', now() - interval '1 day', now() + interval '1 day'),
  ('spare', tests.unit('22366'), 'published', false, 1, 'best', now() - interval '1 day', now() + interval '1 day'),
  ('spare-2', tests.unit('22366'), 'published', false, 1, 'best', now() - interval '1 day', now() + interval '1 day'),
  ('no-window', tests.unit('22366'), 'published', false, 1, 'best', null, null),
  ('quiz-b', tests.unit('22759'), 'published', false, 1, 'best', now() - interval '1 day', now() + interval '1 day');
insert into quiz_ids select title, id from public.quiz;
insert into public.quiz_question (quiz_id, position, question_id)
select q.id, row_number() over (partition by q.id order by x.id), x.id
from public.quiz q cross join public.question x where q.title = 'round-1' or x.id = (select min(id) from public.question);

insert into public.campaign (slug, title, owner_unit_id, status) values
  ('thang-chuyen-doi-so', 'Tháng chuyển đổi số', tests.unit('22366'), 'published'),
  ('chien-dich-nhap', 'Chiến dịch đang soạn', tests.unit('22366'), 'draft'),
  ('chien-dich-b', 'Chiến dịch của phường B', tests.unit('22759'), 'published');
insert into public.contest (campaign_id, slug, title, owner_unit_id, status)
select g.id, c.slug, c.title, tests.unit(c.owner), c.status from (values
  ('thang-chuyen-doi-so', 'cuoc-thi-a', 'Cuộc thi tìm hiểu chuyển đổi số', '22366', 'published'),
  ('thang-chuyen-doi-so', 'cuoc-thi-nhap', 'Cuộc thi đang soạn', '22366', 'draft'),
  ('chien-dich-nhap', 'cuoc-thi-chien-dich-nhap', 'Cuộc thi của chiến dịch đang soạn', '22366', 'published'),
  ('chien-dich-b', 'cuoc-thi-b', 'Cuộc thi của phường B', '22759', 'published')
) as c (campaign, slug, title, owner, status) join public.campaign g on g.slug = c.campaign;
insert into contest_ids select slug, id from public.contest;
insert into public.contest_round (contest_id, number, quiz_id, prediction_prompt, prediction_truth) values
  (pg_temp.contest('cuoc-thi-a'), 1, pg_temp.quiz('round-1'), 'Bao nhiêu người sẽ dự thi vòng này?', null),
  (pg_temp.contest('cuoc-thi-a'), 2, pg_temp.quiz('round-2'), 'Bao nhiêu lượt truy cập?', 1000),
  (pg_temp.contest('cuoc-thi-a'), 3, pg_temp.quiz('round-3'), null, null),
  (pg_temp.contest('cuoc-thi-nhap'), 1, pg_temp.quiz('draft-round'), null, null),
  (pg_temp.contest('cuoc-thi-b'), 1, pg_temp.quiz('quiz-b'), null, null),
  (pg_temp.contest('cuoc-thi-chien-dich-nhap'), 1, pg_temp.quiz('lost-close'), null, null);
insert into round_ids select q.name, r.id from public.contest_round r join quiz_ids q on q.id = r.quiz_id;

-- ───────────── who reads which campaigns, contests and rounds ─────────────
create function pg_temp.reads(persona text, campaigns text[], contests text[]) returns setof text language plpgsql as $$
begin
  perform tests.act_as(persona);
  return next set_eq('select slug from public.campaign', campaigns, persona || ' reads the campaigns ' || array_to_string(campaigns, ', '));
  return next set_eq('select slug from public.contest', contests, persona || ' reads the contests ' || array_to_string(contests, ', '));
  return next set_eq('select c.name from public.contest_round r join contest_ids c on c.id = r.contest_id', contests,
    persona || ' reads the rounds of those contests only');
end
$$;
select pg_temp.reads(persona, campaigns, contests) from (values
  -- a draft contest, and a published contest of a draft campaign, are hidden
  ('anonymous', array['thang-chuyen-doi-so', 'chien-dich-b'], array['cuoc-thi-a', 'cuoc-thi-b']),
  ('citizen_a', array['thang-chuyen-doi-so', 'chien-dich-b'], array['cuoc-thi-a', 'cuoc-thi-b']),
  ('organizer_a', array['thang-chuyen-doi-so', 'chien-dich-nhap', 'chien-dich-b'],
                  array['cuoc-thi-a', 'cuoc-thi-nhap', 'cuoc-thi-chien-dich-nhap', 'cuoc-thi-b'])
) as who_reads (persona, campaigns, contests);

-- ───────────── who manages contests ─────────────
select tests.sign_in('organizer_a');
select lives_ok(format($q$ insert into public.campaign (slug, title, owner_unit_id) values ('ngay-an-toan-so', 'Ngày an toàn số', %s) $q$,
                       tests.unit('22366-TDP01')),
  'the organizer of A adds a campaign for a village of A');
select throws_ok(format($q$ insert into public.campaign (slug, title, owner_unit_id) values ('chien-dich-la', 'Chiến dịch lạ', %s) $q$,
                        tests.unit('22759')),
  '42501', 'new row violates row-level security policy for table "campaign"', 'but not one for commune B');
select lives_ok(format($q$ with c as (insert into public.contest (campaign_id, slug, title, owner_unit_id)
                                      select id, 'cuoc-thi-moi', 'Cuộc thi mới', %s from public.campaign where slug = 'thang-chuyen-doi-so'
                                      returning slug, id)
                          insert into contest_ids select slug, id from c $q$, tests.unit('22366')),
  'she adds a contest of A');
select throws_ok(format($q$ insert into public.contest (campaign_id, slug, title, owner_unit_id)
                           select id, 'cuoc-thi-la', 'Cuộc thi lạ', %s from public.campaign where slug = 'thang-chuyen-doi-so' $q$,
                        tests.unit('22759')),
  '42501', 'new row violates row-level security policy for table "contest"', 'but not one of commune B');
select throws_ok(format($q$ insert into public.contest (campaign_id, slug, title, owner_unit_id)
                           select id, 'cuoc-thi-muon', 'Cuộc thi mượn chiến dịch', %s from public.campaign where slug = 'chien-dich-b' $q$,
                        tests.unit('22366')),
  '42501', 'new row violates row-level security policy for table "contest"', 'nor one of A in commune B''s campaign');
select results_eq(format('update public.contest set title = %L where id = %s returning title', 'Cuộc thi chuyển đổi số 2026', pg_temp.contest('cuoc-thi-a')),
  array['Cuộc thi chuyển đổi số 2026'], 'she renames A''s contest');
select is_empty(format('update public.contest set title = %L where id = %s returning 1', 'Bị sửa', pg_temp.contest('cuoc-thi-b')),
  'her edit of B''s contest changes no row');
select is_empty(format('delete from public.contest where id = %s returning 1', pg_temp.contest('cuoc-thi-b')),
  'her removal of B''s contest removes no row');

select lives_ok(format($q$ with r as (insert into public.contest_round (contest_id, number, quiz_id) values (%s, 1, %s) returning id)
                          insert into round_ids select 'new-round', id from r $q$, pg_temp.contest('cuoc-thi-moi'), pg_temp.quiz('spare')),
  'she adds a round to her contest, with her quiz that has a window');
select is(tests.error_of(format('insert into public.contest_round (contest_id, number, quiz_id) values (%s, 2, %s)',
                                  pg_temp.contest('cuoc-thi-moi'), pg_temp.quiz('no-window'))),
  '23514 round_quiz_window', 'a round whose quiz has no opening and closing time is refused');
select is(tests.error_of(format('update public.contest_round set quiz_id = %s where id = %s', pg_temp.quiz('no-window'), pg_temp.round('new-round'))),
  '23514 round_quiz_window', 'so is moving a round to such a quiz');
select throws_ok(format('insert into public.contest_round (contest_id, number, quiz_id) values (%s, 2, %s)',
                        pg_temp.contest('cuoc-thi-moi'), pg_temp.quiz('quiz-b')),
  '42501', 'new row violates row-level security policy for table "contest_round"', 'a round cannot use commune B''s quiz');
select throws_ok(format('insert into public.contest_round (contest_id, number, quiz_id) values (%s, 2, %s)',
                        pg_temp.contest('cuoc-thi-b'), pg_temp.quiz('spare-2')),
  '42501', 'new row violates row-level security policy for table "contest_round"', 'she cannot add a round to B''s contest');
select is_empty(format('delete from public.contest_round where contest_id = %s returning 1', pg_temp.contest('cuoc-thi-b')),
  'nor remove one of its rounds');
select throws_ok(format('update public.contest_round set results_at = now() where id = %s', pg_temp.round('new-round')),
  '42501', 'permission denied for table contest_round', 'nobody marks a round''s results as computed by hand');
select throws_ok(format($q$ insert into public.contest_result (round_id, rank, person_id, display_name, attempt_id, score, max_score, duration_ms, submitted_at)
                           select %s, 1, %L, 'Ai đó', id, 3, 3, 1, now() from public.quiz_attempt limit 1 $q$,
                        pg_temp.round('new-round'), tests.id('citizen_a')),
  '42501', 'permission denied for table contest_result', 'nor writes results');

select tests.sign_in('citizen_a');
select throws_ok(format($q$ insert into public.contest (campaign_id, slug, title, owner_unit_id)
                           select id, 'cuoc-thi-cua-toi', 'Cuộc thi của tôi', %s from public.campaign where slug = 'thang-chuyen-doi-so' $q$,
                        tests.unit('22366')),
  '42501', 'new row violates row-level security policy for table "contest"', 'a citizen cannot add a contest');
select is_empty(format('update public.contest_round set prediction_truth = 1 where id = %s returning 1', pg_temp.round('round-1')),
  'nor change a round''s truth');
select tests.sign_in_anonymously();
select throws_ok($$ insert into public.campaign (slug, title) values ('vo-danh', 'Vô danh') $$,
  '42501', 'permission denied for table campaign', 'anonymous cannot add a campaign');

-- ───────────── round 1, while it is open ─────────────
-- Three points to earn. The official answers all right; citizen_a, villager_a and citizen_b two of three;
-- admin_a saves one right answer and never submits. Each predicts the number of participants. Answers are
-- written in the bank's ids and sent in the ids each attempt shows (tests.as_shown).
create function pg_temp.take(persona text, answers text, prediction bigint, submit boolean default true) returns void language plpgsql as $$
declare
  attempt uuid;
begin
  perform tests.sign_in(persona);
  attempt := public.start_quiz_attempt(pg_temp.quiz('round-1'));
  insert into attempt_ids values (persona, attempt);
  if submit then
    perform public.submit_quiz_attempt(attempt, tests.as_shown(attempt, answers::jsonb), prediction);
  else
    perform public.save_quiz_answers(attempt, tests.as_shown(attempt, answers::jsonb));
  end if;
end
$$;
select pg_temp.take('official', '{"1": {"choice": "a"}, "2": {"choice": "a"}, "3": {"choice": "a"}}', 50);
select pg_temp.take('citizen_a', '{"1": {"choice": "a"}, "2": {"choice": "a"}, "3": {"choice": "b"}}', 100);
select pg_temp.take('villager_a', '{"1": {"choice": "a"}, "2": {"choice": "b"}, "3": {"choice": "a"}}', 5);
select pg_temp.take('admin_a', '{"1": {"choice": "a"}}', null, false);
select tests.sign_in('citizen_b');
insert into attempt_ids values ('citizen_b', public.start_quiz_attempt(pg_temp.quiz('round-1')));
select is(tests.error_of($$ select public.submit_quiz_attempt(pg_temp.attempt('citizen_b'),
                                 tests.as_shown(pg_temp.attempt('citizen_b'), '{"1": {"choice": "a"}}'), -1) $$),
  '22023 invalid_prediction', 'a negative prediction is refused');
select results_eq($$ select score, max_score from public.submit_quiz_attempt(pg_temp.attempt('citizen_b'),
                       tests.as_shown(pg_temp.attempt('citizen_b'), '{"1": {"choice": "b"}, "2": {"choice": "a"}, "3": {"choice": "a"}}'), 7) $$,
  $$ values (2.00, 3.00) $$, 'citizen B submits with her prediction');
select is((select prediction from public.quiz_attempt where id = pg_temp.attempt('citizen_b')), 7::bigint, 'which is recorded');

select tests.sign_in_anonymously();
select results_eq(format('select unit_id, participants from public.round_participation(%s)', pg_temp.round('round-1')),
  format('values (%s::bigint, 3::bigint), (%s, 2)', tests.unit('22366'), tests.unit('22759')),
  'during the round, anyone reads the participants by commune: three in A (the village counted in A), two in B');
select results_eq(format('select unit_name from public.round_participation(%s)', pg_temp.round('round-1')),
  $$ select name from public.unit where id in (tests.unit('22366'), tests.unit('22759')) order by id = tests.unit('22759') $$,
  'with the communes'' names');
select results_eq(format('select unit_id, participants from public.round_participation(%s, true)', pg_temp.round('round-1')),
  format('values (null::bigint, 4::bigint), (%s, 1)', tests.unit('SKHCN')),
  'and by agency: one from SKHCN, four with none');
select is(tests.error_of(format('select public.compute_round_results(%s)', pg_temp.round('round-1'))),
  'P0001 round_open', 'its results cannot be computed while it is open');
select is_empty(format('select rank from public.contest_result where round_id = %s', pg_temp.round('round-1')),
  'so there are none');
select is(tests.error_of('select public.compute_round_results(-1)'), 'P0002 round_not_found', 'a round that does not exist is not found');

-- ───────────── round 1 closes ─────────────
-- Time passes (as the service): the quiz closed a minute ago, and with it admin_a's attempt. The submitted
-- attempts get times that make every rule decide a place:
--   official    3 points  50 s  predicts 50  (distance 45)
--   citizen_a   2 points  30 s  predicts 100 (distance 95)  faster than the other two with 2 points
--   villager_a  2 points  40 s  predicts 5   (distance 0)   submitted after citizen_b, closer prediction
--   citizen_b   2 points  40 s  predicts 7   (distance 2)
--   admin_a     1 point, finished at the close, no prediction
-- The truth is the number of participants: 5.
select tests.sign_out();
update public.quiz set closes_at = now() - interval '1 minute' where id = pg_temp.quiz('round-1');
update public.quiz_attempt a set started_at = now() - interval '2 hours' + t.start_after, duration_ms = t.duration,
  submitted_at = now() - interval '2 hours' + t.start_after + t.duration * interval '1 millisecond',
  deadline_at = now() - interval '1 minute'
from (values ('official', interval '0', 50000), ('citizen_a', interval '10 minutes', 30000),
             ('villager_a', interval '5 minutes', 40000), ('citizen_b', interval '0', 40000)) as t (persona, start_after, duration)
where a.id = pg_temp.attempt(t.persona);
update public.quiz_attempt set started_at = now() - interval '2 hours', deadline_at = now() - interval '1 minute'
where id = pg_temp.attempt('admin_a');

select tests.sign_in_anonymously();
select is(public.compute_round_results(pg_temp.round('round-1')), now(), 'once it has closed, anyone may compute its results');

select tests.sign_in('organizer_a');
select results_eq(format($q$ select rank, person_id, score, duration_ms, prediction, prediction_distance
                             from pg_temp.results(%s) order by rank $q$, pg_temp.round('round-1')),
  $$ values (1, tests.id('official'), 3.00, 50000, 50::bigint, 45::bigint),
            (2, tests.id('citizen_a'), 2.00, 30000, 100, 95),
            (3, tests.id('villager_a'), 2.00, 40000, 5, 0),
            (4, tests.id('citizen_b'), 2.00, 40000, 7, 2),
            (5, tests.id('admin_a'), 1.00, 7140000, null, null) $$,
  'the ranking: score first, then time taken, then the prediction''s distance from the truth');
select results_eq(format('select person_id, commune_id, agency_id from pg_temp.results(%s) order by rank', pg_temp.round('round-1')),
  format($q$ values (tests.id('official'), %1$s::bigint, %3$s::bigint), (tests.id('citizen_a'), %2$s, null), (tests.id('villager_a'), %2$s, null),
                    (tests.id('citizen_b'), %1$s, null), (tests.id('admin_a'), %2$s, null) $q$,
         tests.unit('22759'), tests.unit('22366'), tests.unit('SKHCN')),
  'each result carries the commune (the villager''s is A) and the agency (the official''s SKHCN)');
select results_eq(format('select display_name from public.contest_result where round_id = %s and rank = 1', pg_temp.round('round-1')),
  array['Phạm Quốc Tuấn'], 'and the participant''s name');
select tests.sign_in('citizen_b');
select results_eq(format('select rank, display_name from public.contest_result where round_id = %s order by rank', pg_temp.round('round-1')),
  $$ values (1, 'Phạm Quốc Tuấn'), (2, 'Nguyễn Thị Lan'), (3, 'Trần Văn Minh'), (4, 'Lê Thị Hoa'), (5, 'Hoàng Minh Đức') $$,
  'a participant reads the whole ranking by name');
select throws_ok(format('select person_id from public.contest_result where round_id = %s', pg_temp.round('round-1')), '42501',
  'permission denied for table contest_result', 'but not who the others are');
select results_eq(format('select rank, person_id from public.contest_result_people(%s)', pg_temp.round('round-1')),
  $$ values (4, tests.id('citizen_b')) $$, 'only which row is her own');
select tests.sign_in('admin_a');
select results_eq(format('select rank, person_id from public.contest_result_people(%s) order by rank', pg_temp.round('round-1')),
  $$ values (2, tests.id('citizen_a')), (3, tests.id('villager_a')), (5, tests.id('admin_a')) $$,
  'a unit admin knows the rows of the people of her commune');
select tests.sign_in_anonymously();
select throws_ok(format('select * from public.contest_result_people(%s)', pg_temp.round('round-1')), '42501',
  'permission denied for function contest_result_people', 'anonymous readers know nobody''s row');
select results_eq(format('select prediction_truth, results_at from public.contest_round where id = %s', pg_temp.round('round-1')),
  $$ values (5::bigint, now()) $$, 'the truth (five participants) and the time of the computation are recorded on the round');
select tests.sign_out();
select results_eq($$ select submitted_at = deadline_at, score, duration_ms from public.quiz_attempt where id = pg_temp.attempt('admin_a') $$,
  $$ values (true, 1.00, 7140000) $$, 'the attempt left open was finished at its deadline with what was saved');

-- Computing again: nothing changes, even after a late attempt appears.
create temp table round_1_results as select * from public.contest_result where round_id = pg_temp.round('round-1');
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, deadline_at, submitted_at, score, max_score, pass_percent, passed, duration_ms)
values (pg_temp.quiz('round-1'), tests.id('organizer_a'), 1, now() - interval '1 hour', now() - interval '1 minute',
        now() - interval '59 minutes', 3, 3, 50, true, 1000);
select tests.sign_in('citizen_a');
select is(public.compute_round_results(pg_temp.round('round-1')), now(), 'computing again returns the time of the first computation');
select tests.sign_out();
select set_eq(format('select * from public.contest_result where round_id = %s', pg_temp.round('round-1')),
  'select * from round_1_results', 'and leaves the results as they were');

-- ───────────── round 2: submission time, no prediction, the best attempt ─────────────
-- Already closed; attempts written as the service. One point; everyone 10 s; truth 1000. citizen_b and
-- citizen_a are both 10 off, citizen_b submitted first; villager_a, first of all, made no prediction.
-- citizen_a's first attempt (0 points) does not count: the quiz counts the best.
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, deadline_at, submitted_at, score, max_score, pass_percent, passed,
                                 duration_ms, prediction)
select pg_temp.quiz('round-2'), tests.id(a.persona), a.number, now() - interval '3 days' + a.started, now() - interval '2 days',
       now() - interval '3 days' + a.started + interval '10 seconds', a.score, 1, 50, a.score > 0, 10000, a.prediction
from (values ('citizen_b', 1, interval '1 hour', 1.00, 1010), ('citizen_a', 1, interval '10 minutes', 0.00, 1000),
             ('citizen_a', 2, interval '2 hours', 1.00, 990), ('villager_a', 1, interval '0', 1.00, null)) as a (persona, number, started, score, prediction);
select tests.sign_in('villager_a');
select isnt(public.compute_round_results(pg_temp.round('round-2')), null, 'a participant computes the results of a closed round');
select tests.sign_in('organizer_a');
select results_eq(format('select rank, person_id, prediction_distance from pg_temp.results(%s) order by rank', pg_temp.round('round-2')),
  $$ values (1, tests.id('citizen_b'), 10::bigint), (2, tests.id('citizen_a'), 10), (3, tests.id('villager_a'), null) $$,
  'equal score, time and distance: the earlier submission ranks first; no prediction ranks after any');
select tests.sign_out();
select results_eq(format($q$ select a.number from public.contest_result r join public.quiz_attempt a on a.id = r.attempt_id
                             where r.round_id = %s and r.person_id = %L $q$, pg_temp.round('round-2'), tests.id('citizen_a')),
  array[2::smallint], 'citizen_a''s better, second attempt is the one ranked');

-- ───────────── round 3: the last attempt, no prediction asked ─────────────
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, deadline_at, submitted_at, score, max_score, pass_percent, passed,
                                 duration_ms, prediction)
select pg_temp.quiz('round-3'), tests.id(a.persona), a.number, now() - interval '3 days' + a.started, now() - interval '2 days',
       now() - interval '3 days' + a.started + a.duration * interval '1 millisecond', a.score, 2, 50, a.score > 0, a.duration, a.prediction
from (values ('citizen_a', 1, interval '0', 2.00, 20000, null), ('citizen_a', 2, interval '1 hour', 0.00, 5000, 3),
             ('villager_a', 1, interval '0', 1.00, 30000, null)) as a (persona, number, started, score, duration, prediction);
select tests.sign_in('citizen_a');
select isnt(public.compute_round_results(pg_temp.round('round-3')), null, 'the third round is computed');
select tests.sign_in('organizer_a');
select results_eq(format('select rank, person_id, score, prediction, prediction_distance from pg_temp.results(%s) order by rank',
                         pg_temp.round('round-3')),
  $$ values (1, tests.id('villager_a'), 1.00, null::bigint, null::bigint), (2, tests.id('citizen_a'), 0.00, 3, null) $$,
  'a quiz counting the last attempt ranks citizen_a by her last (0), not her best (2); with no prediction asked, no distance');

-- ───────────── standings and public results ─────────────
-- Over the three rounds:  villager_a 2+1+1 = 4;  citizen_a 2+1+0 = 3 in 45 s;  citizen_b 2+1 = 3 in 50 s, 12 off;
-- official 3 in 50 s, 45 off;  admin_a 1.
select tests.sign_in_anonymously();
select results_eq(format('select rank, display_name, rounds, score, max_score, duration_ms, prediction_distance from public.contest_standings(%s) order by rank',
                         pg_temp.contest('cuoc-thi-a')),
  $$ values (1::bigint, 'Trần Văn Minh', 3::bigint, 4.00, 6.00, 80000::bigint, 0.00),
            (2, 'Nguyễn Thị Lan', 3, 3.00, 6.00, 45000, 105.00),
            (3, 'Lê Thị Hoa', 2, 3.00, 4.00, 50000, 12.00),
            (4, 'Phạm Quốc Tuấn', 1, 3.00, 3.00, 50000, 45.00),
            (5, 'Hoàng Minh Đức', 1, 1.00, 3.00, 7140000, null) $$,
  'the standings sum the rounds: score, then total time, then total distance');
select results_eq(format('select display_name, commune_id, agency_id from public.contest_standings(%s) where agency_id is not null', pg_temp.contest('cuoc-thi-a')),
  format($q$ values ('Phạm Quốc Tuấn', %s::bigint, %s::bigint) $q$, tests.unit('22759'), tests.unit('SKHCN')),
  'with each one''s commune and agency');
select is_empty(format('select * from public.contest_standings(%s) where is_me', pg_temp.contest('cuoc-thi-a')),
  'anonymous is nobody in them');
select tests.sign_in('citizen_a');
select results_eq(format('select rank, display_name from public.contest_standings(%s) where is_me', pg_temp.contest('cuoc-thi-a')),
  $$ values (2::bigint, 'Nguyễn Thị Lan') $$, 'a participant finds her own row');

select tests.sign_in_anonymously();
select results_eq(format('select rank, display_name, score from public.contest_result where round_id = %s order by rank', pg_temp.round('round-2')),
  $$ values (1, 'Lê Thị Hoa', 1.00), (2, 'Nguyễn Thị Lan', 1.00), (3, 'Trần Văn Minh', 1.00) $$,
  'anonymous reads the results of a published contest');
select throws_ok($$ select person_id from public.contest_result $$, '42501', 'permission denied for table contest_result',
  'but not who the participants are');
select throws_ok($$ select attempt_id from public.contest_result $$, '42501', 'permission denied for table contest_result',
  'nor their attempts');

-- ───────────── a draft contest's results ─────────────
select tests.sign_out();
insert into public.quiz_attempt (quiz_id, person_id, number, started_at, deadline_at, submitted_at, score, max_score, pass_percent, passed, duration_ms)
values (pg_temp.quiz('draft-round'), tests.id('citizen_a'), 1, now() - interval '3 days', now() - interval '2 days',
        now() - interval '3 days' + interval '1 minute', 1, 1, 50, true, 60000);
select isnt(public.compute_round_results(pg_temp.round('draft-round')), null, 'the results of a draft contest''s closed round are computed');
select tests.sign_in_anonymously();
select is_empty(format('select rank from public.contest_result where round_id = %s', pg_temp.round('draft-round')),
  'anonymous does not read them');
select is_empty(format('select * from public.contest_standings(%s)', pg_temp.contest('cuoc-thi-nhap')), 'nor the standings');
select is_empty(format('select * from public.round_participation(%s)', pg_temp.round('draft-round')), 'nor the participation');
select tests.sign_in('citizen_a');
select is_empty(format('select rank from public.contest_result where round_id = %s', pg_temp.round('draft-round')),
  'nor does the participant herself');
select is_empty(format('select * from public.contest_result_people(%s)', pg_temp.round('draft-round')),
  'nor learns which row is hers');
select tests.sign_in('organizer_a');
select results_eq(format('select rank, person_id from pg_temp.results(%s)', pg_temp.round('draft-round')),
  $$ values (1, tests.id('citizen_a')) $$, 'its author reads them, with the person');
select results_eq(format('select rank, display_name from public.contest_standings(%s)', pg_temp.contest('cuoc-thi-nhap')),
  $$ values (1::bigint, 'Nguyễn Thị Lan') $$, 'and its standings');

-- ───────────── a taken round stays ─────────────
select tests.sign_in('organizer_a');
select is(tests.error_of(format('delete from public.contest_round where id = %s', pg_temp.round('round-1'))),
  '23514 round_taken', 'the organizer cannot remove a round people have taken');

-- ───────────── a round's quiz keeps its window ─────────────
-- The window is checked when the round is created, and again whenever the organizer edits the quiz's window:
-- without a close, a round could never be ranked (or be ranked while still open).
select is(tests.error_of(format('update public.quiz set closes_at = null where id = %s', pg_temp.quiz('lost-close'))),
  '23514 round_quiz_window', 'the organizer cannot remove the close of a round''s quiz');
select is(tests.error_of(format('update public.quiz set opens_at = null where id = %s', pg_temp.quiz('lost-close'))),
  '23514 round_quiz_window', 'nor its opening');

select * from finish();
rollback;
