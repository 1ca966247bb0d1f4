-- Nothing a learner's browser receives may encode an answer key. The bank's choice ids are the author's
-- ('a', 'b', … and, for matching, the right-hand ids often equal the left ones they belong to), so an
-- attempt no longer shows them: when it starts, every question is copied into the attempt with fresh random
-- ids and its own order (private.disguise_question), key included, and everything after that — validating,
-- grading, showing, reviewing — reads the attempt's copy. The mapping back to the bank's ids is kept in
-- attempt_question.aliases for authors' reports.
--
-- Also here: essays, graded by a person (the attempt waits for grading and counts only once graded; never
-- in a contest), cloze responses, drawing from a category, and contest rounds that always shuffle choices.

-- ───────────────────────────── the attempt's own copy of each question ─────────────────────────────
alter table public.attempt_question
  add column kind text,
  add column content jsonb,
  add column key jsonb,
  add column aliases jsonb not null default '{}',
  add column graded_at timestamptz,
  add column graded_by uuid references public.profile (id) on delete set null,
  add column grader_comment text check (char_length(grader_comment) <= 2000);

-- Attempts started before this migration keep the ids and order they were shown with.
update public.attempt_question aq set
  kind = v.kind,
  content = case v.kind
    when 'single' then jsonb_build_object('options', private.ordered_choices(v.content -> 'options', aq.choice_order))
    when 'multiple' then jsonb_build_object('options', private.ordered_choices(v.content -> 'options', aq.choice_order))
    when 'ordering' then jsonb_build_object('items', private.ordered_choices(v.content -> 'items', aq.choice_order))
    when 'matching' then jsonb_build_object('left', v.content -> 'left',
                                            'right', private.ordered_choices(v.content -> 'right', aq.choice_order))
    else v.content
  end,
  key = v.key
from public.question_version v where v.id = aq.question_version_id;

alter table public.attempt_question
  alter column kind set not null,
  alter column content set not null,
  alter column key set not null,
  drop column choice_order;
drop function private.choice_order(jsonb, boolean);
drop function private.ordered_choices(jsonb, text[]);

comment on table public.attempt_question is
  'A question of an attempt: its own copy of the version drawn (its kind, content as shown, with fresh ids '
  'and order, and the key in those ids), the saved response and the points it earned (graded when saved; hidden until '
  'the review policy allows). Essays are graded by a person (graded_at, graded_by, grader_comment).';
comment on column public.attempt_question.aliases is
  'The bank''s choice ids → the ids this attempt shows, per list (options, items, left, right; gaps for cloze).';

alter table public.quiz_attempt add column grading_pending boolean not null default false;
alter table public.quiz_attempt drop constraint quiz_attempt_submitted;
alter table public.quiz_attempt add constraint quiz_attempt_submitted check (
  (submitted_at is null) = (score is null)
  and (passed is null) = (score is null or grading_pending)
  and (not grading_pending or submitted_at is not null));
comment on column public.quiz_attempt.grading_pending is
  'Submitted with essay answers not graded yet: score is what is graded so far, passed is unknown (null).';
create index quiz_attempt_grading_idx on public.quiz_attempt (quiz_id) where grading_pending;

-- ───────────────────────────── disguise ─────────────────────────────
-- A list of choices with fresh random ids, shuffled or in its order: {"shown": [...], "aliases": {old: new}}.
create function private.disguise_choices(choices jsonb, shuffle boolean) returns jsonb
language plpgsql volatile set search_path = '' as $$
declare
  result jsonb;
begin
  loop
    -- gen_random_uuid() draws from the server's strong random source; its first ten hex digits are random.
    with drawn as (
      select c.value as choice, c.n, substr(replace(gen_random_uuid()::text, '-', ''), 1, 10) as alias,
        case when shuffle then gen_random_uuid()::text else lpad(c.n::text, 6, '0') end as sort_key
      from jsonb_array_elements(choices) with ordinality c(value, n)
    )
    select jsonb_build_object(
      'shown', coalesce(jsonb_agg(jsonb_set(d.choice, '{id}', to_jsonb(d.alias)) order by d.sort_key), '[]'::jsonb),
      'aliases', coalesce(jsonb_object_agg(d.choice ->> 'id', d.alias), '{}'::jsonb))
    into result from drawn d;
    -- Two equal aliases (one chance in 10^11 or so) would make answers ambiguous: draw again.
    exit when (select count(distinct a.value) from jsonb_each_text(result -> 'aliases') a) = jsonb_array_length(choices);
  end loop;
  return result;
end;
$$;

-- Ids renamed: one (text), a JSON array of them, or the keys of a JSON object.
create function private.alias_of(id text, aliases jsonb) returns text
language sql immutable set search_path = '' as $$ select aliases ->> id $$;

create function private.alias_array(ids jsonb, aliases jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_agg(to_jsonb(aliases ->> i.value) order by i.n), '[]'::jsonb)
  from jsonb_array_elements_text(ids) with ordinality i(value, n);
$$;

create function private.alias_keys(object jsonb, aliases jsonb) returns jsonb
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_object_agg(aliases ->> o.key, o.value), '{}'::jsonb) from jsonb_each(object) o;
$$;

-- A question as one attempt shows it: content with fresh ids (choices shuffled when asked; items to order
-- and the right-hand column of a matching question always), the key in the same ids, and the aliases.
create function private.disguise_question(kind text, content jsonb, key jsonb, shuffle boolean,
  out shown_content jsonb, out shown_key jsonb, out aliases jsonb)
language plpgsql volatile set search_path = '' as $$
declare
  options jsonb;
  left_side jsonb;
  right_side jsonb;
  gap record;
  gap_content jsonb[] := '{}'::jsonb[];
  gap_key jsonb[] := '{}'::jsonb[];
  gap_aliases jsonb[] := '{}'::jsonb[];
  part record;
begin
  case kind
    when 'single', 'multiple' then
      options := private.disguise_choices(content -> 'options', shuffle);
      aliases := jsonb_build_object('options', options -> 'aliases');
      shown_content := jsonb_build_object('options', options -> 'shown');
      shown_key := key || jsonb_build_object('correct', case kind
        when 'single' then to_jsonb(private.alias_of(key ->> 'correct', options -> 'aliases'))
        else private.alias_array(key -> 'correct', options -> 'aliases') end);
      if key ? 'weights' then
        shown_key := shown_key || jsonb_build_object('weights', private.alias_keys(key -> 'weights', options -> 'aliases'));
      end if;
      if key ? 'feedback' then
        shown_key := shown_key || jsonb_build_object('feedback', private.alias_keys(key -> 'feedback', options -> 'aliases'));
      end if;
    when 'ordering' then
      options := private.disguise_choices(content -> 'items', true);
      aliases := jsonb_build_object('items', options -> 'aliases');
      shown_content := jsonb_build_object('items', options -> 'shown');
      shown_key := key || jsonb_build_object('order', private.alias_array(key -> 'order', options -> 'aliases'));
    when 'matching' then
      left_side := private.disguise_choices(content -> 'left', false);
      right_side := private.disguise_choices(content -> 'right', true);
      aliases := jsonb_build_object('left', left_side -> 'aliases', 'right', right_side -> 'aliases');
      shown_content := jsonb_build_object('left', left_side -> 'shown', 'right', right_side -> 'shown');
      shown_key := key || jsonb_build_object('pairs', (
        select coalesce(jsonb_object_agg(left_side -> 'aliases' ->> p.key, right_side -> 'aliases' ->> p.value), '{}'::jsonb)
        from jsonb_each_text(disguise_question.key -> 'pairs') p));
    when 'cloze' then
      for gap in
        select c.value as c, k.value as k
        from jsonb_array_elements(content -> 'gaps') with ordinality c(value, n)
        join jsonb_array_elements(key -> 'gaps') with ordinality k(value, n) on k.n = c.n
        order by c.n
      loop
        select * into part from private.disguise_question(gap.c ->> 'kind', gap.c - 'kind', gap.k, shuffle);
        gap_content := gap_content || (part.shown_content || jsonb_build_object('kind', gap.c ->> 'kind'));
        gap_key := gap_key || part.shown_key;
        gap_aliases := gap_aliases || part.aliases;
      end loop;
      shown_content := jsonb_build_object('text', content -> 'text', 'gaps', to_jsonb(gap_content));
      shown_key := key || jsonb_build_object('gaps', to_jsonb(gap_key));
      aliases := jsonb_build_object('gaps', to_jsonb(gap_aliases));
    else
      -- true/false, short text, numeric, essay: nothing in their content names an answer
      shown_content := content;
      shown_key := key;
      aliases := '{}'::jsonb;
  end case;
end;
$$;
comment on function private.disguise_question(text, jsonb, jsonb, boolean) is
  'A question as one attempt shows it: fresh random ids, its own order, and the key in those ids.';

-- ───────────────────────────── drawing ─────────────────────────────
-- Whether the quiz is a contest round's: its choices are always shuffled and it never draws essays.
create function private.is_round_quiz(target_quiz bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.contest_round r where r.quiz_id = target_quiz);
$$;

-- The questions a pool may draw: current, unarchived, in its category's subtree and with its competence
-- (when set), and no essay for a contest round.
create function private.pool_candidates(pool public.quiz_pool, for_round boolean) returns setof bigint
language sql stable security definer set search_path = '' as $$
  select q.id from public.question q join public.question_version v on v.id = q.current_version_id
  where q.bank_id = pool.bank_id and not q.archived
    and (pool.category_id is null or q.category_id = any (private.category_subtree(pool.category_id)))
    and (pool.competence_id is null or exists (
      select 1 from public.question_competence c where c.question_id = q.id and c.competence_id = pool.competence_id))
    and not (for_round and v.kind = 'essay');
$$;

create or replace function public.quiz_question_count(target_quiz bigint) returns integer
language sql stable security definer set search_path = '' as $$
  select case when private.is_published_quiz(target_quiz) or private.can_author_quiz(target_quiz) then (
    (select count(*) from public.quiz_question x join public.question q on q.id = x.question_id
     join public.question_version v on v.id = q.current_version_id
     where x.quiz_id = target_quiz and not q.archived and not (v.kind = 'essay' and private.is_round_quiz(target_quiz)))
    + coalesce((select sum(least(p.draw_count, (select count(*) from private.pool_candidates(p, private.is_round_quiz(target_quiz)))))
      from public.quiz_pool p where p.quiz_id = target_quiz), 0)
  )::integer end;
$$;

-- Starts an attempt, or returns the one in progress (a reload or a dropped connection resumes it with the
-- same questions and deadline). Refuses a quiz that is not published, not open, or out of attempts.
create or replace function public.start_quiz_attempt(target_quiz bigint) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  quiz public.quiz;
  for_round boolean;
  new_attempt uuid;
  drawn bigint[];
  used integer;
  pool public.quiz_pool;
begin
  if me is null then
    raise exception 'sign in to take a quiz' using errcode = '42501', hint = 'quiz_sign_in';
  end if;
  select * into quiz from public.quiz q where q.id = target_quiz;
  if not found or not private.is_published_quiz(target_quiz) then
    raise exception 'quiz not found' using errcode = 'P0002', hint = 'quiz_not_found';
  end if;
  -- One start at a time per person and quiz, so two tabs cannot both create an attempt.
  perform pg_advisory_xact_lock(hashtextextended(target_quiz::text || ':' || me::text, 72016004));
  perform private.finish_expired_attempts(target_quiz, me);

  select a.id into new_attempt from public.quiz_attempt a
  where a.quiz_id = target_quiz and a.person_id = me and a.submitted_at is null;
  if found then
    return new_attempt;
  end if;

  if quiz.opens_at is not null and now() < quiz.opens_at then
    raise exception 'quiz not open yet' using errcode = 'P0001', hint = 'quiz_not_open';
  end if;
  if quiz.closes_at is not null and now() >= quiz.closes_at then
    raise exception 'quiz closed' using errcode = 'P0001', hint = 'quiz_closed';
  end if;
  select count(*) into used from public.quiz_attempt a where a.quiz_id = target_quiz and a.person_id = me;
  if quiz.max_attempts is not null and used >= quiz.max_attempts then
    raise exception 'no attempts left' using errcode = 'P0001', hint = 'quiz_no_attempts_left';
  end if;
  for_round := private.is_round_quiz(target_quiz);

  insert into public.quiz_attempt (quiz_id, person_id, number, deadline_at, max_score, pass_percent)
  values (
    target_quiz, me, used + 1,
    least(now() + make_interval(secs => quiz.time_limit_seconds), quiz.closes_at),
    0, quiz.pass_percent
  )
  returning id into new_attempt;

  -- The draw: the fixed questions, then each pool's random pick among its candidates not already drawn.
  select coalesce(array_agg(q.id order by qq.position), '{}')
  into drawn
  from public.quiz_question qq join public.question q on q.id = qq.question_id
  join public.question_version v on v.id = q.current_version_id
  where qq.quiz_id = target_quiz and not q.archived and not (for_round and v.kind = 'essay');
  for pool in select * from public.quiz_pool p where p.quiz_id = target_quiz order by p.id loop
    drawn := drawn || array(
      select c.id from private.pool_candidates(pool, for_round) c(id)
      where not c.id = any (drawn)
      order by random()
      limit pool.draw_count);
  end loop;
  if cardinality(drawn) = 0 then
    raise exception 'quiz has no questions' using errcode = 'P0001', hint = 'quiz_empty';
  end if;
  if quiz.shuffle_questions then
    drawn := array(select d from unnest(drawn) d order by random());
  end if;

  -- Each question copied with fresh ids; a contest round always shuffles choices, since in the author's
  -- order the right one is often first.
  insert into public.attempt_question (attempt_id, position, question_version_id, kind, content, key, aliases, points)
  select new_attempt, d.n, v.id, v.kind, s.shown_content, s.shown_key, s.aliases, v.points
  from unnest(drawn) with ordinality d(question_id, n)
  join public.question q on q.id = d.question_id
  join public.question_version v on v.id = q.current_version_id
  cross join lateral private.disguise_question(v.kind, v.content, v.key, quiz.shuffle_options or for_round) s;

  update public.quiz_attempt a
  set max_score = (select sum(q.points) from public.attempt_question q where q.attempt_id = new_attempt)
  where a.id = new_attempt;
  return new_attempt;
end;
$$;

-- ───────────────────────────── answers ─────────────────────────────
-- Whether a response is well formed for the question as the attempt shows it (only ids it offers, each item
-- to order once). Ids are checked by containment rather than helper calls: this runs for every answer saved.
create function private.is_valid_response(kind text, content jsonb, response jsonb) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(response) = 'object' and case kind
    when 'single' then jsonb_typeof(response -> 'choice') = 'string'
      and (content -> 'options') @> jsonb_build_array(jsonb_build_object('id', response -> 'choice'))
    when 'multiple' then jsonb_typeof(response -> 'choices') = 'array' and not exists (
        select 1 from jsonb_array_elements(response -> 'choices') c
        where jsonb_typeof(c) <> 'string' or not (content -> 'options') @> jsonb_build_array(jsonb_build_object('id', c)))
    when 'true_false' then jsonb_typeof(response -> 'value') = 'boolean'
    when 'ordering' then jsonb_typeof(response -> 'order') = 'array'
      and jsonb_array_length(response -> 'order') = jsonb_array_length(content -> 'items')
      and not exists (
        select 1 from jsonb_array_elements(response -> 'order') c
        where jsonb_typeof(c) <> 'string' or not (content -> 'items') @> jsonb_build_array(jsonb_build_object('id', c)))
      and (select count(distinct c) from jsonb_array_elements(response -> 'order') c) = jsonb_array_length(response -> 'order')
    when 'matching' then jsonb_typeof(response -> 'pairs') = 'object' and not exists (
        select 1 from jsonb_each(response -> 'pairs') p
        where not (content -> 'left') @> jsonb_build_array(jsonb_build_object('id', p.key))
           or jsonb_typeof(p.value) <> 'string' or not (content -> 'right') @> jsonb_build_array(jsonb_build_object('id', p.value)))
    when 'short_text' then jsonb_typeof(response -> 'text') = 'string' and char_length(response ->> 'text') <= 500
    when 'numeric' then jsonb_typeof(response -> 'value') = 'number'
    when 'essay' then jsonb_typeof(response -> 'text') = 'string' and char_length(response ->> 'text') <= 10000
    when 'cloze' then jsonb_typeof(response -> 'gaps') = 'array'
      and jsonb_array_length(response -> 'gaps') = jsonb_array_length(content -> 'gaps')
      and not exists (
        select 1 from jsonb_array_elements(response -> 'gaps') with ordinality r(value, n)
        where jsonb_typeof(r.value) <> 'null'
          and not coalesce(private.is_valid_response(content -> 'gaps' -> (r.n - 1)::integer ->> 'kind',
                                                     content -> 'gaps' -> (r.n - 1)::integer, r.value), false))
    else false
  end;
$$;
drop function private.is_valid_response(text, text[], jsonb, jsonb);

create or replace function public.save_quiz_answers(target uuid, answers jsonb) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt := private.own_attempt(target, true);
  answer record;
  question record;
  saved integer := 0;
begin
  if attempt.submitted_at is not null then
    raise exception 'attempt already submitted' using errcode = 'P0001', hint = 'attempt_submitted';
  end if;
  if attempt.deadline_at is not null and now() > attempt.deadline_at then
    raise exception 'time is up' using errcode = 'P0001', hint = 'attempt_time_up';
  end if;
  if jsonb_typeof(answers) <> 'object' then
    raise exception 'answers must be an object' using errcode = '22023', hint = 'invalid_response';
  end if;
  for answer in select * from jsonb_each(answers) loop
    select aq.position, aq.content, aq.key, aq.points, aq.kind into question
    from public.attempt_question aq
    where aq.attempt_id = target and answer.key ~ '^[0-9]{1,4}$' and aq.position = answer.key::integer;
    if not found then
      raise exception 'question % is not in this attempt', answer.key using errcode = '22023', hint = 'question_not_in_attempt';
    end if;
    if jsonb_typeof(answer.value) = 'null' then
      update public.attempt_question set response = null, answered_at = now(), score = 0
      where attempt_id = target and position = question.position;
    elsif coalesce(private.is_valid_response(question.kind, question.content, answer.value), false) then
      update public.attempt_question
      set response = answer.value, answered_at = now(),
          score = private.grade(question.kind, question.key, answer.value, question.points)
      where attempt_id = target and position = question.position;
    else
      raise exception 'response to question % is malformed', answer.key using errcode = '22023', hint = 'invalid_response';
    end if;
    saved := saved + 1;
  end loop;
  return saved;
end;
$$;

-- ───────────────────────────── finishing and grading by hand ─────────────────────────────
-- The attempt's total, and whether it passed — unknown while an answered essay waits for its grade; once
-- it passes, the course may be complete. With finished_at, it also closes the attempt (submission, duration):
-- one update either way, since every submission on a contest day goes through here.
create function private.settle_attempt(target uuid, finished_at timestamptz default null) returns void
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt;
  total numeric;
  pending boolean;
  course bigint;
begin
  select coalesce(sum(q.score), 0), coalesce(bool_or(q.kind = 'essay' and q.response is not null and q.graded_at is null), false)
  into total, pending
  from public.attempt_question q where q.attempt_id = target;
  update public.quiz_attempt a set
    submitted_at = coalesce(finished_at, a.submitted_at),
    duration_ms = case when finished_at is null then a.duration_ms
      else (extract(epoch from (least(finished_at, coalesce(a.deadline_at, finished_at)) - a.started_at)) * 1000)::integer end,
    score = total,
    grading_pending = pending,
    passed = case when pending then null when a.max_score = 0 then true else total * 100 >= a.pass_percent * a.max_score end
  where a.id = target
  returning * into attempt;
  select q.course_id into course from public.quiz q where q.id = attempt.quiz_id;
  if course is not null and not pending and private.course_requirements_met(attempt.person_id, course) then
    insert into public.course_completion (person_id, course_id) values (attempt.person_id, course) on conflict do nothing;
  end if;
end;
$$;

create or replace function private.finish_attempt(target uuid, finished_at timestamptz) returns void
language plpgsql security definer set search_path = '' as $$
begin
  perform private.settle_attempt(target, finished_at);
end;
$$;

-- A quiz author grades an essay answer of a submitted attempt (again, to correct a grade): points between
-- 0 and the question's, and a comment the learner sees at review. The attempt's total and pass follow.
create function public.grade_essay_answer(target uuid, question_number smallint, awarded numeric, comment text default null)
returns void
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt;
  question record;
begin
  select * into attempt from public.quiz_attempt a where a.id = target for update;
  if not found or not private.can_author_quiz(attempt.quiz_id) then
    raise exception 'attempt not found' using errcode = 'P0002', hint = 'attempt_not_found';
  end if;
  if attempt.submitted_at is null then
    raise exception 'the attempt is not submitted yet' using errcode = 'P0001', hint = 'attempt_in_progress';
  end if;
  select aq.points, aq.response, aq.kind into question
  from public.attempt_question aq
  where aq.attempt_id = target and aq.position = question_number;
  if not found or question.kind <> 'essay' then
    raise exception 'no essay at this number' using errcode = '22023', hint = 'not_an_essay';
  end if;
  if question.response is null then
    raise exception 'the essay was left unanswered' using errcode = '22023', hint = 'essay_not_answered';
  end if;
  if awarded is null or awarded < 0 or awarded > question.points or round(awarded, 2) <> awarded then
    raise exception 'points out of range' using errcode = '22023', hint = 'essay_points_range';
  end if;
  if char_length(comment) > 2000 then
    raise exception 'comment too long' using errcode = '22023', hint = 'essay_comment_too_long';
  end if;
  update public.attempt_question aq
  set score = awarded, graded_at = now(), graded_by = auth.uid(), grader_comment = nullif(btrim(comment), '')
  where aq.attempt_id = target and aq.position = question_number;
  perform private.settle_attempt(target);
end;
$$;
comment on function public.grade_essay_answer(uuid, smallint, numeric, text) is
  'A quiz author grades (or regrades) an essay answer; the attempt counts once every answered essay is graded.';

-- The essays of a quiz's submitted attempts, for its authors: those waiting first, oldest first. Learners
-- are not named, so that grading is blind. Attempts whose time ran out are finished first, so that their
-- essays are not missed.
create function public.quiz_essays_to_grade(target_quiz bigint, include_graded boolean default false)
returns table (attempt_id uuid, question_number smallint, submitted_at timestamptz, prompt text, grader_info text,
               answer text, points numeric, score numeric, graded_at timestamptz, comment text)
language plpgsql security definer set search_path = '' as $$
begin
  if not private.can_author_quiz(target_quiz) then
    return;
  end if;
  perform private.finish_expired_attempts(target_quiz);
  return query
  select a.id, aq.position, a.submitted_at, v.prompt, aq.key ->> 'graderInfo', aq.response ->> 'text', aq.points,
         case when aq.graded_at is not null then aq.score end, aq.graded_at, aq.grader_comment
  from public.quiz_attempt a
  join public.attempt_question aq on aq.attempt_id = a.id
  join public.question_version v on v.id = aq.question_version_id
  where a.quiz_id = target_quiz and a.submitted_at is not null and aq.kind = 'essay' and aq.response is not null
    and (include_graded or aq.graded_at is null)
  order by aq.graded_at is not null, a.submitted_at, a.id, aq.position
  limit 500;
end;
$$;

-- ───────────────────────────── what the learner sees ─────────────────────────────
drop function public.quiz_attempt_questions(uuid);
create function public.quiz_attempt_questions(target uuid)
returns table (
  number smallint, kind text, prompt text, prompt_format text, image_url text, image_alt text, content jsonb, points numeric,
  response jsonb, awaiting_grade boolean, score numeric, key jsonb, explanation text, grader_comment text
)
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt := private.own_attempt(target);
  reviewing boolean;
begin
  if attempt.submitted_at is null and attempt.deadline_at < now() then
    perform private.finish_attempt(target, attempt.deadline_at);
    attempt := private.own_attempt(target);
  end if;
  reviewing := private.review_open(attempt.quiz_id, attempt.submitted_at);
  return query
  select aq.position, v.kind, v.prompt, v.prompt_format, v.image_url, v.image_alt, aq.content, aq.points, aq.response,
    v.kind = 'essay' and aq.response is not null and aq.graded_at is null and attempt.submitted_at is not null,
    case when reviewing and not (v.kind = 'essay' and aq.response is not null and aq.graded_at is null) then aq.score end,
    case when reviewing then aq.key - 'graderInfo' end,
    case when reviewing then v.explanation end,
    case when reviewing then aq.grader_comment end
  from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
  where aq.attempt_id = target
  order by aq.position;
end;
$$;
comment on function public.quiz_attempt_questions(uuid) is
  'The current user''s attempt as shown to them (the attempt''s own ids and order); keys, per-question points, '
  'feedback and explanations only once review is open.';

create or replace function public.quiz_attempt_shapes(target uuid)
returns table (number smallint, kind text, content jsonb)
language sql stable security definer set search_path = '' as $$
  select aq.position, aq.kind,
    case aq.kind
      when 'ordering' then jsonb_build_object('items', aq.content -> 'items')
      when 'matching' then jsonb_build_object('left', aq.content -> 'left')
      when 'cloze' then jsonb_build_object('gaps', (
        select jsonb_agg(jsonb_build_object('kind', g ->> 'kind') order by n)
        from jsonb_array_elements(aq.content -> 'gaps') with ordinality x(g, n)))
      else '{}'::jsonb
    end
  from public.quiz_attempt a
  join public.attempt_question aq on aq.attempt_id = a.id
  where a.id = target and a.person_id = (select auth.uid())
  order by aq.position;
$$;

-- ───────────────────────────── contests: no essays ─────────────────────────────
-- A round's ranking is computed once at the close; an essay graded by hand cannot be in it.
create function private.refuse_essays_in_round(question_ids bigint[]) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if exists (
    select 1 from public.question q join public.question_version v on v.id = q.current_version_id
    where q.id = any (question_ids) and v.kind = 'essay'
  ) then
    raise exception 'a contest round cannot have essay questions' using errcode = 'check_violation', hint = 'round_quiz_essay';
  end if;
end;
$$;

create or replace function private.check_round_quiz() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.quiz q where q.id = new.quiz_id and q.opens_at is not null and q.closes_at is not null) then
    raise exception 'a contest round needs a quiz with opening and closing times' using errcode = 'check_violation',
      hint = 'round_quiz_window';
  end if;
  perform private.refuse_essays_in_round(array(select x.question_id from public.quiz_question x where x.quiz_id = new.quiz_id));
  return new;
end;
$$;

create function private.keep_essays_out_of_rounds() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.is_round_quiz(new.quiz_id) then
    perform private.refuse_essays_in_round(array[new.question_id]);
  end if;
  return new;
end;
$$;
create trigger quiz_question_keep_essays_out_of_rounds before insert or update on public.quiz_question
  for each row execute function private.keep_essays_out_of_rounds();

-- ───────────────────────────── grants ─────────────────────────────
revoke execute on function public.grade_essay_answer(uuid, smallint, numeric, text), public.quiz_essays_to_grade(bigint, boolean),
  public.quiz_attempt_questions(uuid) from public, anon;
grant execute on function public.grade_essay_answer(uuid, smallint, numeric, text), public.quiz_essays_to_grade(bigint, boolean),
  public.quiz_attempt_questions(uuid) to authenticated, service_role;
revoke execute on function private.disguise_choices(jsonb, boolean), private.disguise_question(text, jsonb, jsonb, boolean),
  private.settle_attempt(uuid, timestamptz), private.pool_candidates(public.quiz_pool, boolean),
  private.refuse_essays_in_round(bigint[]) from public, anon, authenticated;
grant execute on function private.is_round_quiz(bigint), private.is_valid_response(text, jsonb, jsonb),
  private.alias_of(text, jsonb), private.alias_array(jsonb, jsonb), private.alias_keys(jsonb, jsonb) to authenticated, service_role;
