-- What the dashboard reads: every target's figures for a year at a unit (N of M met), a target's breakdown
-- by the unit's children, and its trend over the years, each from target_value by adding numerators and
-- denominators. Figures of a period whose hierarchy is gone (before 1 July 2025) can be read on their own
-- units or re-aggregated onto today's communes. Who sees what is decided here: province admins and the
-- unit admins of a subtree see its figures; everyone else sees published targets only, and no unit whose
-- base is under 10 people. Also: the policies of the targets' tables.

-- ───────────────────────────── who sees what ─────────────────────────────
create function private.sees_unit_figures(scope bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or private.has_role_in_unit(scope, 'unit_admin');
$$;
comment on function private.sees_unit_figures(bigint) is
  'Whether the current user sees all targets and unsuppressed figures of the unit (province admin, or a unit '
  'admin of the unit or an ancestor).';

-- The smallest base a unit may have for its figures to be shown to the public.
create function private.public_minimum() returns integer language sql immutable as $$ select 10 $$;

-- ───────────────────────────── leaf values ─────────────────────────────
-- A target's per-commune values, on the period's own communes, or moved onto today's: a commune that went
-- whole into a new one moves whole; a split commune is apportioned between its successors in proportion to
-- their adult population (latest year recorded; equal shares where none is).
-- Not security definer (and without its own search_path), so that Postgres inlines it into the dashboard
-- functions that call it, which are, and only they may execute it.
create function private.target_leaf_values(target bigint, as_current boolean)
returns table (unit_id bigint, numerator numeric, denominator numeric)
language sql stable as $$
  select v.unit_id, v.numerator, v.denominator from public.target_value v
  where v.target_id = target and not as_current
  union all
  select moved.unit_id, sum(moved.numerator), sum(moved.denominator)
  from (
    select coalesce(s.new_unit_id, v.unit_id) as unit_id,
      v.numerator * coalesce(w.share, 1) as numerator, v.denominator * coalesce(w.share, 1) as denominator
    from public.target_value v
    join public.unit u on u.id = v.unit_id
    left join public.unit_succession s on s.old_unit_id = v.unit_id and u.valid_to is not null
    left join lateral (
      select case
        when s.coverage = 'full' then 1::numeric
        when bool_and(p.adults is not null) and sum(p.adults) > 0 then max(p.adults) filter (where x.new_unit_id = s.new_unit_id)::numeric / sum(p.adults)
        else 1::numeric / count(*)
      end as share
      from public.unit_succession x
      left join lateral (
        select pp.adults from public.unit_population pp where pp.unit_id = x.new_unit_id order by pp.year desc limit 1
      ) p on true
      where x.old_unit_id = v.unit_id
    ) w on s.new_unit_id is not null
    where v.target_id = target and as_current
  ) moved
  group by moved.unit_id;
$$;
comment on function private.target_leaf_values(bigint, boolean) is
  'A target''s values per commune, as stored or re-aggregated onto today''s communes (the apportioning rule '
  'for split communes is in the function''s comment: by the successors'' adult population).';

-- The value a numerator and denominator make, and whether it meets the target.
create function private.target_figure(value_unit text, numerator numeric, denominator numeric) returns numeric
language sql immutable set search_path = '' as $$
  select case
    when value_unit = 'count' then numerator
    when denominator > 0 then round(100 * numerator / denominator, 2)
  end;
$$;

create function private.meets(direction text, value numeric, target_value numeric) returns boolean
language sql immutable set search_path = '' as $$
  select case when value is null then null when direction = 'at_least' then value >= target_value else value <= target_value end;
$$;

-- Whether a figure is small enough to identify people: a count, or a share's base, under the minimum.
create function private.too_small(value_unit text, numerator numeric, denominator numeric) returns boolean
language sql immutable set search_path = '' as $$
  select coalesce(case when value_unit = 'count' then numerator else denominator end, 0) < private.public_minimum();
$$;

-- ───────────────────────────── the dashboard's reads ─────────────────────────────
-- Every target of the year (published ones only for the public) at the unit: numerator, denominator,
-- value, met, and last year's value of the same code at the same unit for the trend arrow.
create function public.dashboard_targets(year integer, scope bigint, as_current boolean default false)
returns table (
  target_id bigint, code text, name_vi text, name_en text, value_unit text, direction text, target_value numeric,
  measurement text, metric_code text, responsible text, is_demo boolean, published boolean,
  numerator numeric, denominator numeric, value numeric, met boolean, hidden boolean, previous_value numeric
)
language sql stable security definer set search_path = '' as $$
  with access as (select private.sees_unit_figures(scope) as full_view),
  targets as (
    select t.* from public.target t, access
    where extract(year from t.period_end) = year and (access.full_view or t.published)
  ),
  figures as (
    select t.id, sum(l.numerator) as numerator, sum(l.denominator) as denominator
    from targets t
    cross join lateral private.target_leaf_values(t.id, as_current) l
    join public.unit u on u.id = l.unit_id
    where scope = any (u.path)
    group by t.id
  ),
  previous as (
    select t.id, p.value_unit, sum(l.numerator) as numerator, sum(l.denominator) as denominator
    from targets t
    cross join access
    join public.target p on p.code = t.code and extract(year from p.period_end) = year - 1 and (access.full_view or p.published)
    cross join lateral private.target_leaf_values(p.id, (select max(u2.valid_from) from public.unit u2 where u2.id = scope) > p.period_end) l
    join public.unit u on u.id = l.unit_id
    where scope = any (u.path)
    group by t.id, p.value_unit
  )
  select t.id, t.code, t.name_vi, t.name_en, t.value_unit, t.direction, t.target_value, t.measurement, t.metric_code,
    t.responsible, t.is_demo, t.published,
    case when hide then null else f.numerator end, case when hide then null else f.denominator end,
    case when hide then null else private.target_figure(t.value_unit, f.numerator, f.denominator) end,
    case when hide then null else private.meets(t.direction, private.target_figure(t.value_unit, f.numerator, f.denominator), t.target_value) end,
    hide,
    case when hide or (not access.full_view and private.too_small(pv.value_unit, pv.numerator, pv.denominator)) then null
         else private.target_figure(pv.value_unit, pv.numerator, pv.denominator) end
  from targets t
  cross join access
  left join figures f on f.id = t.id
  left join previous pv on pv.id = t.id
  cross join lateral (select not access.full_view and private.too_small(t.value_unit, f.numerator, f.denominator) as hide) h
  order by t.position, t.code;
$$;
comment on function public.dashboard_targets(integer, bigint, boolean) is
  'The year''s targets at a unit with their figures and whether each is met; published targets and '
  'figures of units with at least 10 people only, unless the caller administers the unit.';

-- A target's figures for each child of a unit (the bar chart and its table), sorted by value.
create function public.dashboard_breakdown(target bigint, parent bigint, as_current boolean default false)
returns table (unit_id bigint, unit_name text, unit_kind text, numerator numeric, denominator numeric, value numeric, met boolean, hidden boolean)
language sql stable security definer set search_path = '' as $$
  with access as (select private.sees_unit_figures(parent) as full_view),
  -- The units the caller administers, once, rather than a function call per child.
  administered as (
    select coalesce(array_agg(r.unit_id), '{}') as units from public.person_role r
    where r.person_id = (select auth.uid()) and r.role = 'unit_admin'
  ),
  t as (
    select x.* from public.target x, access
    where x.id = target and (x.published or access.full_view)
  ),
  children as (select c.id, c.name, c.kind, c.path from public.unit c where c.parent_id = parent and c.kind <> 'agency'),
  leaves as materialized (select * from private.target_leaf_values(target, as_current)),
  figures as (
    select c.id, sum(l.numerator) as numerator, sum(l.denominator) as denominator
    from leaves l
    join public.unit u on u.id = l.unit_id
    join children c on c.id = any (u.path)
    group by c.id
  )
  select c.id, c.name, c.kind,
    case when hide then null else f.numerator end, case when hide then null else f.denominator end,
    case when hide then null else private.target_figure(t.value_unit, f.numerator, f.denominator) end,
    case when hide then null else private.meets(t.direction, private.target_figure(t.value_unit, f.numerator, f.denominator), t.target_value) end,
    hide
  from t cross join children c cross join access cross join administered
  left join figures f on f.id = c.id
  cross join lateral (
    select not (access.full_view or c.path && administered.units)
      and private.too_small(t.value_unit, f.numerator, f.denominator) as hide
  ) h
  -- Hidden units come last in name order: their place in the ranking would tell what is hidden.
  order by hide, case when hide then null else private.target_figure(t.value_unit, f.numerator, f.denominator) end desc nulls last, c.name;
$$;
comment on function public.dashboard_breakdown(bigint, bigint, boolean) is
  'A target''s figures per child unit of parent; children under 10 people are hidden from anyone who does '
  'not administer them.';

-- A target code's value at a unit, year by year (the line chart): each year on the unit's own hierarchy if
-- the unit existed then, else re-aggregated onto it.
create function public.dashboard_trend(target_code text, scope bigint)
returns table (year integer, value numeric, target_value numeric, met boolean, hidden boolean)
language sql stable security definer set search_path = '' as $$
  with access as (select private.sees_unit_figures(scope) as full_view),
  targets as (
    select t.* from public.target t, access
    where t.code = target_code and (access.full_view or t.published)
  ),
  figures as (
    select t.id, sum(l.numerator) as numerator, sum(l.denominator) as denominator
    from targets t
    cross join lateral private.target_leaf_values(t.id, (select u2.valid_from from public.unit u2 where u2.id = scope) > t.period_end) l
    join public.unit u on u.id = l.unit_id
    where scope = any (u.path)
    group by t.id
  )
  select extract(year from t.period_end)::integer, case when hide then null else private.target_figure(t.value_unit, f.numerator, f.denominator) end,
    t.target_value, case when hide then null else private.meets(t.direction, private.target_figure(t.value_unit, f.numerator, f.denominator), t.target_value) end,
    hide
  from targets t cross join access
  left join figures f on f.id = t.id
  cross join lateral (select not access.full_view and private.too_small(t.value_unit, f.numerator, f.denominator) as hide) h
  order by 1;
$$;
comment on function public.dashboard_trend(text, bigint) is 'A target code''s value at a unit for every year it was set.';

grant execute on function public.dashboard_targets(integer, bigint, boolean), public.dashboard_breakdown(bigint, bigint, boolean),
  public.dashboard_trend(text, bigint) to anon, authenticated, service_role;
grant execute on function private.sees_unit_figures(bigint), private.public_minimum(), private.target_figure(text, numeric, numeric),
  private.meets(text, numeric, numeric), private.too_small(text, numeric, numeric) to anon, authenticated, service_role;
revoke execute on function private.target_leaf_values(bigint, boolean) from public, anon, authenticated;

-- ───────────────────────────── policies ─────────────────────────────
alter table public.unit_population enable row level security;
alter table public.metric enable row level security;
alter table public.target enable row level security;
alter table public.target_report enable row level security;
alter table public.target_value enable row level security;
alter table public.target_refresh enable row level security;

-- Population figures are public statistics; only province admins keep them.
create policy "Everyone reads population figures" on public.unit_population for select to anon, authenticated using (true);
create policy "Province admins keep population figures" on public.unit_population for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));

create policy "Everyone reads metrics" on public.metric for select to anon, authenticated using (true);

create policy "Everyone reads published targets" on public.target for select to anon, authenticated using (published);
create policy "Admins read every target" on public.target for select to authenticated
  using ((select private.is_province_admin()) or (select private.is_unit_admin()));
create policy "Province admins set targets" on public.target for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));

-- Unit admins report for the communes of their subtree and may change a report until it is approved;
-- approving is the province admins' (a unit admin's write always leaves the report submitted).
create policy "Unit admins read reports of their subtree" on public.target_report for select to authenticated
  using (((select private.is_unit_admin()) and private.has_role_in_unit(unit_id, 'unit_admin')));
create policy "Province admins read every report" on public.target_report for select to authenticated
  using ((select private.is_province_admin()));
create policy "Unit admins report for their communes" on public.target_report for insert to authenticated
  with check (((select private.is_unit_admin()) and private.has_role_in_unit(unit_id, 'unit_admin') and status = 'submitted'));
-- Province admins may enter any commune's figure too (historical figures of units that no longer exist).
create policy "Province admins enter reports" on public.target_report for insert to authenticated
  with check ((select private.is_province_admin()));
create policy "Unit admins correct unapproved reports" on public.target_report for update to authenticated
  using (((select private.is_unit_admin()) and private.has_role_in_unit(unit_id, 'unit_admin') and status <> 'approved'))
  with check (((select private.is_unit_admin()) and private.has_role_in_unit(unit_id, 'unit_admin') and status = 'submitted'));
create policy "Province admins review reports" on public.target_report for update to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));

create policy "Unit admins read values of their subtree" on public.target_value for select to authenticated
  using (((select private.is_unit_admin()) and private.has_role_in_unit(unit_id, 'unit_admin')));
create policy "Province admins read every value" on public.target_value for select to authenticated
  using ((select private.is_province_admin()));

create policy "Everyone reads when figures were refreshed" on public.target_refresh for select to anon, authenticated using (true);

grant select on public.unit_population, public.metric, public.target, public.target_refresh to anon, authenticated;
grant insert, update, delete on public.unit_population, public.target to authenticated;
grant select on public.target_report, public.target_value to authenticated;
grant insert (target_id, unit_id, numerator, denominator, note, evidence_key, evidence_name, evidence_type, evidence_bytes)
  on public.target_report to authenticated;
grant update (numerator, denominator, note, evidence_key, evidence_name, evidence_type, evidence_bytes, status, review_note)
  on public.target_report to authenticated;
grant all on public.unit_population, public.metric, public.target, public.target_report, public.target_value, public.target_refresh
  to service_role;
