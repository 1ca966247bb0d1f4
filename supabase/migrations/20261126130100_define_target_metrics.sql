-- The platform's own metrics, per commune of the hierarchy valid at a period's end, and the refresh that
-- writes the automatic targets' values into target_value. Service work: it reads everyone's progress.

-- The communes of the hierarchy valid at a day, and the people with an account by a time with their home
-- commune (a village's commune). Plain SQL, so that they inline into the metrics below.
create function private.period_communes(period_end date) returns table (id bigint)
language sql stable as $$
  select u.id from public.unit u
  where u.kind = 'commune' and u.valid_from <= period_end and (u.valid_to is null or u.valid_to > period_end);
$$;

create function private.period_people(period_close timestamptz) returns table (id uuid, commune bigint)
language sql stable as $$
  select p.id, case when u.kind = 'commune' then u.id else u.parent_id end
  from public.profile p join public.unit u on u.id = p.home_unit_id
  where p.created_at < period_close;
$$;

-- Numerator and denominator of the metric for every commune valid at period_end (communes with nothing to
-- count get 0, so that a roll-up's denominator is complete).
create function private.metric_values(metric text, period_start date, period_end date)
returns table (unit_id bigint, numerator numeric, denominator numeric)
language plpgsql stable security definer set search_path = '' as $$
declare
  period_close timestamptz := (period_end + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh';
  period_open timestamptz := period_start::timestamp at time zone 'Asia/Ho_Chi_Minh';
begin
  case metric
  when 'adults_basic_digital_skills' then
    return query
    with basic as materialized (select c.id from public.course c where public.is_basic_digital_skills_course(c.id)),
    skilled as (
      select mp.commune, count(*) as n from private.period_people(period_close) mp
      where exists (select 1 from public.course_completion cc
                    where cc.person_id = mp.id and cc.completed_at < period_close and cc.course_id in (select id from basic))
      group by mp.commune
    )
    -- A commune without its adult population that year has no figure (a numerator without its base would
    -- inflate every roll-up it joins).
    select c.id, coalesce(s.n, 0)::numeric, pop.adults::numeric
    from private.period_communes(period_end) c
    join public.unit_population pop on pop.unit_id = c.id and pop.year = extract(year from period_end)
    left join skilled s on s.commune = c.id;
  when 'officials_trained' then
    return query
    with officials as (
      select distinct mp.id, mp.commune from private.period_people(period_close) mp
      join public.person_role r on r.person_id = mp.id and r.role = 'official'
    ), trained as (
      select o.commune, count(*) filter (where exists (
               select 1 from public.course_completion cc join public.course k on k.id = cc.course_id and k.audience = 'official'
               where cc.person_id = o.id and cc.completed_at >= period_open and cc.completed_at < period_close)) as n,
             count(*) as total
      from officials o group by o.commune
    )
    select c.id, coalesce(t.n, 0)::numeric, coalesce(t.total, 0)::numeric
    from private.period_communes(period_end) c left join trained t on t.commune = c.id;
  when 'contest_participants' then
    return query
    with rounds as materialized (
      select q.id from public.contest_round r join public.quiz q on q.id = r.quiz_id
      where q.closes_at >= period_open and q.closes_at < period_close
    ), people as (
      select distinct a.person_id from public.quiz_attempt a
      where a.quiz_id in (select id from rounds) and a.submitted_at is not null
    )
    select c.id, count(mp.id)::numeric, null::numeric
    from private.period_communes(period_end) c left join private.period_people(period_close) mp on mp.commune = c.id and mp.id in (select person_id from people)
    group by c.id;
  when 'learners_registered' then
    return query
    select c.id, count(mp.id)::numeric, null::numeric
    from private.period_communes(period_end) c left join private.period_people(period_close) mp on mp.commune = c.id
    group by c.id;
  when 'communes_with_team' then
    return query
    select c.id,
      case when exists (
        select 1 from public.person_role r join public.unit u on u.id = r.unit_id
        where r.role = 'team_member' and r.granted_at < period_close and (u.id = c.id or u.parent_id = c.id)
      ) then 1 else 0 end::numeric,
      1::numeric
    from private.period_communes(period_end) c;
  else
    raise exception 'unknown metric %', metric using errcode = '22023';
  end case;
end;
$$;
comment on function private.metric_values(text, date, date) is
  'A metric''s numerator and denominator for every commune valid at period_end (definitions in public.metric).';

-- Recomputes the automatic targets' values (all of them: a few dozen targets over 65 communes) and notes
-- when. One refresh at a time; the dashboard says how old the figures are.
create function public.refresh_target_values() returns timestamptz
language plpgsql security definer set search_path = '' as $$
declare
  started timestamptz := clock_timestamp();
  target record;
begin
  perform pg_advisory_xact_lock(72016005);
  for target in select t.id, t.metric_code, t.period_start, t.period_end from public.target t where t.measurement = 'automatic' loop
    delete from public.target_value v where v.target_id = target.id;
    insert into public.target_value (target_id, unit_id, numerator, denominator)
    select target.id, m.unit_id, m.numerator, m.denominator
    from private.metric_values(target.metric_code, target.period_start, target.period_end) m;
  end loop;
  insert into public.target_refresh (id, refreshed_at, duration_ms)
  values (true, now(), (extract(epoch from clock_timestamp() - started) * 1000)::integer)
  on conflict (id) do update set refreshed_at = excluded.refreshed_at, duration_ms = excluded.duration_ms;
  return now();
end;
$$;
comment on function public.refresh_target_values() is
  'Recomputes every automatic target''s per-commune values from the platform''s data. Service only.';

revoke execute on function public.refresh_target_values() from public, anon, authenticated;
grant execute on function public.refresh_target_values() to service_role;
revoke execute on function private.metric_values(text, date, date), private.period_communes(date), private.period_people(timestamptz)
  from public, anon, authenticated;
