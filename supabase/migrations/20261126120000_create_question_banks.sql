-- Question banks: questions owned by a unit's authors (per course, or shared), each kept as immutable
-- versions so that an attempt in progress keeps the wording and key it started with, and the grading rule
-- for every question kind. Answer keys are readable by the bank's authors only; learners reach questions
-- through the attempt functions (next migration), which never return a key before the review policy allows.

-- ───────────────────────────── question_bank ─────────────────────────────
create table public.question_bank (
  id bigint generated always as identity primary key,
  title text not null check (char_length(title) between 1 and 200),
  course_id bigint references public.course (id) on delete set null,
  owner_unit_id bigint references public.unit (id),
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now()
);
comment on table public.question_bank is
  'A bank of questions, for one course (course_id) or shared. owner_unit_id scopes who may author it '
  '(organizers of that subtree, as for courses).';
create index question_bank_course_idx on public.question_bank (course_id);

-- ───────────────────────────── question ─────────────────────────────
create table public.question (
  id bigint generated always as identity primary key,
  bank_id bigint not null references public.question_bank (id) on delete cascade,
  current_version_id bigint,
  archived boolean not null default false,
  created_at timestamptz not null default now()
);
comment on table public.question is
  'A question of a bank. Its text and key live in question_version; current_version_id is the one new '
  'attempts draw. Archived questions are no longer drawn but stay for the attempts that used them.';
create index question_bank_idx on public.question (bank_id) where not archived;

-- ───────────────────────────── question_version ─────────────────────────────
create table public.question_version (
  id bigint generated always as identity primary key,
  question_id bigint not null references public.question (id) on delete cascade,
  version integer not null default 1,
  kind text not null check (kind in ('single', 'multiple', 'true_false', 'ordering', 'matching', 'short_text', 'numeric')),
  title text check (char_length(title) <= 200),
  prompt text not null check (char_length(prompt) between 1 and 2000),
  image_url text check (image_url ~ '^(/media/|https://)' and char_length(image_url) <= 500),
  image_alt text check (char_length(image_alt) between 1 and 300),
  content jsonb not null,
  key jsonb not null,
  explanation text check (char_length(explanation) <= 2000),
  points numeric(5, 2) not null default 1 check (points > 0 and points <= 100),
  created_by uuid references public.profile (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  unique (question_id, version)
);
comment on table public.question_version is
  'One wording of a question, never changed once written (editing adds a version). content is what a learner '
  'sees (choices, items, pairs), key the answer key: shapes in src/lib/quiz/question.ts, checked by '
  'private.check_question_shape().';
alter table public.question_version add constraint question_version_image_described
  check (image_url is null or image_alt is not null);
comment on column public.question_version.key is 'The answer key. Readable by the bank''s authors only.';

alter table public.question
  add constraint question_current_version_fkey foreign key (current_version_id) references public.question_version (id);

-- ───────────────────────────── question_competence ─────────────────────────────
create table public.question_competence (
  question_id bigint not null references public.question (id) on delete cascade,
  competence_id bigint not null references public.competence (id) on delete cascade,
  primary key (question_id, competence_id)
);
comment on table public.question_competence is 'A competence a question checks; quizzes can draw from a bank by tag.';
create index question_competence_competence_idx on public.question_competence (competence_id);

-- ───────────────────────────── shape of content and key ─────────────────────────────
-- The ids of a list of choices ([{id, text}, …]) when every element is a well-formed choice, else null.
create function private.choice_ids(choices jsonb) returns text[]
language sql immutable set search_path = '' as $$
  select case
    when jsonb_typeof(choices) = 'array'
      and jsonb_array_length(choices) between 2 and 10
      and not exists (
        select 1 from jsonb_array_elements(choices) c
        where jsonb_typeof(c -> 'id') is distinct from 'string'
           or jsonb_typeof(c -> 'text') is distinct from 'string'
           or char_length(c ->> 'text') not between 1 and 500
           or char_length(c ->> 'id') not between 1 and 8
      )
      and (select count(distinct c ->> 'id') = jsonb_array_length(choices) from jsonb_array_elements(choices) c)
    then array(select c ->> 'id' from jsonb_array_elements(choices) c)
  end;
$$;

-- The strings of a JSON array of strings, or null if it is anything else.
create function private.json_strings(value jsonb) returns text[]
language sql immutable set search_path = '' as $$
  select case
    when jsonb_typeof(value) = 'array'
      and not exists (select 1 from jsonb_array_elements(value) e where jsonb_typeof(e) <> 'string')
    then array(select jsonb_array_elements_text(value))
  end;
$$;

-- Whether content and key are a well-formed question of the kind (see src/lib/quiz/question.ts).
create function private.check_question_shape(kind text, content jsonb, key jsonb) returns boolean
language plpgsql immutable set search_path = '' as $$
declare
  ids text[];
  right_ids text[];
  listed text[];
begin
  case kind
    when 'single' then
      ids := private.choice_ids(content -> 'options');
      return coalesce(ids is not null and jsonb_typeof(key -> 'correct') = 'string' and (key ->> 'correct') = any (ids), false);
    when 'multiple' then
      ids := private.choice_ids(content -> 'options');
      listed := private.json_strings(key -> 'correct');
      return coalesce(ids is not null and listed is not null and cardinality(listed) >= 1
        and listed <@ ids and cardinality(listed) = (select count(distinct x) from unnest(listed) x), false);
    when 'true_false' then
      return coalesce(jsonb_typeof(key -> 'correct') = 'boolean', false);
    when 'ordering' then
      ids := private.choice_ids(content -> 'items');
      listed := private.json_strings(key -> 'order');
      return coalesce(ids is not null and listed is not null and cardinality(listed) = cardinality(ids)
        and listed <@ ids and ids <@ listed, false);
    when 'matching' then
      ids := private.choice_ids(content -> 'left');
      right_ids := private.choice_ids(content -> 'right');
      return coalesce(ids is not null and right_ids is not null and jsonb_typeof(key -> 'pairs') = 'object'
        and (select array_agg(k) from jsonb_object_keys(key -> 'pairs') k) @> ids
        and ids @> (select array_agg(k) from jsonb_object_keys(key -> 'pairs') k)
        and not exists (
          select 1 from jsonb_each(key -> 'pairs') p
          where jsonb_typeof(p.value) <> 'string' or not ((p.value #>> '{}') = any (right_ids))
        ), false);
    when 'short_text' then
      listed := private.json_strings(key -> 'answers');
      return coalesce(listed is not null and cardinality(listed) between 1 and 20
        and not exists (select 1 from unnest(listed) a where char_length(trim(a)) not between 1 and 500)
        and jsonb_typeof(key -> 'accentInsensitive') = 'boolean', false);
    when 'numeric' then
      return coalesce(jsonb_typeof(key -> 'value') = 'number' and jsonb_typeof(key -> 'tolerance') = 'number'
        and (key ->> 'tolerance')::numeric >= 0, false);
    else
      return false;
  end case;
end;
$$;
comment on function private.check_question_shape(text, jsonb, jsonb) is
  'Whether content and key are a well-formed question of the kind: choices 2–10 with unique ids, the key '
  'naming only existing ids, at least one accepted answer, a non-negative tolerance. Never null: a missing '
  'field is a malformed question.';

-- ───────────────────────────── grading ─────────────────────────────
-- Case, surrounding and repeated spaces never matter in a short answer; accents only when the key says so.
create function private.normalise_answer(answer text, accent_insensitive boolean) returns text
language sql immutable parallel safe set search_path = '' as $$
  select case when accent_insensitive
    then private.search_text(regexp_replace(trim(answer), '\s+', ' ', 'g'))
    else lower(regexp_replace(trim(answer), '\s+', ' ', 'g'))
  end;
$$;

-- The points a response earns. The rules, stated once:
--   single, true/false, short text, numeric: all the points when right, none otherwise;
--   multiple: each correct choice ticked earns points/C and each wrong choice ticked takes points/C away
--     (C = number of correct choices), never below zero — ticking everything does not pay;
--   ordering: the share of items placed in their right position;
--   matching: the share of left-hand items matched to their right partner;
--   numeric: right when |response − value| ≤ tolerance.
-- A missing or malformed response earns nothing. Results are rounded to 2 decimals.
create function private.grade(kind text, key jsonb, response jsonb, points numeric) returns numeric
language plpgsql immutable set search_path = '' as $$
declare
  fraction numeric := 0;
  correct text[];
  chosen text[];
  total integer;
begin
  if response is null or jsonb_typeof(response) <> 'object' then
    return 0;
  end if;
  case kind
    when 'single' then
      fraction := case when response ->> 'choice' = key ->> 'correct' then 1 else 0 end;
    when 'multiple' then
      correct := private.json_strings(key -> 'correct');
      chosen := array(select distinct x from unnest(private.json_strings(response -> 'choices')) x);
      fraction := greatest(0,
        ((select count(*) from unnest(chosen) c where c = any (correct))
          - (select count(*) from unnest(chosen) c where not c = any (correct)))::numeric / cardinality(correct));
    when 'true_false' then
      fraction := case when jsonb_typeof(response -> 'value') = 'boolean' and response -> 'value' = key -> 'correct' then 1 else 0 end;
    when 'ordering' then
      correct := private.json_strings(key -> 'order');
      chosen := private.json_strings(response -> 'order');
      total := cardinality(correct);
      if chosen is not null then
        fraction := (select count(*) from generate_series(1, total) i where chosen[i] = correct[i])::numeric / total;
      end if;
    when 'matching' then
      total := (select count(*) from jsonb_object_keys(key -> 'pairs'));
      if jsonb_typeof(response -> 'pairs') = 'object' then
        fraction := (select count(*) from jsonb_each_text(key -> 'pairs') k
                     where (response -> 'pairs' ->> k.key) = k.value)::numeric / total;
      end if;
    when 'short_text' then
      if jsonb_typeof(response -> 'text') = 'string' then
        fraction := case when exists (
          select 1 from jsonb_array_elements_text(key -> 'answers') a
          where private.normalise_answer(a, (key ->> 'accentInsensitive')::boolean)
              = private.normalise_answer(response ->> 'text', (key ->> 'accentInsensitive')::boolean)
        ) then 1 else 0 end;
      end if;
    when 'numeric' then
      if jsonb_typeof(response -> 'value') = 'number' then
        fraction := case when abs((response ->> 'value')::numeric - (key ->> 'value')::numeric) <= (key ->> 'tolerance')::numeric
                    then 1 else 0 end;
      end if;
    else
      fraction := 0;
  end case;
  return round(points * fraction, 2);
end;
$$;
comment on function private.grade(text, jsonb, jsonb, numeric) is
  'The points a response to a question earns; the partial-credit rules are stated above its definition.';

-- ───────────────────────────── versions ─────────────────────────────
-- A version is numbered after the question's last one and becomes the current one; it is never edited.
create function private.add_question_version() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.check_question_shape(new.kind, new.content, new.key) is not true then
    raise exception 'malformed question content or key' using errcode = 'check_violation', hint = 'question_shape';
  end if;
  perform 1 from public.question q where q.id = new.question_id for update;
  new.version := coalesce((select max(v.version) from public.question_version v where v.question_id = new.question_id), 0) + 1;
  return new;
end;
$$;
create trigger question_version_add before insert on public.question_version
  for each row execute function private.add_question_version();

create function private.make_version_current() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.question set current_version_id = new.id where id = new.question_id;
  return new;
end;
$$;
create trigger question_version_make_current after insert on public.question_version
  for each row execute function private.make_version_current();

create function private.keep_version_unchanged() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'a question version is never changed; add a new version' using errcode = 'check_violation',
    hint = 'question_version_immutable';
end;
$$;
create trigger question_version_keep_unchanged before update on public.question_version
  for each row execute function private.keep_version_unchanged();

-- The current version is one of the question's own.
create function private.check_current_version() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.current_version_id is not null and not exists (
    select 1 from public.question_version v where v.id = new.current_version_id and v.question_id = new.id
  ) then
    raise exception 'current version belongs to another question' using errcode = 'check_violation';
  end if;
  return new;
end;
$$;
create trigger question_check_current_version before update of current_version_id on public.question
  for each row execute function private.check_current_version();

-- ───────────────────────────── helpers ─────────────────────────────
create function private.can_author_bank(target_bank bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select private.is_province_admin() or exists (
    select 1 from public.question_bank b where b.id = target_bank and private.may_author_in_unit(b.owner_unit_id)
  );
$$;
comment on function private.can_author_bank(bigint) is 'Whether the current user may edit the bank (organizer of its unit, or province admin).';

create function private.can_author_question(target_question bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.question q where q.id = target_question and private.can_author_bank(q.bank_id));
$$;
comment on function private.can_author_question(bigint) is 'Whether the current user may edit the question''s bank.';

grant execute on function private.can_author_bank(bigint), private.can_author_question(bigint) to authenticated, service_role;
grant execute on function private.grade(text, jsonb, jsonb, numeric), private.check_question_shape(text, jsonb, jsonb),
  private.normalise_answer(text, boolean), private.choice_ids(jsonb), private.json_strings(jsonb) to authenticated, service_role;

-- ───────────────────────────── policies ─────────────────────────────
alter table public.question_bank enable row level security;
alter table public.question enable row level security;
alter table public.question_version enable row level security;
alter table public.question_competence enable row level security;

-- Banks and questions are authors' material: no policy lets learners or the public read them.
create policy "Authors read the banks they may edit" on public.question_bank for select to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Organizers add banks in their units" on public.question_bank for insert to authenticated
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Authors edit their banks" on public.question_bank for update to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)))
  with check (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));
create policy "Authors remove their banks" on public.question_bank for delete to authenticated
  using (((select private.is_author()) and private.may_author_in_unit(owner_unit_id)));

create policy "Authors manage questions of their banks" on public.question for all to authenticated
  using (((select private.is_author()) and private.can_author_bank(bank_id)))
  with check (((select private.is_author()) and private.can_author_bank(bank_id)));

create policy "Authors read versions of their questions" on public.question_version for select to authenticated
  using (((select private.is_author()) and private.can_author_question(question_id)));
create policy "Authors add versions to their questions" on public.question_version for insert to authenticated
  with check (((select private.is_author()) and private.can_author_question(question_id)));

create policy "Authors tag their questions" on public.question_competence for all to authenticated
  using (((select private.is_author()) and private.can_author_question(question_id)))
  with check (((select private.is_author()) and private.can_author_question(question_id)));

grant select, delete on public.question_bank to authenticated;
grant insert (title, course_id, owner_unit_id), update (title, course_id, owner_unit_id) on public.question_bank to authenticated;
grant select, delete on public.question to authenticated;
grant insert (bank_id, archived), update (archived, current_version_id) on public.question to authenticated;
grant select on public.question_version to authenticated;
grant insert (question_id, kind, title, prompt, image_url, image_alt, content, key, explanation, points) on public.question_version to authenticated;
grant select, insert, delete on public.question_competence to authenticated;
grant all on public.question_bank, public.question, public.question_version, public.question_competence to service_role;
