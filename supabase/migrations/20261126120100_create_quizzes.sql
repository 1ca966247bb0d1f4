-- Quizzes and attempts. A quiz draws its questions (fixed, or at random from banks and tagged pools) when an
-- attempt starts; the attempt lives on the server with its own question versions, option order and
-- deadline, saves answers as the learner goes, and is submitted once. Every write to an attempt goes
-- through the security-definer functions at the end of this file, which grade in SQL and never hand out a
-- key before the quiz's review policy allows.

-- ───────────────────────────── quiz ─────────────────────────────
create table public.quiz (
  id bigint generated always as identity primary key,
  title text not null check (char_length(title) between 1 and 200),
  description text not null default '' check (char_length(description) <= 2000),
  language text not null default 'vi' check (language in ('vi', 'en')),
  course_id bigint references public.course (id) on delete cascade,
  required boolean not null default false,
  owner_unit_id bigint references public.unit (id),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  shuffle_questions boolean not null default true,
  shuffle_options boolean not null default true,
  time_limit_seconds integer check (time_limit_seconds between 30 and 14400),
  max_attempts smallint check (max_attempts between 1 and 100),
  pass_percent numeric(5, 2) not null default 50 check (pass_percent between 0 and 100),
  counting text not null default 'best' check (counting in ('best', 'last')),
  review_policy text not null default 'after_submit' check (review_policy in ('after_submit', 'after_close', 'never')),
  opens_at timestamptz,
  closes_at timestamptz,
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quiz_window check (opens_at is null or closes_at is null or closes_at > opens_at),
  constraint quiz_review_needs_close check (review_policy <> 'after_close' or closes_at is not null),
  constraint quiz_required_needs_course check (not required or course_id is not null)
);
comment on table public.quiz is
  'A quiz: which questions (quiz_question, quiz_pool), and the rules of its attempts. A required quiz of a '
  'course must be passed (by the attempt that counts: best or last) for the course to be complete.';
create index quiz_course_idx on public.quiz (course_id);

create table public.quiz_question (
  quiz_id bigint not null references public.quiz (id) on delete cascade,
  position smallint not null check (position between 1 and 500),
  question_id bigint not null references public.question (id) on delete cascade,
  primary key (quiz_id, position),
  unique (quiz_id, question_id)
);
comment on table public.quiz_question is 'A question every attempt of the quiz gets, in this order unless the quiz shuffles.';

create table public.quiz_pool (
  id bigint generated always as identity primary key,
  quiz_id bigint not null references public.quiz (id) on delete cascade,
  bank_id bigint not null references public.question_bank (id) on delete cascade,
  competence_id bigint references public.competence (id) on delete cascade,
  draw_count smallint not null check (draw_count between 1 and 200)
);
comment on table public.quiz_pool is
  'Each attempt draws draw_count questions at random from the bank (only those tagged competence_id, if set).';
create index quiz_pool_quiz_idx on public.quiz_pool (quiz_id);

-- ───────────────────────────── quiz_attempt ─────────────────────────────
create table public.quiz_attempt (
  id uuid primary key default gen_random_uuid(),
  quiz_id bigint not null references public.quiz (id) on delete cascade,
  person_id uuid not null references public.profile (id) on delete cascade,
  number smallint not null,
  started_at timestamptz not null default now(),
  deadline_at timestamptz,
  submitted_at timestamptz,
  score numeric(7, 2),
  max_score numeric(7, 2) not null,
  pass_percent numeric(5, 2) not null,
  passed boolean,
  duration_ms integer,
  prediction bigint check (prediction >= 0),
  unique (quiz_id, person_id, number),
  constraint quiz_attempt_submitted check ((submitted_at is null) = (score is null) and (score is null) = (passed is null))
);
comment on table public.quiz_attempt is
  'An attempt at a quiz. deadline_at (server time) ends it: the earlier of the time limit and the quiz''s close. '
  'score, passed and duration_ms are set once, on submission (or when the deadline passed unsubmitted). '
  'pass_percent and max_score are fixed at the start, so editing the quiz does not change a started attempt.';
create index quiz_attempt_person_idx on public.quiz_attempt (person_id, quiz_id);
create index quiz_attempt_quiz_idx on public.quiz_attempt (quiz_id, submitted_at);
create index quiz_attempt_open_idx on public.quiz_attempt (quiz_id, deadline_at) where submitted_at is null;

create table public.attempt_question (
  attempt_id uuid not null references public.quiz_attempt (id) on delete cascade,
  position smallint not null,
  question_version_id bigint not null references public.question_version (id),
  choice_order text[] not null default '{}',
  points numeric(5, 2) not null,
  response jsonb,
  answered_at timestamptz,
  score numeric(5, 2) not null default 0,
  primary key (attempt_id, position)
);
comment on table public.attempt_question is
  'A question of an attempt: the version drawn, the order its choices are shown in, the saved response and '
  'the points it earned (graded when saved; hidden until the review policy allows).';

-- ───────────────────────────── helpers ─────────────────────────────
create function private.can_author_quiz(target_quiz bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.quiz q where q.id = target_quiz and private.may_author_in_unit(q.owner_unit_id)
  );
$$;
comment on function private.can_author_quiz(bigint) is 'Whether the current user may edit the quiz and see all its attempts.';

-- A quiz anyone may take: published, and its course (if any) published.
create function private.is_published_quiz(target_quiz bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.quiz q
    where q.id = target_quiz and q.status = 'published'
      and (q.course_id is null or exists (select 1 from public.course c where c.id = q.course_id and c.status = 'published'))
  );
$$;

-- Whether the person passed the quiz by the attempt that counts (any attempt for best, the latest for last).
create function private.passed_quiz(person uuid, target_quiz bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select coalesce((
    select case q.counting
      when 'best' then exists (select 1 from public.quiz_attempt a where a.quiz_id = q.id and a.person_id = person and a.passed)
      else (select a.passed from public.quiz_attempt a where a.quiz_id = q.id and a.person_id = person and a.submitted_at is not null
            order by a.submitted_at desc, a.number desc limit 1)
    end
    from public.quiz q where q.id = target_quiz
  ), false);
$$;

grant execute on function private.can_author_quiz(bigint), private.is_published_quiz(bigint), private.passed_quiz(uuid, bigint)
  to anon, authenticated, service_role;

-- How many questions an attempt gets: the fixed ones and each pool's draw (or what the pool holds, if less).
-- Security definer because the pools themselves are authors' material; it tells only the number.
create function public.quiz_question_count(target_quiz bigint) returns integer
language sql stable security definer set search_path = '' as $$
  select case when private.is_published_quiz(target_quiz) or private.can_author_quiz(target_quiz) then (
    (select count(*) from public.quiz_question x join public.question q on q.id = x.question_id
     where x.quiz_id = target_quiz and q.current_version_id is not null)
    + coalesce((select sum(least(p.draw_count, (
        select count(*) from public.question q
        where q.bank_id = p.bank_id and not q.archived and q.current_version_id is not null
          and (p.competence_id is null or exists (
            select 1 from public.question_competence c where c.question_id = q.id and c.competence_id = p.competence_id)))))
      from public.quiz_pool p where p.quiz_id = target_quiz), 0)
  )::integer end;
$$;
comment on function public.quiz_question_count(bigint) is
  'The number of questions an attempt at a visible quiz draws (an upper bound when pools share questions).';
grant execute on function public.quiz_question_count(bigint) to anon, authenticated, service_role;

-- The completion rule, now with quizzes: every required lesson done and every published required quiz passed.
create or replace function private.course_requirements_met(person uuid, target_course bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select not exists (
    select 1 from public.lesson l
    where l.course_id = target_course and l.required
      and not exists (select 1 from public.lesson_progress p where p.person_id = person and p.lesson_id = l.id)
  ) and not exists (
    select 1 from public.quiz q
    where q.course_id = target_course and q.required and q.status = 'published'
      and not private.passed_quiz(person, q.id)
  ) and exists (select 1 from public.lesson l where l.course_id = target_course);
$$;

-- An author may edit a quiz at any time: attempts already started keep their questions (versions), deadline,
-- pass mark and maximum score, fixed at their start.
create function private.stamp_quiz() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
create trigger quiz_stamp before update on public.quiz for each row execute function private.stamp_quiz();

-- Moving the close (earlier to end a quiz now, later to extend it) moves the deadline of the attempts in
-- progress with it, so that nobody answers after a close or loses time given back.
create function private.move_open_deadlines() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.quiz_attempt a
  set deadline_at = least(a.started_at + make_interval(secs => new.time_limit_seconds), new.closes_at)
  where a.quiz_id = new.id and a.submitted_at is null;
  return new;
end;
$$;
create trigger quiz_move_open_deadlines after update of closes_at on public.quiz
  for each row when (old.closes_at is distinct from new.closes_at) execute function private.move_open_deadlines();

-- ───────────────────────────── the attempt's life ─────────────────────────────
-- Closes an attempt: total score, pass, duration (to the submission or the deadline, whichever came first).
create function private.finish_attempt(target uuid, finished_at timestamptz) returns void
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt;
  total numeric;
  course bigint;
begin
  select * into attempt from public.quiz_attempt where id = target;
  select coalesce(sum(q.score), 0) into total from public.attempt_question q where q.attempt_id = target;
  update public.quiz_attempt set
    submitted_at = finished_at,
    score = total,
    passed = case when max_score = 0 then true else total * 100 >= pass_percent * max_score end,
    duration_ms = (extract(epoch from (least(finished_at, coalesce(deadline_at, finished_at)) - started_at)) * 1000)::integer
  where id = target;
  select q.course_id into course from public.quiz q where q.id = attempt.quiz_id;
  if course is not null and private.course_requirements_met(attempt.person_id, course) then
    insert into public.course_completion (person_id, course_id) values (attempt.person_id, course) on conflict do nothing;
  end if;
end;
$$;

-- Attempts whose deadline passed without a submission are finished at their deadline, with what was saved.
create function private.finish_expired_attempts(target_quiz bigint, person uuid default null) returns integer
language plpgsql security definer set search_path = '' as $$
declare
  expired record;
  n integer := 0;
begin
  for expired in
    select a.id, a.deadline_at from public.quiz_attempt a
    where a.quiz_id = target_quiz and a.submitted_at is null and a.deadline_at < now()
      and (person is null or a.person_id = person)
    for update skip locked
  loop
    perform private.finish_attempt(expired.id, expired.deadline_at);
    n := n + 1;
  end loop;
  return n;
end;
$$;

-- Starts an attempt, or returns the one in progress (a reload or a dropped connection resumes it with the
-- same questions and deadline). Refuses a quiz that is not published, not open, or out of attempts.
create function public.start_quiz_attempt(target_quiz bigint) returns uuid
language plpgsql security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  quiz public.quiz;
  new_attempt uuid;
  drawn bigint[];
  used integer;
  pool record;
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

  insert into public.quiz_attempt (quiz_id, person_id, number, deadline_at, max_score, pass_percent)
  values (
    target_quiz, me, used + 1,
    least(now() + make_interval(secs => quiz.time_limit_seconds), quiz.closes_at),
    0, quiz.pass_percent
  )
  returning id into new_attempt;

  -- The draw: the fixed questions, then each pool's random pick among current, unarchived questions
  -- not already drawn.
  select coalesce(array_agg(q.id order by case when quiz.shuffle_questions then random() else qq.position end), '{}')
  into drawn
  from public.quiz_question qq join public.question q on q.id = qq.question_id
  where qq.quiz_id = target_quiz and q.current_version_id is not null and not q.archived;
  for pool in select * from public.quiz_pool p where p.quiz_id = target_quiz order by p.id loop
    drawn := drawn || array(
      select q.id from public.question q
      where q.bank_id = pool.bank_id and not q.archived and q.current_version_id is not null
        and not q.id = any (drawn)
        and (pool.competence_id is null or exists (
          select 1 from public.question_competence c where c.question_id = q.id and c.competence_id = pool.competence_id))
      order by random()
      limit pool.draw_count);
  end loop;
  if cardinality(drawn) = 0 then
    raise exception 'quiz has no questions' using errcode = 'P0001', hint = 'quiz_empty';
  end if;
  if quiz.shuffle_questions then
    drawn := array(select d from unnest(drawn) d order by random());
  end if;

  insert into public.attempt_question (attempt_id, position, question_version_id, choice_order, points)
  select new_attempt, d.n, v.id,
    case
      when v.kind in ('single', 'multiple') then private.choice_order(v.content -> 'options', quiz.shuffle_options)
      -- Items to order are always shuffled (in the key's order they would be the answer), and so is the
      -- right-hand column of a matching question.
      when v.kind = 'ordering' then private.choice_order(v.content -> 'items', true)
      when v.kind = 'matching' then private.choice_order(v.content -> 'right', true)
      else '{}'
    end,
    v.points
  from unnest(drawn) with ordinality d(question_id, n)
  join public.question q on q.id = d.question_id
  join public.question_version v on v.id = q.current_version_id;

  update public.quiz_attempt a
  set max_score = (select sum(q.points) from public.attempt_question q where q.attempt_id = new_attempt)
  where a.id = new_attempt;
  return new_attempt;
end;
$$;
comment on function public.start_quiz_attempt(bigint) is
  'Starts an attempt at a published, open quiz (or returns the one in progress) and draws its questions.';

-- The ids of a list of choices, shuffled or in their order.
create function private.choice_order(choices jsonb, shuffle boolean) returns text[]
language sql volatile set search_path = '' as $$
  select array(
    select c.value ->> 'id' from jsonb_array_elements(choices) with ordinality c(value, n)
    order by case when shuffle then random() else c.n end
  );
$$;

-- The attempt, if it is the current user's.
create function private.own_attempt(target uuid, lock boolean default false) returns public.quiz_attempt
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt;
begin
  if lock then
    select * into attempt from public.quiz_attempt a where a.id = target and a.person_id = auth.uid() for update;
  else
    select * into attempt from public.quiz_attempt a where a.id = target and a.person_id = auth.uid();
  end if;
  if not found then
    raise exception 'attempt not found' using errcode = 'P0002', hint = 'attempt_not_found';
  end if;
  return attempt;
end;
$$;

-- Whether a response is well formed for the question as shown in the attempt (only ids it offers).
create function private.is_valid_response(kind text, choice_order text[], content jsonb, response jsonb) returns boolean
language sql immutable set search_path = '' as $$
  select jsonb_typeof(response) = 'object' and case kind
    when 'single' then (response ->> 'choice') = any (choice_order)
    when 'multiple' then private.json_strings(response -> 'choices') <@ choice_order
    when 'true_false' then jsonb_typeof(response -> 'value') = 'boolean'
    when 'ordering' then private.json_strings(response -> 'order') <@ choice_order
      and cardinality(private.json_strings(response -> 'order')) = cardinality(choice_order)
    when 'matching' then jsonb_typeof(response -> 'pairs') = 'object' and not exists (
        select 1 from jsonb_each(response -> 'pairs') p
        where not p.key = any (private.choice_ids(content -> 'left'))
           or jsonb_typeof(p.value) <> 'string' or not (p.value #>> '{}') = any (choice_order))
    when 'short_text' then jsonb_typeof(response -> 'text') = 'string' and char_length(response ->> 'text') <= 500
    when 'numeric' then jsonb_typeof(response -> 'value') = 'number'
    else false
  end;
$$;

-- Saves (and grades) answers of an attempt in progress: answers = {"<position>": <response>, …}; a null
-- response clears the answer. Refused after submission or after the deadline, for a position the attempt
-- does not have, and for a response naming a choice the question does not offer.
create function public.save_quiz_answers(target uuid, answers jsonb) returns integer
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
    select aq.position, aq.choice_order, aq.points, v.kind, v.content, v.key into question
    from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
    where aq.attempt_id = target and answer.key ~ '^[0-9]{1,4}$' and aq.position = answer.key::integer;
    if not found then
      raise exception 'question % is not in this attempt', answer.key using errcode = '22023', hint = 'question_not_in_attempt';
    end if;
    if jsonb_typeof(answer.value) = 'null' then
      update public.attempt_question set response = null, answered_at = now(), score = 0
      where attempt_id = target and position = question.position;
    elsif private.is_valid_response(question.kind, question.choice_order, question.content, answer.value) then
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
comment on function public.save_quiz_answers(uuid, jsonb) is
  'Saves and grades the answers given to the current user''s attempt in progress, before its deadline.';

-- Submits the attempt, with any last answers (saved only if the deadline has not passed) and, in a contest,
-- the prediction. Submitting again returns the same result: the second call waits for the first's row lock
-- and then finds the attempt submitted.
create function public.submit_quiz_attempt(target uuid, answers jsonb default null, prediction bigint default null)
returns table (score numeric, max_score numeric, passed boolean, submitted_at timestamptz)
language plpgsql security definer set search_path = '' as $$
declare
  attempt public.quiz_attempt := private.own_attempt(target, true);
  submit_time timestamptz := now();
begin
  if attempt.submitted_at is null then
    if answers is not null and answers <> '{}'::jsonb and (attempt.deadline_at is null or submit_time <= attempt.deadline_at) then
      perform public.save_quiz_answers(target, answers);
    end if;
    if prediction is not null then
      if prediction < 0 or prediction > 1000000000 then
        raise exception 'prediction out of range' using errcode = '22023', hint = 'invalid_prediction';
      end if;
      update public.quiz_attempt a set prediction = submit_quiz_attempt.prediction where a.id = target;
    end if;
    perform private.finish_attempt(target, least(submit_time, attempt.deadline_at));
  end if;
  return query select a.score, a.max_score, a.passed, a.submitted_at from public.quiz_attempt a where a.id = target;
end;
$$;
comment on function public.submit_quiz_attempt(uuid, jsonb, bigint) is
  'Submits the current user''s attempt once; later calls return the same result.';

-- Whether the attempt's per-question results, keys and explanations may be shown now.
create function private.review_open(target_quiz bigint, submitted_at timestamptz) returns boolean
language sql stable security definer set search_path = '' as $$
  select $2 is not null and exists (
    select 1 from public.quiz q where q.id = target_quiz and (
      q.review_policy = 'after_submit'
      or (q.review_policy = 'after_close' and q.closes_at <= now())
    )
  );
$$;

-- The questions of the current user's attempt, as shown: choices in the attempt's order, the saved
-- response, and (only once the review policy allows) the points earned, the key and the explanation.
create function public.quiz_attempt_questions(target uuid)
returns table (
  number smallint, kind text, prompt text, image_url text, image_alt text, content jsonb, points numeric,
  response jsonb, score numeric, key jsonb, explanation text
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
  select aq.position, v.kind, v.prompt, v.image_url, v.image_alt,
    case v.kind
      when 'single' then jsonb_build_object('options', private.ordered_choices(v.content -> 'options', aq.choice_order))
      when 'multiple' then jsonb_build_object('options', private.ordered_choices(v.content -> 'options', aq.choice_order))
      when 'ordering' then jsonb_build_object('items', private.ordered_choices(v.content -> 'items', aq.choice_order))
      when 'matching' then jsonb_build_object('left', v.content -> 'left',
                                              'right', private.ordered_choices(v.content -> 'right', aq.choice_order))
      else '{}'::jsonb
    end,
    aq.points, aq.response,
    case when reviewing then aq.score end,
    case when reviewing then v.key end,
    case when reviewing then v.explanation end
  from public.attempt_question aq join public.question_version v on v.id = aq.question_version_id
  where aq.attempt_id = target
  order by aq.position;
end;
$$;
comment on function public.quiz_attempt_questions(uuid) is
  'The current user''s attempt as shown to them; keys and per-question points only once review is open.';

-- What a submitted form needs to be read back: each question's number, kind, and for ordering and matching
-- the ids its fields are named after. Lighter than quiz_attempt_questions (no texts, nothing finished).
create function public.quiz_attempt_shapes(target uuid)
returns table (number smallint, kind text, content jsonb)
language sql stable security definer set search_path = '' as $$
  select aq.position, v.kind,
    case v.kind
      when 'ordering' then jsonb_build_object('items', v.content -> 'items')
      when 'matching' then jsonb_build_object('left', v.content -> 'left')
      else '{}'::jsonb
    end
  from public.quiz_attempt a
  join public.attempt_question aq on aq.attempt_id = a.id
  join public.question_version v on v.id = aq.question_version_id
  where a.id = target and a.person_id = auth.uid()
  order by aq.position;
$$;
comment on function public.quiz_attempt_shapes(uuid) is
  'The questions of the current user''s attempt as a form names them (no texts); empty for someone else''s.';

create function private.ordered_choices(choices jsonb, choice_order text[]) returns jsonb
language sql immutable set search_path = '' as $$
  select coalesce(jsonb_agg(c order by array_position(choice_order, c ->> 'id')), '[]'::jsonb)
  from jsonb_array_elements(choices) c;
$$;

-- ───────────────────────────── policies ─────────────────────────────
alter table public.quiz enable row level security;
alter table public.quiz_question enable row level security;
alter table public.quiz_pool enable row level security;
alter table public.quiz_attempt enable row level security;
alter table public.attempt_question enable row level security;

create policy "Everyone reads published quizzes" on public.quiz for select to anon, authenticated
  using (status = 'published' and (course_id is null or private.is_published_course(course_id)));
create policy "Authors read the quizzes they may edit" on public.quiz for select to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Organizers add quizzes in their units" on public.quiz for insert to authenticated
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)
               and (course_id is null or private.can_author_course(course_id))));
create policy "Authors edit their quizzes" on public.quiz for update to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)))
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)
               and (course_id is null or private.can_author_course(course_id))));
create policy "Authors remove their quizzes" on public.quiz for delete to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));

-- Which questions a quiz uses is authors' material too: knowing it would narrow the guessing.
create policy "Authors manage the questions of their quizzes" on public.quiz_question for all to authenticated
  using (((select private.is_author()) and private.can_author_quiz(quiz_id)))
  with check (((select private.is_author()) and private.can_author_quiz(quiz_id) and private.can_author_question(question_id)));
create policy "Authors manage the pools of their quizzes" on public.quiz_pool for all to authenticated
  using (((select private.is_author()) and private.can_author_quiz(quiz_id)))
  with check (((select private.is_author()) and private.can_author_quiz(quiz_id) and private.can_author_bank(bank_id)));

-- Attempts are written only by the functions above; these policies are for reading.
create policy "Learners read their own attempts" on public.quiz_attempt for select to authenticated
  using (person_id = (select auth.uid()));
create policy "Authors read attempts at their quizzes" on public.quiz_attempt for select to authenticated
  using (((select private.is_author()) and private.can_author_quiz(quiz_id)));
create policy "Unit admins read attempts of people in their subtree" on public.quiz_attempt for select to authenticated
  using (((select private.is_unit_admin()) and private.administers_person(person_id)));
create policy "Province admins read all attempts" on public.quiz_attempt for select to authenticated
  using ((select private.is_province_admin()));

-- Learners see their questions through public.quiz_attempt_questions(), which hides scores until review.
create policy "Authors read the questions of attempts at their quizzes" on public.attempt_question for select to authenticated
  using (((select private.is_author()) and exists (
    select 1 from public.quiz_attempt a where a.id = attempt_id and private.can_author_quiz(a.quiz_id))));

grant select on public.quiz to anon, authenticated;
grant insert (title, description, language, course_id, required, owner_unit_id, status, shuffle_questions, shuffle_options,
              time_limit_seconds, max_attempts, pass_percent, counting, review_policy, opens_at, closes_at),
      update (title, description, language, course_id, required, owner_unit_id, status, shuffle_questions, shuffle_options,
              time_limit_seconds, max_attempts, pass_percent, counting, review_policy, opens_at, closes_at),
      delete on public.quiz to authenticated;
grant select, insert, update, delete on public.quiz_question, public.quiz_pool to authenticated;
grant select on public.quiz_attempt, public.attempt_question to authenticated;
grant all on public.quiz, public.quiz_question, public.quiz_pool, public.quiz_attempt, public.attempt_question to service_role;

-- Functions are executable by PUBLIC by default (and, on Supabase, granted to anon by default privileges).
revoke execute on function public.start_quiz_attempt(bigint), public.save_quiz_answers(uuid, jsonb),
  public.submit_quiz_attempt(uuid, jsonb, bigint), public.quiz_attempt_questions(uuid), public.quiz_attempt_shapes(uuid) from public, anon;
grant execute on function public.start_quiz_attempt(bigint), public.save_quiz_answers(uuid, jsonb),
  public.submit_quiz_attempt(uuid, jsonb, bigint), public.quiz_attempt_questions(uuid), public.quiz_attempt_shapes(uuid)
  to authenticated, service_role;
revoke execute on function private.finish_attempt(uuid, timestamptz), private.finish_expired_attempts(bigint, uuid),
  private.own_attempt(uuid, boolean), private.review_open(bigint, timestamptz), private.choice_order(jsonb, boolean)
  from public, anon, authenticated;
