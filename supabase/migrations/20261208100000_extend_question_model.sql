-- What authors bring from Moodle, kept: answer weights (Moodle's fractions) and per-answer feedback for
-- choices, short answers and numbers; Markdown prompts; essay questions (graded by a person) and cloze
-- questions (gaps of choice, short-answer or numeric kind inside a text); and categories, a tree per bank
-- that quizzes can draw from. The shapes are those of src/lib/quiz/question.ts.

-- ───────────────────────────── kinds and formats ─────────────────────────────
alter table public.question_version drop constraint question_version_kind_check;
alter table public.question_version add constraint question_version_kind_check
  check (kind in ('single', 'multiple', 'true_false', 'ordering', 'matching', 'short_text', 'numeric', 'essay', 'cloze'));
alter table public.question_version
  add column prompt_format text not null default 'plain' check (prompt_format in ('plain', 'markdown'));
comment on column public.question_version.prompt_format is
  'plain: shown as written; markdown: rendered through the lesson document model (never raw HTML).';

-- ───────────────────────────── shape checks ─────────────────────────────
-- Weights: credit in percent per choice id, each between −100 and 100. Absent is the default rule.
create function private.valid_weights(weights jsonb, ids text[]) returns boolean
language sql immutable set search_path = '' as $$
  select weights is null or (jsonb_typeof(weights) = 'object' and not exists (
    select 1 from jsonb_each(weights) w
    where not w.key = any (ids) or jsonb_typeof(w.value) <> 'number' or (w.value #>> '{}')::numeric not between -100 and 100));
$$;

-- Feedback per choice id (or per answer given to a true/false question): short plain texts.
create function private.valid_feedback(feedback jsonb, ids text[]) returns boolean
language sql immutable set search_path = '' as $$
  select feedback is null or (jsonb_typeof(feedback) = 'object' and not exists (
    select 1 from jsonb_each(feedback) f
    where not f.key = any (ids) or jsonb_typeof(f.value) <> 'string' or char_length(f.value #>> '{}') > 1000));
$$;

-- Partial numeric answers: [{value, tolerance ≥ 0, weight 1…99, feedback?}], at most 20.
create function private.valid_partial_numbers(partial jsonb) returns boolean
language sql immutable set search_path = '' as $$
  select partial is null or (jsonb_typeof(partial) = 'array' and jsonb_array_length(partial) <= 20 and not exists (
    select 1 from jsonb_array_elements(partial) p
    where jsonb_typeof(p -> 'value') is distinct from 'number'
       or jsonb_typeof(p -> 'tolerance') is distinct from 'number' or (p ->> 'tolerance')::numeric < 0
       or jsonb_typeof(p -> 'weight') is distinct from 'number' or (p ->> 'weight')::numeric not between 1 and 99
       or (p ? 'feedback' and (jsonb_typeof(p -> 'feedback') <> 'string' or char_length(p ->> 'feedback') > 1000))));
$$;

-- Whether content and key are a well-formed question of the kind (see src/lib/quiz/question.ts). Never
-- null: a missing field is a malformed question.
create or replace function private.check_question_shape(kind text, content jsonb, key jsonb) returns boolean
language plpgsql immutable set search_path = '' as $$
declare
  ids text[];
  right_ids text[];
  listed text[];
  gap_count integer;
begin
  if jsonb_typeof(content) is distinct from 'object' or jsonb_typeof(key) is distinct from 'object' then
    return false;
  end if;
  case kind
    when 'single' then
      ids := private.choice_ids(content -> 'options');
      return coalesce(ids is not null and jsonb_typeof(key -> 'correct') = 'string' and (key ->> 'correct') = any (ids)
        and private.valid_weights(key -> 'weights', ids)
        -- with weights, the correct choice is the one (and only one) worth all the points
        and (key -> 'weights' is null or (
          (key -> 'weights' ->> (key ->> 'correct'))::numeric = 100
          and not exists (select 1 from jsonb_each_text(check_question_shape.key -> 'weights') w
                          where w.key <> check_question_shape.key ->> 'correct' and w.value::numeric >= 100)))
        and private.valid_feedback(key -> 'feedback', ids), false);
    when 'multiple' then
      ids := private.choice_ids(content -> 'options');
      listed := private.json_strings(key -> 'correct');
      return coalesce(ids is not null and listed is not null and cardinality(listed) >= 1
        and listed <@ ids and cardinality(listed) = (select count(distinct x) from unnest(listed) x)
        and private.valid_weights(key -> 'weights', ids)
        -- with weights, the correct choices are exactly those worth something, and together they are worth all
        -- the points (as Moodle requires, give or take its rounding: thirds written 33.33333 % add up to 99.99999 %)
        and (key -> 'weights' is null or (
          listed <@ array(select w.key from jsonb_each_text(key -> 'weights') w where w.value::numeric > 0)
          and array(select w.key from jsonb_each_text(key -> 'weights') w where w.value::numeric > 0) <@ listed
          and (select sum(w.value::numeric) from jsonb_each_text(check_question_shape.key -> 'weights') w where w.value::numeric > 0)
              between 99.5 and 100.5))
        and private.valid_feedback(key -> 'feedback', ids), false);
    when 'true_false' then
      return coalesce(jsonb_typeof(key -> 'correct') = 'boolean'
        and private.valid_feedback(key -> 'feedback', array['true', 'false']), false);
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
        and jsonb_typeof(key -> 'accentInsensitive') = 'boolean'
        -- weights, aligned with the answers: 1…100 %, at least one answer worth all the points
        and (key -> 'weights' is null or (
          jsonb_typeof(key -> 'weights') = 'array' and jsonb_array_length(key -> 'weights') = cardinality(listed)
          and not exists (select 1 from jsonb_array_elements(key -> 'weights') w
                          where jsonb_typeof(w) <> 'number' or (w #>> '{}')::numeric not between 1 and 100)
          and exists (select 1 from jsonb_array_elements(key -> 'weights') w where (w #>> '{}')::numeric = 100)))
        -- feedback, aligned with the answers: a text or null each
        and (key -> 'feedback' is null or (
          jsonb_typeof(key -> 'feedback') = 'array' and jsonb_array_length(key -> 'feedback') = cardinality(listed)
          and not exists (select 1 from jsonb_array_elements(key -> 'feedback') f
                          where jsonb_typeof(f) not in ('string', 'null') or char_length(f #>> '{}') > 1000))), false);
    when 'numeric' then
      return coalesce(jsonb_typeof(key -> 'value') = 'number' and jsonb_typeof(key -> 'tolerance') = 'number'
        and (key ->> 'tolerance')::numeric >= 0
        and (key -> 'feedback' is null or (jsonb_typeof(key -> 'feedback') = 'string' and char_length(key ->> 'feedback') <= 1000))
        and private.valid_partial_numbers(key -> 'partial'), false);
    when 'essay' then
      return coalesce(content = '{}'::jsonb
        and (key -> 'graderInfo' is null or (jsonb_typeof(key -> 'graderInfo') = 'string' and char_length(key ->> 'graderInfo') <= 2000)), false);
    when 'cloze' then
      gap_count := case when jsonb_typeof(content -> 'gaps') = 'array' then jsonb_array_length(content -> 'gaps') end;
      return coalesce(jsonb_typeof(content -> 'text') = 'string' and char_length(content ->> 'text') <= 4000
        and gap_count between 1 and 20
        and jsonb_typeof(key -> 'gaps') = 'array' and jsonb_array_length(key -> 'gaps') = gap_count
        -- every gap's marker {#n} exactly once, and no other marker
        and not exists (
          select 1 from generate_series(1, gap_count) n
          where (char_length(content ->> 'text') - char_length(replace(content ->> 'text', '{#' || n || '}', ''))) <> char_length('{#' || n || '}'))
        and (select count(*) from regexp_matches(content ->> 'text', '\{#[0-9]+\}', 'g')) = gap_count
        -- every gap a well-formed question of a gap kind, worth 0.01…100 points within the question
        and not exists (
          select 1 from generate_series(0, gap_count - 1) i
          cross join lateral (select content -> 'gaps' -> i as c, key -> 'gaps' -> i as k) g
          where jsonb_typeof(g.c) is distinct from 'object' or jsonb_typeof(g.k) is distinct from 'object'
             or not (g.c ->> 'kind') = any (array['single', 'multiple', 'short_text', 'numeric'])
             or (g.k ->> 'kind') is distinct from (g.c ->> 'kind')
             or jsonb_typeof(g.k -> 'points') is distinct from 'number' or (g.k ->> 'points')::numeric not between 0.01 and 100
             or not private.check_question_shape(g.c ->> 'kind', g.c - 'kind', g.k - 'kind' - 'points')), false);
    else
      return false;
  end case;
end;
$$;

-- ───────────────────────────── grading ─────────────────────────────
-- The share (0…1) of a question's points a response earns. The rules, stated once:
--   single: all when the right choice is picked; with weights, the picked choice's weight (below 0 is 0);
--   multiple: without weights, each correct choice ticked earns 1/C and each wrong one takes 1/C away
--     (C = number of correct choices), never below zero — ticking everything does not pay; with weights,
--     the sum of the ticked choices' weights, between 0 and 100 %;
--   true/false: all or nothing;
--   ordering: the share of items placed in their right position;
--   matching: the share of left-hand items matched to their right partner;
--   short text: the best weight among the accepted answers it matches (100 % without weights); case and
--     spacing never matter, accents only when the key says so;
--   numeric: all when |response − value| ≤ tolerance, else the best partial answer it falls within;
--   essay: nothing here — a person grades it (public.grade_essay_answer);
--   cloze: each gap graded by its kind's rule, weighted by the gap's points.
-- A missing or malformed response earns nothing.
create function private.grade_fraction(kind text, key jsonb, response jsonb) returns numeric
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
      if key -> 'weights' is not null then
        fraction := greatest(0, coalesce((key -> 'weights' ->> (response ->> 'choice'))::numeric, 0) / 100);
      else
        fraction := case when response ->> 'choice' = key ->> 'correct' then 1 else 0 end;
      end if;
    when 'multiple' then
      correct := private.json_strings(key -> 'correct');
      chosen := array(select distinct x from unnest(private.json_strings(response -> 'choices')) x);
      if key -> 'weights' is not null then
        fraction := least(1, greatest(0, coalesce(
          (select sum((key -> 'weights' ->> c)::numeric) from unnest(chosen) c where key -> 'weights' ? c), 0) / 100));
      else
        fraction := greatest(0,
          ((select count(*) from unnest(chosen) c where c = any (correct))
            - (select count(*) from unnest(chosen) c where not c = any (correct)))::numeric / cardinality(correct));
      end if;
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
        fraction := coalesce((
          select max(coalesce((key -> 'weights' ->> (a.n - 1)::integer)::numeric, 100)) / 100
          from jsonb_array_elements_text(key -> 'answers') with ordinality a(answer, n)
          where private.normalise_answer(a.answer, (key ->> 'accentInsensitive')::boolean)
              = private.normalise_answer(response ->> 'text', (key ->> 'accentInsensitive')::boolean)
        ), 0);
      end if;
    when 'numeric' then
      if jsonb_typeof(response -> 'value') = 'number' then
        if abs((response ->> 'value')::numeric - (key ->> 'value')::numeric) <= (key ->> 'tolerance')::numeric then
          fraction := 1;
        else
          fraction := coalesce((
            select max((p ->> 'weight')::numeric) / 100 from jsonb_array_elements(key -> 'partial') p
            where abs((response ->> 'value')::numeric - (p ->> 'value')::numeric) <= (p ->> 'tolerance')::numeric
          ), 0);
        end if;
      end if;
    when 'cloze' then
      if jsonb_typeof(response -> 'gaps') = 'array' then
        fraction := (
          select sum((g.k ->> 'points')::numeric * private.grade_fraction(g.k ->> 'kind', g.k, response -> 'gaps' -> (g.n - 1)::integer))
                 / sum((g.k ->> 'points')::numeric)
          from jsonb_array_elements(key -> 'gaps') with ordinality g(k, n));
      end if;
    else
      fraction := 0;
  end case;
  return fraction;
end;
$$;
comment on function private.grade_fraction(text, jsonb, jsonb) is
  'The share (0–1) of the points a response earns; the rules are stated above its definition.';

create or replace function private.grade(kind text, key jsonb, response jsonb, points numeric) returns numeric
language sql immutable set search_path = '' as $$
  select round(points * private.grade_fraction(kind, key, response), 2);
$$;

-- ───────────────────────────── categories ─────────────────────────────
create table public.question_category (
  id bigint generated always as identity primary key,
  bank_id bigint not null references public.question_bank (id) on delete cascade,
  parent_id bigint references public.question_category (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100 and name = btrim(name)),
  depth smallint not null default 1 check (depth between 1 and 5),
  unique nulls not distinct (bank_id, parent_id, name)
);
comment on table public.question_category is
  'A category of a bank''s questions (GIFT $CATEGORY:, Moodle XML categories): a tree of at most five levels. '
  'A quiz pool may draw from one category and everything under it.';
create index question_category_parent_idx on public.question_category (parent_id);

alter table public.question add column category_id bigint references public.question_category (id) on delete set null;
create index question_category_idx on public.question (category_id) where category_id is not null;
-- A category a quiz draws from cannot be removed from under it (the quiz would silently draw from elsewhere).
alter table public.quiz_pool add column category_id bigint references public.question_category (id);
comment on column public.quiz_pool.category_id is 'Draw only from this category and the categories under it.';

-- A category lives in its parent's bank, one level below it, never under itself, and with everything under
-- it no deeper than five levels.
create function private.place_category() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  parent public.question_category;
  height integer := 0;
begin
  if tg_op = 'UPDATE' then
    if new.parent_id is not null and new.parent_id = any (private.category_subtree(new.id)) then
      raise exception 'a category cannot be moved under itself' using errcode = 'check_violation', hint = 'category_cycle';
    end if;
    -- levels below the category, which move with it
    height := (select coalesce(max(c.depth), old.depth) - old.depth from public.question_category c
               where c.id = any (private.category_subtree(new.id)));
  end if;
  if new.parent_id is null then
    new.depth := 1;
  else
    select * into parent from public.question_category c where c.id = new.parent_id;
    if parent.bank_id is distinct from new.bank_id then
      raise exception 'a category''s parent belongs to the same bank' using errcode = 'check_violation', hint = 'category_bank';
    end if;
    new.depth := parent.depth + 1;
  end if;
  if new.depth + height > 5 then
    raise exception 'categories are at most five levels deep' using errcode = 'check_violation', hint = 'category_too_deep';
  end if;
  return new;
end;
$$;
create trigger question_category_place before insert or update of parent_id, bank_id on public.question_category
  for each row execute function private.place_category();

-- After a move, the levels of everything under the category follow it.
create function private.redepth_subcategories() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  with recursive tree as (
    select c.id, new.depth + 1 as depth from public.question_category c where c.parent_id = new.id
    union
    select c.id, t.depth + 1 from public.question_category c join tree t on c.parent_id = t.id
  )
  update public.question_category c set depth = tree.depth from tree where c.id = tree.id and c.depth <> tree.depth;
  return null;
end;
$$;
create trigger question_category_redepth after update of parent_id on public.question_category
  for each row when (old.parent_id is distinct from new.parent_id) execute function private.redepth_subcategories();

-- A question's category, and a pool's, belong to its bank.
create function private.check_category_bank() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.category_id is not null and not exists (
    select 1 from public.question_category c where c.id = new.category_id and c.bank_id = new.bank_id
  ) then
    raise exception 'the category belongs to another bank' using errcode = 'check_violation', hint = 'category_bank';
  end if;
  return new;
end;
$$;
create trigger question_check_category before insert or update of category_id, bank_id on public.question
  for each row execute function private.check_category_bank();
create trigger quiz_pool_check_category before insert or update of category_id, bank_id on public.quiz_pool
  for each row execute function private.check_category_bank();

-- The category and every category under it (union, not union all: even a cycle could not make it loop).
create function private.category_subtree(root bigint) returns bigint[]
language sql stable security definer set search_path = '' as $$
  with recursive tree as (
    select c.id from public.question_category c where c.id = root
    union
    select c.id from public.question_category c join tree t on c.parent_id = t.id
  )
  select array(select id from tree);
$$;

-- The category at the end of a path of names in a bank, created (level by level) where missing. Runs as
-- the caller, so the policies decide whether they may add categories to the bank.
create function public.question_category_path(target_bank bigint, path text[]) returns bigint
language plpgsql set search_path = '' as $$
declare
  current_id bigint;
  next_id bigint;
  segment text;
begin
  foreach segment in array coalesce(path, '{}') loop
    select c.id into next_id from public.question_category c
    where c.bank_id = target_bank and c.parent_id is not distinct from current_id and c.name = btrim(segment);
    if found then
      current_id := next_id;
    else
      insert into public.question_category (bank_id, parent_id, name) values (target_bank, current_id, btrim(segment))
      returning id into current_id;
    end if;
  end loop;
  return current_id;
end;
$$;
comment on function public.question_category_path(bigint, text[]) is
  'The id of the bank''s category at the path (outermost first), creating what is missing; null for an empty path.';

alter table public.question_category enable row level security;
create policy "Authors manage the categories of their banks" on public.question_category for all to authenticated
  using (((select private.is_author()) and private.can_author_bank(bank_id)))
  with check (((select private.is_author()) and private.can_author_bank(bank_id)));

grant select, delete on public.question_category to authenticated;
grant insert (bank_id, parent_id, name), update (parent_id, name) on public.question_category to authenticated;
grant all on public.question_category to service_role;
grant insert (bank_id, archived, category_id), update (archived, current_version_id, category_id) on public.question to authenticated;
grant insert (question_id, kind, title, prompt, prompt_format, image_url, image_alt, content, key, explanation, points)
  on public.question_version to authenticated;

revoke execute on function public.question_category_path(bigint, text[]) from public, anon;
grant execute on function public.question_category_path(bigint, text[]) to authenticated, service_role;
grant execute on function private.grade_fraction(text, jsonb, jsonb), private.valid_weights(jsonb, text[]),
  private.valid_feedback(jsonb, text[]), private.valid_partial_numbers(jsonb) to authenticated, service_role;
revoke execute on function private.category_subtree(bigint) from public, anon;
grant execute on function private.category_subtree(bigint) to authenticated, service_role;
