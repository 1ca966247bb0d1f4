-- Administrative units (province, district, commune, village) and agencies, each valid for a period,
-- so that the 2024 Ninh Thuận hierarchy and the 2025 Khánh Hòa one coexist.

-- ───────────────────────────── helpers schema ─────────────────────────────
create schema if not exists private;
comment on schema private is 'Helper functions called by RLS policies; not exposed through the API.';
grant usage on schema private to anon, authenticated, service_role;

-- ───────────────────────────── unit ─────────────────────────────
create table public.unit (
  id bigint generated always as identity primary key,
  code text not null check (char_length(code) between 1 and 32),
  name text not null check (char_length(name) between 1 and 200),
  kind text not null check (kind in ('province', 'district', 'commune', 'village', 'agency')),
  parent_id bigint references public.unit (id),
  path bigint[] not null default '{}',
  valid_from date not null,
  valid_to date,
  constraint unit_valid_period check (valid_to is null or valid_to > valid_from),
  constraint unit_code_period_key unique (code, valid_from)
);
comment on table public.unit is
  'An administrative unit or agency, valid from valid_from (inclusive) to valid_to (exclusive, null = still valid). '
  'path lists the ids from the root down to the unit itself, so a scope covers a subtree with one array test.';
create index unit_parent_idx on public.unit (parent_id);
create index unit_path_idx on public.unit using gin (path);

-- Keeps unit.path derived from parent_id on every write (a path written by hand would silently move
-- scopes); moving a unit would leave its subtree stale, so it is refused.
create function private.set_unit_path() returns trigger
language plpgsql set search_path = '' as $$
begin
  if tg_op = 'UPDATE' and new.parent_id is distinct from old.parent_id then
    raise exception 'a unit cannot change parent' using errcode = 'check_violation';
  end if;
  new.path := coalesce((select u.path from public.unit u where u.id = new.parent_id), '{}') || new.id;
  return new;
end;
$$;
create trigger unit_set_path before insert or update on public.unit
  for each row execute function private.set_unit_path();

-- ───────────────────────────── unit_succession ─────────────────────────────
create table public.unit_succession (
  old_unit_id bigint not null references public.unit (id) on delete cascade,
  new_unit_id bigint not null references public.unit (id) on delete cascade,
  coverage text not null check (coverage in ('full', 'partial')),
  primary key (old_unit_id, new_unit_id)
);
comment on table public.unit_succession is
  'Which new unit(s) an old unit went into on a reorganisation; coverage = partial when it was split.';
create index unit_succession_new_idx on public.unit_succession (new_unit_id);

alter table public.unit enable row level security;
alter table public.unit_succession enable row level security;
