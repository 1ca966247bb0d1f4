-- Campaigns and their online contests ("cuộc thi trắc nghiệm trực tuyến"): rounds that each use a quiz,
-- an optional prediction tie-break, and the ranking prizes are decided from. A round's results are
-- computed once, after it closes, into contest_result; before that only participation counts are public.

-- ───────────────────────────── campaign ─────────────────────────────
create table public.campaign (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title text not null check (char_length(title) between 1 and 200),
  summary text not null default '' check (char_length(summary) <= 1000),
  language text not null default 'vi' check (language in ('vi', 'en')),
  owner_unit_id bigint references public.unit (id),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.campaign is
  'An awareness campaign (articles, videos, contests) run by the authors of owner_unit_id.';

-- ───────────────────────────── contest ─────────────────────────────
create table public.contest (
  id bigint generated always as identity primary key,
  campaign_id bigint not null references public.campaign (id) on delete cascade,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  title text not null check (char_length(title) between 1 and 200),
  rules text not null default '' check (char_length(rules) <= 10000),
  language text not null default 'vi' check (language in ('vi', 'en')),
  owner_unit_id bigint references public.unit (id),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.contest is 'An online quiz contest of a campaign, in one or more rounds; rules is plain text.';
create index contest_campaign_idx on public.contest (campaign_id);

-- ───────────────────────────── contest_round ─────────────────────────────
create table public.contest_round (
  id bigint generated always as identity primary key,
  contest_id bigint not null references public.contest (id) on delete cascade,
  number smallint not null check (number between 1 and 100),
  quiz_id bigint not null unique references public.quiz (id),
  prediction_prompt text check (char_length(prediction_prompt) between 1 and 500),
  prediction_truth bigint check (prediction_truth >= 0),
  results_at timestamptz,
  unique (contest_id, number)
);
comment on table public.contest_round is
  'A round of a contest. Its quiz gives the window (opens_at, closes_at), the questions and the attempts '
  'allowed. prediction_prompt asks for a number at submission ("how many people will take part?"); the '
  'answer closest to prediction_truth (by default, the round''s number of participants) wins a tie. '
  'results_at is when contest_result was computed.';

-- A round's quiz has a window (a contest without a close has no results) and belongs to the contest's unit.
create function private.check_round_quiz() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.quiz q where q.id = new.quiz_id and q.opens_at is not null and q.closes_at is not null) then
    raise exception 'a contest round needs a quiz with opening and closing times' using errcode = 'check_violation',
      hint = 'round_quiz_window';
  end if;
  return new;
end;
$$;
create trigger contest_round_check_quiz before insert or update of quiz_id on public.contest_round
  for each row execute function private.check_round_quiz();

-- ... and keeps it: a round's quiz cannot lose its opening or closing time.
create function private.keep_round_window() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if (new.opens_at is null or new.closes_at is null)
     and exists (select 1 from public.contest_round r where r.quiz_id = new.id) then
    raise exception 'a contest round needs a quiz with opening and closing times' using errcode = 'check_violation',
      hint = 'round_quiz_window';
  end if;
  return new;
end;
$$;
create trigger quiz_keep_round_window before update of opens_at, closes_at on public.quiz
  for each row execute function private.keep_round_window();

-- ───────────────────────────── contest_result ─────────────────────────────
create table public.contest_result (
  round_id bigint not null references public.contest_round (id) on delete cascade,
  rank integer not null,
  person_id uuid not null references public.profile (id) on delete cascade,
  display_name text not null,
  attempt_id uuid not null references public.quiz_attempt (id) on delete cascade,
  commune_id bigint references public.unit (id),
  agency_id bigint references public.unit (id),
  score numeric(7, 2) not null,
  max_score numeric(7, 2) not null,
  duration_ms integer not null,
  prediction bigint,
  prediction_distance bigint,
  submitted_at timestamptz not null,
  primary key (round_id, person_id),
  unique (round_id, rank)
);
comment on table public.contest_result is
  'The ranking of a closed round, computed once: each participant''s counting attempt (best by the ranking '
  'order, or the last, as the quiz says), ranked by score (high first), then time taken, then distance of '
  'the prediction from the truth (no prediction ranks after any), then submission time, all stamped by the '
  'server. commune and agency are the participant''s at the close.';
create index contest_result_commune_idx on public.contest_result (round_id, commune_id, rank);
create index contest_result_agency_idx on public.contest_result (round_id, agency_id, rank);

-- ───────────────────────────── helpers ─────────────────────────────
create function private.can_author_contest(target_contest bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.contest c where c.id = target_contest and private.may_author_in_unit(c.owner_unit_id)
  );
$$;

create function private.can_author_campaign(target_campaign bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.campaign g where g.id = target_campaign and private.may_author_in_unit(g.owner_unit_id)
  );
$$;

create function private.is_published_contest(target_contest bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.contest c join public.campaign g on g.id = c.campaign_id
    where c.id = target_contest and c.status = 'published' and g.status = 'published'
  );
$$;

grant execute on function private.can_author_contest(bigint), private.can_author_campaign(bigint), private.is_published_contest(bigint)
  to anon, authenticated, service_role;

-- A round that people have taken stays: its attempts are the contest's record (and maybe its prizes).
create function private.keep_taken_round() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if exists (select 1 from public.quiz_attempt a where a.quiz_id = old.quiz_id) then
    raise exception 'a round that people have taken cannot be removed' using errcode = 'check_violation',
      hint = 'round_taken';
  end if;
  return old;
end;
$$;
create trigger contest_round_keep_taken before delete on public.contest_round
  for each row execute function private.keep_taken_round();

-- Computes a closed round's results once (later calls do nothing): finishes attempts left open at their
-- deadline, then ranks. Security definer: it reads every participant's attempts, which no caller may.
create function public.compute_round_results(target_round bigint) returns timestamptz
language plpgsql security definer set search_path = '' as $$
declare
  round public.contest_round;
  quiz public.quiz;
  truth bigint;
begin
  select * into round from public.contest_round r where r.id = target_round for update;
  if not found then
    raise exception 'round not found' using errcode = 'P0002', hint = 'round_not_found';
  end if;
  if round.results_at is not null then
    return round.results_at;
  end if;
  select * into quiz from public.quiz q where q.id = round.quiz_id;
  if quiz.closes_at is null or now() < quiz.closes_at then
    raise exception 'the round is still open' using errcode = 'P0001', hint = 'round_open';
  end if;
  perform private.finish_expired_attempts(quiz.id);
  truth := coalesce(round.prediction_truth,
                    (select count(distinct a.person_id) from public.quiz_attempt a where a.quiz_id = quiz.id));

  insert into public.contest_result (round_id, rank, person_id, display_name, attempt_id, commune_id, agency_id,
                                     score, max_score, duration_ms, prediction, prediction_distance, submitted_at)
  select target_round, row_number() over (order by c.score desc, c.duration_ms, c.distance nulls last, c.submitted_at, c.id),
         c.person_id, p.display_name, c.id,
         case when home.kind = 'commune' then home.id when parent.kind = 'commune' then parent.id end,
         agency.unit_id,
         c.score, c.max_score, c.duration_ms, c.prediction, c.distance, c.submitted_at
  from (
    select distinct on (a.person_id) a.*, case when round.prediction_prompt is not null then abs(a.prediction - truth) end as distance
    from public.quiz_attempt a
    where a.quiz_id = quiz.id and a.submitted_at is not null
    order by a.person_id,
      case when quiz.counting = 'last' then extract(epoch from a.submitted_at) end desc nulls last,
      a.score desc, a.duration_ms,
      case when round.prediction_prompt is not null then abs(a.prediction - truth) end nulls last,
      a.submitted_at, a.id
  ) c
  join public.profile p on p.id = c.person_id
  left join public.unit home on home.id = p.home_unit_id
  left join public.unit parent on parent.id = home.parent_id
  left join lateral (
    select r.unit_id from public.person_role r join public.unit u on u.id = r.unit_id
    where r.person_id = c.person_id and r.role = 'official' and u.kind = 'agency' order by r.id limit 1
  ) agency on true;

  update public.contest_round r set results_at = now(), prediction_truth = coalesce(r.prediction_truth, truth)
  where r.id = target_round;
  return now();
end;
$$;
comment on function public.compute_round_results(bigint) is
  'Ranks a closed round into contest_result, once. Anyone may trigger it after the close: the result does not '
  'depend on who asks or when.';

-- Participants by commune (or by agency) so far: the figure organisers report, public during the round.
create function public.round_participation(target_round bigint, by_agency boolean default false)
returns table (unit_id bigint, unit_name text, participants bigint)
language sql stable security definer set search_path = '' as $$
  with people as (
    select distinct a.person_id from public.quiz_attempt a
    join public.contest_round r on r.quiz_id = a.quiz_id
    where r.id = target_round and private.is_published_contest(r.contest_id)
  ), placed as (
    select case
      when by_agency then (select r.unit_id from public.person_role r join public.unit g on g.id = r.unit_id
                           where r.person_id = x.person_id and r.role = 'official' and g.kind = 'agency' order by r.id limit 1)
      when home.kind = 'commune' then home.id
      when parent.kind = 'commune' then parent.id
    end as unit_id
    from people x
    join public.profile p on p.id = x.person_id
    left join public.unit home on home.id = p.home_unit_id
    left join public.unit parent on parent.id = home.parent_id
  )
  select pl.unit_id, u.name, count(*) from placed pl left join public.unit u on u.id = pl.unit_id
  group by pl.unit_id, u.name
  order by count(*) desc, u.name nulls last;
$$;
-- How many people took part in a published round: one indexed count, for lists of rounds.
create function public.round_participant_count(target_round bigint) returns bigint
language sql stable security definer set search_path = '' as $$
  select count(distinct a.person_id) from public.quiz_attempt a
  join public.contest_round r on r.quiz_id = a.quiz_id
  where r.id = target_round and private.is_published_contest(r.contest_id);
$$;

comment on function public.round_participation(bigint, boolean) is
  'How many people took part in a published round, by commune of their home unit (or by agency); '
  'the row with a null unit counts those with none.';

-- The whole contest's ranking over the rounds with results: total score, then total time, then total
-- prediction distance, then the last submission. is_me marks the caller's own row.
create function public.contest_standings(target_contest bigint)
returns table (rank bigint, is_me boolean, display_name text, commune_id bigint, agency_id bigint, rounds bigint,
               score numeric, max_score numeric, duration_ms bigint, prediction_distance numeric, last_submitted_at timestamptz)
language sql stable security definer set search_path = '' as $$
  select row_number() over (order by sum(x.score) desc, sum(x.duration_ms), sum(x.prediction_distance) nulls last,
                                     max(x.submitted_at), x.person_id),
    x.person_id is not distinct from auth.uid(), min(x.display_name),
    (array_agg(x.commune_id order by r.number desc))[1], (array_agg(x.agency_id order by r.number desc))[1],
    count(*), sum(x.score), sum(x.max_score), sum(x.duration_ms), sum(x.prediction_distance), max(x.submitted_at)
  from public.contest_result x join public.contest_round r on r.id = x.round_id
  where r.contest_id = target_contest
    and (private.is_published_contest(target_contest) or private.can_author_contest(target_contest))
  group by x.person_id;
$$;
comment on function public.contest_standings(bigint) is
  'The overall ranking of a published contest over its rounds with results (sums over rounds; a missed round '
  'scores 0). Security definer so that anonymous readers get it too; it returns no person id.';

-- ───────────────────────────── policies ─────────────────────────────
alter table public.campaign enable row level security;
alter table public.contest enable row level security;
alter table public.contest_round enable row level security;
alter table public.contest_result enable row level security;

create policy "Everyone reads published campaigns" on public.campaign for select to anon, authenticated
  using (status = 'published');
create policy "Authors read the campaigns they may edit" on public.campaign for select to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Organizers manage campaigns in their units" on public.campaign for all to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)))
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));

create policy "Everyone reads published contests" on public.contest for select to anon, authenticated
  using (status = 'published' and exists (select 1 from public.campaign g where g.id = campaign_id and g.status = 'published'));
create policy "Authors read the contests they may edit" on public.contest for select to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Organizers manage contests in their units" on public.contest for all to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)))
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id) and private.can_author_campaign(campaign_id)));

create policy "Everyone reads rounds of published contests" on public.contest_round for select to anon, authenticated
  using (private.is_published_contest(contest_id));
create policy "Authors manage rounds of their contests" on public.contest_round for all to authenticated
  using (((select private.is_author()) and private.can_author_contest(contest_id)))
  with check (((select private.is_author()) and private.can_author_contest(contest_id) and private.can_author_quiz(quiz_id)));

-- Results exist only after the close (compute_round_results refuses before), and are public then.
create policy "Everyone reads results of published contests" on public.contest_result for select to anon, authenticated
  using (exists (select 1 from public.contest_round r where r.id = round_id and private.is_published_contest(r.contest_id)));
create policy "Authors read results of their contests" on public.contest_result for select to authenticated
  using (((select private.is_author()) and exists (
    select 1 from public.contest_round r where r.id = round_id and private.can_author_contest(r.contest_id))));

grant select on public.campaign, public.contest, public.contest_round to anon, authenticated;
grant insert (slug, title, summary, language, owner_unit_id, status), update (slug, title, summary, language, owner_unit_id, status),
  delete on public.campaign to authenticated;
grant insert (campaign_id, slug, title, rules, language, owner_unit_id, status),
  update (campaign_id, slug, title, rules, language, owner_unit_id, status), delete on public.contest to authenticated;
grant insert (contest_id, number, quiz_id, prediction_prompt, prediction_truth),
  update (number, quiz_id, prediction_prompt, prediction_truth), delete on public.contest_round to authenticated;
-- Public results show a name, a commune and an agency; signed-in people also get the person id, to find
-- their own row.
grant select (round_id, rank, display_name, commune_id, agency_id, score, max_score, duration_ms, prediction,
              prediction_distance, submitted_at) on public.contest_result to anon;
grant select (round_id, rank, person_id, display_name, commune_id, agency_id, score, max_score, duration_ms, prediction,
              prediction_distance, submitted_at) on public.contest_result to authenticated;
grant all on public.campaign, public.contest, public.contest_round, public.contest_result to service_role;

revoke execute on function public.compute_round_results(bigint), public.round_participation(bigint, boolean),
  public.round_participant_count(bigint) from public;
grant execute on function public.compute_round_results(bigint), public.round_participation(bigint, boolean),
  public.round_participant_count(bigint) to anon, authenticated, service_role;
grant execute on function public.contest_standings(bigint) to anon, authenticated, service_role;
