-- People and what they may do: one profile per account, scoped roles, the helper functions that
-- policies call, and the policies on units, profiles and roles.

-- ───────────────────────────── profile ─────────────────────────────
create table public.profile (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (char_length(display_name) between 1 and 100),
  email text,
  phone text,
  home_unit_id bigint references public.unit (id),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.profile is
  'One row per account. email and phone mirror auth.users (which the API roles cannot read); '
  'home_unit_id is a commune or village of the hierarchy valid when it was chosen.';
create index profile_home_unit_idx on public.profile (home_unit_id);

-- A home unit must be a commune or village that is valid today.
create function private.check_home_unit() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.home_unit_id is not null and (tg_op = 'INSERT' or new.home_unit_id is distinct from old.home_unit_id) then
    if not exists (
      select 1 from public.unit u
      where u.id = new.home_unit_id
        and u.kind in ('commune', 'village')
        and u.valid_from <= current_date
        and (u.valid_to is null or u.valid_to > current_date)
    ) then
      raise exception 'home unit must be a current commune or village' using errcode = 'check_violation',
        hint = 'home_unit_not_current';
    end if;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger profile_check_home_unit before insert or update on public.profile
  for each row execute function private.check_home_unit();

-- Every new account gets a profile, whichever auth provider created it (local or Supabase Auth).
create function private.create_profile_for_user() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.profile (id, display_name, email, phone, home_unit_id, locale)
  values (
    new.id,
    coalesce(nullif(trim(new.raw_user_meta_data ->> 'display_name'), ''), split_part(coalesce(new.email, new.phone, 'user'), '@', 1)),
    new.email,
    new.phone,
    nullif(new.raw_user_meta_data ->> 'home_unit_id', '')::bigint,
    coalesce(nullif(new.raw_user_meta_data ->> 'locale', ''), 'vi')
  );
  return new;
end;
$$;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function private.create_profile_for_user();

-- The profile's copies of the sign-in e-mail and phone follow auth.users.
create function private.mirror_user_contact() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.profile set email = new.email, phone = new.phone where id = new.id;
  return new;
end;
$$;
create trigger on_auth_user_contact_changed after update of email, phone on auth.users
  for each row when (old.email is distinct from new.email or old.phone is distinct from new.phone)
  execute function private.mirror_user_contact();

-- ───────────────────────────── person_role ─────────────────────────────
create type public.app_role as enum ('official', 'organizer', 'team_member', 'unit_admin', 'province_admin');
comment on type public.app_role is
  'Roles beyond citizen (which every account has). All but province_admin are scoped to a unit or agency subtree.';

create table public.person_role (
  id bigint generated always as identity primary key,
  person_id uuid not null references public.profile (id) on delete cascade,
  role public.app_role not null,
  unit_id bigint references public.unit (id),
  granted_by uuid references public.profile (id) on delete set null default auth.uid(),
  granted_at timestamptz not null default now(),
  constraint person_role_scope check ((role = 'province_admin') = (unit_id is null))
);
comment on table public.person_role is
  'A role held by a person, scoped to unit_id and its whole subtree (province_admin is unscoped).';
create unique index person_role_unique_idx on public.person_role (person_id, role, coalesce(unit_id, 0));
create index person_role_unit_idx on public.person_role (unit_id);

-- ───────────────────────────── helpers for policies ─────────────────────────────
create function private.is_province_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.person_role r
    where r.person_id = (select auth.uid()) and r.role = 'province_admin'
  );
$$;
comment on function private.is_province_admin() is 'Whether the current user is a province admin.';

create function private.is_unit_admin() returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.person_role r
    where r.person_id = (select auth.uid()) and r.role = 'unit_admin'
  );
$$;
comment on function private.is_unit_admin() is
  'Whether the current user is a unit admin anywhere. Policies test it once per statement, as (select …), '
  'before the per-row private.administers_person(), which then runs only for unit admins.';

create function private.has_role_in_unit(target_unit bigint, wanted public.app_role) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1
    from public.person_role r
    join public.unit u on u.id = target_unit
    where r.person_id = (select auth.uid()) and r.role = wanted and r.unit_id = any (u.path)
  );
$$;
comment on function private.has_role_in_unit(bigint, public.app_role) is
  'Whether the current user holds the role on the unit or on one of its ancestors.';

create function private.administers_person(person uuid) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.profile p
    where p.id = person and p.home_unit_id is not null
      and private.has_role_in_unit(p.home_unit_id, 'unit_admin')
  );
$$;
comment on function private.administers_person(uuid) is
  'Whether the current user is a unit admin of a unit that contains the person''s home unit.';

grant execute on function private.is_province_admin(), private.is_unit_admin(), private.has_role_in_unit(bigint, public.app_role),
  private.administers_person(uuid) to anon, authenticated, service_role;

-- A scoped role is given on a unit that is valid today (a role on a 2024 unit would have no effect).
create function private.check_role_scope() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.unit_id is not null and not exists (
    select 1 from public.unit u
    where u.id = new.unit_id and u.valid_from <= current_date and (u.valid_to is null or u.valid_to > current_date)
  ) then
    raise exception 'a role is scoped to a unit valid today' using errcode = 'check_violation',
      hint = 'role_scope_not_current';
  end if;
  return new;
end;
$$;
create trigger person_role_check_scope before insert or update on public.person_role
  for each row execute function private.check_role_scope();

-- The platform must always keep one province admin. The advisory lock serialises concurrent removals,
-- so that two sessions each removing "another" admin cannot leave none.
create function private.keep_one_province_admin() returns trigger
language plpgsql set search_path = '' as $$
begin
  if old.role = 'province_admin' then
    perform pg_advisory_xact_lock(72016002);
  end if;
  if old.role = 'province_admin'
     and not exists (select 1 from public.person_role r where r.role = 'province_admin' and r.id <> old.id) then
    raise exception 'the last province admin cannot be removed' using errcode = 'check_violation',
      hint = 'last_province_admin';
  end if;
  return old;
end;
$$;
create trigger person_role_keep_one_province_admin before delete on public.person_role
  for each row execute function private.keep_one_province_admin();

-- ───────────────────────────── policies: unit ─────────────────────────────
create policy "Everyone reads units" on public.unit for select to anon, authenticated using (true);
create policy "Province admins add units" on public.unit for insert to authenticated
  with check ((select private.is_province_admin()));
create policy "Province admins edit units" on public.unit for update to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));
create policy "Province admins remove units" on public.unit for delete to authenticated
  using ((select private.is_province_admin()));

create policy "Everyone reads unit successions" on public.unit_succession for select to anon, authenticated using (true);
create policy "Province admins add unit successions" on public.unit_succession for insert to authenticated
  with check ((select private.is_province_admin()));
create policy "Province admins remove unit successions" on public.unit_succession for delete to authenticated
  using ((select private.is_province_admin()));

-- ───────────────────────────── policies: profile ─────────────────────────────
alter table public.profile enable row level security;
create policy "People read their own profile" on public.profile for select to authenticated
  using (id = (select auth.uid()));
create policy "Unit admins read people in their subtree" on public.profile for select to authenticated
  using (((select private.is_unit_admin()) and private.administers_person(id)));
create policy "Province admins read everyone" on public.profile for select to authenticated
  using ((select private.is_province_admin()));
create policy "People edit their own profile" on public.profile for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- ───────────────────────────── policies: person_role ─────────────────────────────
alter table public.person_role enable row level security;
create policy "People read their own roles" on public.person_role for select to authenticated
  using (person_id = (select auth.uid()));
create policy "Unit admins read roles of people in their subtree" on public.person_role for select to authenticated
  using (((select private.is_unit_admin()) and private.administers_person(person_id)));
create policy "Province admins read all roles" on public.person_role for select to authenticated
  using ((select private.is_province_admin()));
create policy "Province admins give roles" on public.person_role for insert to authenticated
  with check ((select private.is_province_admin()) and granted_by = (select auth.uid()));
create policy "Province admins take roles" on public.person_role for delete to authenticated
  using ((select private.is_province_admin()));

-- ───────────────────────────── grants ─────────────────────────────
grant select on public.unit, public.unit_succession to anon, authenticated;
grant insert, update, delete on public.unit to authenticated;
grant insert, delete on public.unit_succession to authenticated;
grant select on public.profile to authenticated;
grant update (display_name, home_unit_id, locale) on public.profile to authenticated;
grant select, delete on public.person_role to authenticated;
grant insert (person_id, role, unit_id, granted_by) on public.person_role to authenticated;
grant all on public.unit, public.unit_succession, public.profile, public.person_role to service_role;
