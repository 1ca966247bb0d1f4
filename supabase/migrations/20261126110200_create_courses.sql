-- Courses, their modules and lessons, with competence tags and accent-insensitive, typo-tolerant search.

create extension if not exists unaccent with schema extensions;
create extension if not exists pg_trgm with schema extensions;

-- Lower-case, accent-free text for search ("Kỹ năng số" → "ky nang so"). Declared immutable so that it
-- can feed a generated column and an index; the unaccent dictionary is fixed by name.
create function private.search_text(input text) returns text
language sql immutable parallel safe set search_path = '' as $$
  select lower(extensions.unaccent('extensions.unaccent'::regdictionary, coalesce(input, '')));
$$;
grant execute on function private.search_text(text) to anon, authenticated, service_role;

-- ───────────────────────────── course ─────────────────────────────
create table public.course (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  language text not null default 'vi' check (language in ('vi', 'en')),
  audience text not null check (audience in ('citizen', 'official', 'business', 'everyone')),
  level text not null check (level in ('basic', 'intermediate', 'advanced')),
  status text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  published_version integer not null default 0,
  published_at timestamptz,
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  summary_vi text not null default '' check (char_length(summary_vi) <= 1000),
  summary_en text not null default '' check (char_length(summary_en) <= 1000),
  outcomes_vi text[] not null default '{}',
  outcomes_en text[] not null default '{}',
  owner_unit_id bigint references public.unit (id),
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search_text text generated always as (
    private.search_text(title_vi || ' ' || title_en || ' ' || summary_vi)
  ) stored
);
comment on table public.course is
  'A course. Only published courses are visible to learners; published_version counts publications. '
  'owner_unit_id scopes who may author it (organizers of that subtree).';
create index course_search_trgm_idx on public.course using gin (search_text extensions.gin_trgm_ops);
create index course_status_idx on public.course (status, audience, level);

-- ───────────────────────────── course_module ─────────────────────────────
create table public.course_module (
  id bigint generated always as identity primary key,
  course_id bigint not null references public.course (id) on delete cascade,
  position smallint not null,
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  unique (course_id, position)
);
comment on table public.course_module is 'A module of a course: an ordered group of lessons.';

-- ───────────────────────────── lesson ─────────────────────────────
create table public.lesson (
  id bigint generated always as identity primary key,
  course_id bigint not null references public.course (id) on delete cascade,
  module_id bigint not null references public.course_module (id) on delete cascade,
  position smallint not null,
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and char_length(slug) <= 80),
  kind text not null default 'text' check (kind in ('text', 'video', 'file')),
  title_vi text not null check (char_length(title_vi) between 1 and 200),
  title_en text not null check (char_length(title_en) between 1 and 200),
  minutes smallint not null check (minutes between 1 and 240),
  required boolean not null default true,
  body jsonb not null,
  body_schema smallint not null default 1,
  updated_at timestamptz not null default now(),
  unique (course_id, slug),
  unique (module_id, position)
);
comment on table public.lesson is
  'A lesson: tiptap (ProseMirror) JSON in body, validated on save against src/lib/content/extensions.ts '
  '(body_schema is that list''s version); rendered to HTML on the server. position orders it in its module.';
create index lesson_course_idx on public.lesson (course_id);

-- A lesson belongs to its module's course. Security definer: the check must see the module whether or not
-- the caller may, so that a hidden course is refused by its policy (42501), not mistaken for a mismatch.
create function private.check_lesson_module() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not exists (select 1 from public.course_module m where m.id = new.module_id and m.course_id = new.course_id) then
    raise exception 'lesson module belongs to another course' using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger lesson_check_module before insert or update of module_id, course_id on public.lesson
  for each row execute function private.check_lesson_module();

-- A module (and with it its lessons and the progress recorded on them) stays in the course it was made in.
create function private.keep_module_course() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'a module cannot move to another course' using errcode = 'check_violation';
end;
$$;
create trigger course_module_keep_course before update of course_id on public.course_module
  for each row when (old.course_id is distinct from new.course_id) execute function private.keep_module_course();

-- Publishing stamps the course: a new published_version and the time, set here and nowhere else.
create function private.stamp_publication() returns trigger
language plpgsql set search_path = '' as $$
begin
  if new.status = 'published' and (tg_op = 'INSERT' or old.status is distinct from 'published') then
    new.published_version := coalesce(case when tg_op = 'UPDATE' then old.published_version end, 0) + 1;
    new.published_at := now();
  elsif tg_op = 'UPDATE' then
    new.published_version := old.published_version;
    new.published_at := old.published_at;
  end if;
  new.updated_at := now();
  return new;
end;
$$;
create trigger course_stamp_publication before insert or update on public.course
  for each row execute function private.stamp_publication();

-- ───────────────────────────── competence tags ─────────────────────────────
create table public.course_competence (
  course_id bigint not null references public.course (id) on delete cascade,
  competence_id bigint not null references public.competence (id) on delete cascade,
  level smallint not null check (level between 1 and 8),
  primary key (course_id, competence_id)
);
comment on table public.course_competence is 'A competence a course develops, at a level of its framework.';

create table public.lesson_competence (
  lesson_id bigint not null references public.lesson (id) on delete cascade,
  competence_id bigint not null references public.competence (id) on delete cascade,
  level smallint not null check (level between 1 and 8),
  primary key (lesson_id, competence_id)
);
comment on table public.lesson_competence is 'A competence a lesson develops, at a level of its framework.';

-- A tag's level is one of its framework's levels.
create function private.check_competence_level() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.level > (select f.max_level from public.competence c join public.competence_framework f on f.code = c.framework
                  where c.id = new.competence_id) then
    raise exception 'level beyond the framework''s highest level' using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger course_competence_check_level before insert or update on public.course_competence
  for each row execute function private.check_competence_level();
create trigger lesson_competence_check_level before insert or update on public.lesson_competence
  for each row execute function private.check_competence_level();

-- ───────────────────────────── helpers ─────────────────────────────
create function private.may_author_in_unit(owner_unit bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or (owner_unit is not null and private.has_role_in_unit(owner_unit, 'organizer'));
$$;
comment on function private.may_author_in_unit(bigint) is 'Whether the current user may author content owned by the unit.';

create function private.can_author_course(target_course bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.course c
    where c.id = target_course and private.may_author_in_unit(c.owner_unit_id)
  );
$$;
comment on function private.can_author_course(bigint) is 'Whether the current user may edit the course (organizer of its unit, or province admin).';

-- Not security definer, so that Postgres can inline it into the policies that call it per row; it reads
-- only published courses, which every role may see.
create function private.is_published_course(target_course bigint) returns boolean
language sql stable set search_path = '' as $$
  select exists (select 1 from public.course c where c.id = target_course and c.status = 'published');
$$;
comment on function private.is_published_course(bigint) is 'Whether the course is published (visible to everyone).';

create function private.is_author() returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.person_role r where r.person_id = (select auth.uid()) and r.role = 'organizer'
  );
$$;
comment on function private.is_author() is
  'Whether the current user may author any content. Policies test it once per statement, as (select …), '
  'before the per-row author checks, which then run only for authors.';

grant execute on function private.may_author_in_unit(bigint), private.can_author_course(bigint), private.is_published_course(bigint), private.is_author()
  to anon, authenticated, service_role;

-- ───────────────────────────── policies ─────────────────────────────
alter table public.course enable row level security;
alter table public.course_module enable row level security;
alter table public.lesson enable row level security;
alter table public.course_competence enable row level security;
alter table public.lesson_competence enable row level security;

create policy "Everyone reads published courses" on public.course for select to anon, authenticated
  using (status = 'published');
-- The course policies test the row itself (not a lookup by id), so that a row being inserted is seen too.
create policy "Authors read the courses they may edit" on public.course for select to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Organizers add courses in their units" on public.course for insert to authenticated
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Authors edit their courses" on public.course for update to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id))) with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Authors remove their courses" on public.course for delete to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));

create policy "Everyone reads modules of published courses" on public.course_module for select to anon, authenticated
  using (private.is_published_course(course_id));
create policy "Authors read modules of their courses" on public.course_module for select to authenticated
  using (((select private.is_author()) and private.can_author_course(course_id)));
create policy "Authors manage modules of their courses" on public.course_module for all to authenticated
  using (((select private.is_author()) and private.can_author_course(course_id))) with check (((select private.is_author()) and private.can_author_course(course_id)));

create policy "Everyone reads lessons of published courses" on public.lesson for select to anon, authenticated
  using (private.is_published_course(course_id));
create policy "Authors read lessons of their courses" on public.lesson for select to authenticated
  using (((select private.is_author()) and private.can_author_course(course_id)));
create policy "Authors manage lessons of their courses" on public.lesson for all to authenticated
  using (((select private.is_author()) and private.can_author_course(course_id))) with check (((select private.is_author()) and private.can_author_course(course_id)));

create policy "Everyone reads tags of published courses" on public.course_competence for select to anon, authenticated
  using (private.is_published_course(course_id));
create policy "Authors manage tags of their courses" on public.course_competence for all to authenticated
  using (((select private.is_author()) and private.can_author_course(course_id))) with check (((select private.is_author()) and private.can_author_course(course_id)));

create policy "Everyone reads tags of published lessons" on public.lesson_competence for select to anon, authenticated
  using (exists (select 1 from public.lesson l where l.id = lesson_id and private.is_published_course(l.course_id)));
create policy "Authors manage tags of their lessons" on public.lesson_competence for all to authenticated
  using (exists (select 1 from public.lesson l where l.id = lesson_id and ((select private.is_author()) and private.can_author_course(l.course_id))))
  with check (exists (select 1 from public.lesson l where l.id = lesson_id and ((select private.is_author()) and private.can_author_course(l.course_id))));

grant select on public.course, public.course_module, public.lesson, public.course_competence, public.lesson_competence to anon, authenticated;
-- Who created a course and its publication stamps are set by the database, not by authors.
grant insert (slug, language, audience, level, status, title_vi, title_en, summary_vi, summary_en, outcomes_vi, outcomes_en, owner_unit_id),
  update (slug, language, audience, level, status, title_vi, title_en, summary_vi, summary_en, outcomes_vi, outcomes_en, owner_unit_id)
  on public.course to authenticated;
grant delete on public.course to authenticated;
grant insert, update, delete on public.course_module, public.lesson, public.course_competence, public.lesson_competence to authenticated;
grant all on public.course, public.course_module, public.lesson, public.course_competence, public.lesson_competence to service_role;
