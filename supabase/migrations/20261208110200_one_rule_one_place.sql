-- One rule, one place: "a unit is valid on a day" was written out as
-- `valid_from <= d and (valid_to is null or valid_to > d)` in four functions and a dozen of the app's
-- queries, where one copy with `>=` for `>` would silently move a commune across the reorganisation.
-- The rule is now a column, unit.validity, the period [valid_from, valid_to) as a daterange (an open end
-- while valid_to is null), read as `u.validity @> d`.
--
-- A generated column rather than an SQL function: the app's queries run as anon and authenticated, which
-- may execute nothing by default (20261208110100_least_privilege.sql), while a column they can already
-- read needs no grant; Postgres keeps it right on every insert and update; and a GiST index can serve
-- `@>` (and, one day, an exclusion constraint against overlapping periods of one code).
-- The functions that repeated the condition are replaced below with their bodies unchanged but for it;
-- `create or replace` keeps their owner, grants (none but the owner's) and security.

-- ───────────────────────────── unit.validity ─────────────────────────────
alter table public.unit
  add column validity daterange generated always as (daterange(valid_from, valid_to, '[)')) stored;
comment on column public.unit.validity is
  'The days the unit is valid: [valid_from, valid_to), unbounded above while valid_to is null. '
  'A unit is valid on day d when validity @> d; write the rule this way only.';
create index unit_validity_idx on public.unit using gist (validity);

-- ───────────────────────────── profile: a home unit valid today ─────────────────────────────
create or replace function private.check_home_unit() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.home_unit_id is not null and (tg_op = 'INSERT' or new.home_unit_id is distinct from old.home_unit_id) then
    if not exists (
      select 1 from public.unit u
      where u.id = new.home_unit_id
        and u.kind in ('commune', 'village')
        and u.validity @> current_date
    ) then
      raise exception 'home unit must be a current commune or village' using errcode = 'check_violation',
        hint = 'home_unit_not_current';
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;

-- ───────────────────────────── person_role: scoped to a unit valid today ─────────────────────────────
create or replace function private.check_role_scope() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.unit_id is not null and not exists (
    select 1 from public.unit u
    where u.id = new.unit_id and u.validity @> current_date
  ) then
    raise exception 'a role is scoped to a unit valid today' using errcode = 'check_violation',
      hint = 'role_scope_not_current';
  end if;
  return new;
end;
$$;

-- ───────────────────────────── target_report: a commune valid at the period's end ─────────────────────────────
create or replace function private.check_target_report() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  target public.target;
begin
  select * into target from public.target t where t.id = new.target_id;
  if target.measurement <> 'reported' then
    raise exception 'this target is computed, not reported' using errcode = 'check_violation', hint = 'target_not_reported';
  end if;
  if not exists (
    select 1 from public.unit u where u.id = new.unit_id and u.kind = 'commune'
      and u.validity @> target.period_end
  ) then
    raise exception 'a report is for a commune of the period''s hierarchy' using errcode = 'check_violation', hint = 'report_unit_invalid';
  end if;
  if target.value_unit = 'percent' and (new.denominator is null or new.numerator > new.denominator) then
    raise exception 'a share needs a denominator no smaller than its numerator' using errcode = 'check_violation',
      hint = 'report_share_invalid';
  end if;
  if target.value_unit = 'count' then
    new.denominator := null;
  end if;
  if tg_op = 'INSERT' or (new.numerator, new.denominator, new.note, new.evidence_key)
      is distinct from (old.numerator, old.denominator, old.note, old.evidence_key) then
    new.status := 'submitted';
    new.submitted_by := auth.uid();
    new.submitted_at := now();
    new.reviewed_by := null;
    new.reviewed_at := null;
    new.review_note := '';
  elsif new.status is distinct from old.status then
    new.reviewed_by := auth.uid();
    new.reviewed_at := now();
  end if;
  return new;
end;
$$;

-- ───────────────────────────── metrics: the communes of a period ─────────────────────────────
-- Still plain SQL without its own search_path, so that it inlines into the metrics.
create or replace function private.period_communes(period_end date) returns table (id bigint)
language sql stable as $$
  select u.id from public.unit u
  where u.kind = 'commune' and u.validity @> period_end;
$$;
