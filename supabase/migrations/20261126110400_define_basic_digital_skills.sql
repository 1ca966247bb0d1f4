-- "Has completed basic digital skills", the rule the targets count: a person who completed at least one
-- basic digital-skills course, that is a published course of level basic that develops a group of the
-- basic digital skills of Decision 757/QĐ-BKHCN (tagged with the group itself, or with a competence of
-- another framework mapped onto it).

create function public.is_basic_digital_skills_course(target_course bigint) returns boolean
language sql stable set search_path = '' as $$
  select exists (
    select 1 from public.course c
    join public.course_competence cc on cc.course_id = c.id
    join public.competence k on k.id = cc.competence_id
    left join public.competence_mapping m on m.from_competence_id = k.id
    left join public.competence g on g.id = m.to_competence_id
    where c.id = target_course and c.level = 'basic'
      and 'qd757_2025' in (k.framework, g.framework)
  );
$$;
comment on function public.is_basic_digital_skills_course(bigint) is
  'Whether a course counts as a basic digital-skills course (level basic, develops a Decision 757 group).';

create function public.has_basic_digital_skills(person uuid) returns boolean
language sql stable set search_path = '' as $$
  select exists (
    select 1 from public.course_completion cc
    where cc.person_id = person and public.is_basic_digital_skills_course(cc.course_id)
  );
$$;
comment on function public.has_basic_digital_skills(uuid) is
  'Whether the person completed at least one basic digital-skills course. Runs with the caller''s rights: '
  'RLS decides whose completions the caller may count.';

grant execute on function public.is_basic_digital_skills_course(bigint), public.has_basic_digital_skills(uuid) to anon, authenticated, service_role;
