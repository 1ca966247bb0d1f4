-- Competence frameworks as data (so an admin can change them): frameworks, areas, competences, and
-- mappings between frameworks. Courses, lessons and (later) questions are tagged with competences.

-- ───────────────────────────── competence_framework ─────────────────────────────
create table public.competence_framework (
  code text primary key check (code ~ '^[a-z0-9_]{2,32}$'),
  name_vi text not null,
  name_en text not null,
  source text not null,
  max_level smallint not null check (max_level between 1 and 8),
  note text
);
comment on table public.competence_framework is
  'A digital competence framework (DigComp 2.2, Circular 02/2025/TT-BGDĐT, Decision 757/QĐ-BKHCN), with its source.';

-- ───────────────────────────── competence_area ─────────────────────────────
create table public.competence_area (
  id bigint generated always as identity primary key,
  framework text not null references public.competence_framework (code) on delete cascade,
  code text not null,
  name_vi text not null,
  name_en text not null,
  position smallint not null,
  confirmed boolean not null default true,
  unique (framework, code)
);
comment on table public.competence_area is
  'An area (domain, group) of a framework. confirmed = false where the name could not be checked against the published text.';

-- ───────────────────────────── competence ─────────────────────────────
create table public.competence (
  id bigint generated always as identity primary key,
  framework text not null references public.competence_framework (code) on delete cascade,
  area_id bigint not null references public.competence_area (id) on delete cascade,
  code text not null,
  name_vi text not null,
  name_en text not null,
  confirmed boolean not null default true,
  unique (framework, code)
);
comment on table public.competence is
  'A competence of a framework, by its code in that framework (e.g. digcomp22 4.2). Frameworks whose groups '
  'are not broken down further carry one competence per area with the area''s code.';
create index competence_area_idx on public.competence (area_id);

-- A competence's framework is its area's.
create function private.check_competence_framework() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.competence_area a where a.id = new.area_id and a.framework = new.framework) then
    raise exception 'competence and area belong to different frameworks' using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger competence_check_framework before insert or update of framework, area_id on public.competence
  for each row execute function private.check_competence_framework();

-- ───────────────────────────── competence_mapping ─────────────────────────────
create table public.competence_mapping (
  from_competence_id bigint not null references public.competence (id) on delete cascade,
  to_competence_id bigint not null references public.competence (id) on delete cascade,
  primary key (from_competence_id, to_competence_id),
  check (from_competence_id <> to_competence_id)
);
comment on table public.competence_mapping is 'A competence of one framework that corresponds to one of another.';

-- ───────────────────────────── policies ─────────────────────────────
alter table public.competence_framework enable row level security;
alter table public.competence_area enable row level security;
alter table public.competence enable row level security;
alter table public.competence_mapping enable row level security;

create policy "Everyone reads frameworks" on public.competence_framework for select to anon, authenticated using (true);
create policy "Province admins manage frameworks" on public.competence_framework for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));
create policy "Everyone reads competence areas" on public.competence_area for select to anon, authenticated using (true);
create policy "Province admins manage competence areas" on public.competence_area for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));
create policy "Everyone reads competences" on public.competence for select to anon, authenticated using (true);
create policy "Province admins manage competences" on public.competence for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));
create policy "Everyone reads competence mappings" on public.competence_mapping for select to anon, authenticated using (true);
create policy "Province admins manage competence mappings" on public.competence_mapping for all to authenticated
  using ((select private.is_province_admin())) with check ((select private.is_province_admin()));

grant select on public.competence_framework, public.competence_area, public.competence, public.competence_mapping to anon, authenticated;
grant insert, update, delete on public.competence_framework, public.competence_area, public.competence, public.competence_mapping to authenticated;
grant all on public.competence_framework, public.competence_area, public.competence, public.competence_mapping to service_role;
