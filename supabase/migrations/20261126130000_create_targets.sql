-- The province's digital-citizen targets (chỉ tiêu): population denominators per unit and year, the
-- metrics the platform measures itself, targets with their period and rule, values reported by unit
-- admins (counted once a province admin approves them), and the per-commune summary the dashboard reads.

-- ───────────────────────────── unit_population ─────────────────────────────
create table public.unit_population (
  unit_id bigint not null references public.unit (id) on delete cascade,
  year smallint not null check (year between 2000 and 2100),
  adults integer not null check (adults >= 0),
  residents integer check (residents >= adults),
  source text not null check (char_length(source) between 1 and 300),
  is_demo boolean not null default false,
  primary key (unit_id, year)
);
comment on table public.unit_population is
  'Residents and adult residents (18+) of a commune in a year: the denominators of "share of adults" '
  'metrics, entered or imported by province admins with their source. is_demo marks invented demo figures.';

-- ───────────────────────────── metric ─────────────────────────────
create table public.metric (
  code text primary key check (code ~ '^[a-z][a-z0-9_]{2,40}$'),
  value_unit text not null check (value_unit in ('percent', 'count')),
  name_vi text not null,
  name_en text not null,
  definition_vi text not null,
  definition_en text not null
);
comment on table public.metric is
  'A figure the platform computes from its own data, per commune (private.metric_values). An automatic '
  'target names one.';

insert into public.metric (code, value_unit, name_vi, name_en, definition_vi, definition_en) values
  ('adults_basic_digital_skills', 'percent',
   'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', 'Share of adults with basic digital skills',
   'Số người có nơi ở thuộc đơn vị đã hoàn thành ít nhất một khóa kỹ năng số cơ bản đến hết kỳ, trên số người từ 18 tuổi trở lên của đơn vị trong năm đó.',
   'People living in the unit who completed at least one basic digital-skills course by the end of the period, over the unit''s adult residents (18+) that year.'),
  ('officials_trained', 'percent',
   'Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng kỹ năng số trong kỳ', 'Share of officials trained in the period',
   'Số cán bộ, công chức (có vai trò cán bộ) sống tại đơn vị đã hoàn thành ít nhất một khóa dành cho cán bộ trong kỳ, trên tổng số cán bộ, công chức sống tại đơn vị.',
   'Officials (holders of the official role) living in the unit who completed at least one course for officials within the period, over all officials living in the unit.'),
  ('contest_participants', 'count',
   'Số người tham gia các cuộc thi trực tuyến', 'Online contest participants',
   'Số người khác nhau, sống tại đơn vị, đã nộp bài ở một đợt thi kết thúc trong kỳ.',
   'Distinct people living in the unit who submitted an attempt in a contest round that closed within the period.'),
  ('learners_registered', 'count',
   'Số người có tài khoản học tập', 'People with a learning account',
   'Số tài khoản có nơi ở thuộc đơn vị, tạo đến hết kỳ.',
   'Accounts whose home is in the unit, created by the end of the period.'),
  ('communes_with_team', 'percent',
   'Tỷ lệ xã, phường có thành viên tổ công nghệ số cộng đồng', 'Share of communes with a community technology team member',
   'Số xã, phường có ít nhất một người giữ vai trò thành viên tổ công nghệ số cộng đồng của xã (hoặc của thôn, tổ dân phố thuộc xã), trên tổng số xã, phường.',
   'Communes where at least one person holds the community technology team role for the commune (or one of its villages), over all communes.');

-- ───────────────────────────── target ─────────────────────────────
create table public.target (
  id bigint generated always as identity primary key,
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9.-]{0,19}$'),
  name_vi text not null check (char_length(name_vi) between 1 and 300),
  name_en text not null check (char_length(name_en) between 1 and 300),
  period_start date not null,
  period_end date not null,
  target_value numeric(14, 2) not null check (target_value >= 0),
  value_unit text not null check (value_unit in ('percent', 'count')),
  direction text not null default 'at_least' check (direction in ('at_least', 'at_most')),
  responsible text not null check (char_length(responsible) between 1 and 300),
  measurement text not null check (measurement in ('automatic', 'reported')),
  metric_code text references public.metric (code),
  published boolean not null default false,
  is_demo boolean not null default false,
  position smallint not null default 0,
  created_at timestamptz not null default now(),
  constraint target_period check (period_end >= period_start),
  constraint target_percent check (value_unit <> 'percent' or target_value <= 100),
  constraint target_measured check ((measurement = 'automatic') = (metric_code is not null)),
  unique (code, period_start)
);
comment on table public.target is
  'A target of the steering committee for a period (usually a year): met when its value, over the units of '
  'the hierarchy valid at period_end, is at least (or at most) target_value. Automatic targets are computed '
  'by their metric; reported ones from approved target_report rows. published = shown to the public.';

-- An automatic target counts in its metric's unit.
create function private.check_target_metric() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.metric_code is not null
     and new.value_unit <> (select m.value_unit from public.metric m where m.code = new.metric_code) then
    raise exception 'an automatic target has its metric''s unit' using errcode = 'check_violation', hint = 'target_metric_unit';
  end if;
  return new;
end;
$$;
create trigger target_check_metric before insert or update on public.target
  for each row execute function private.check_target_metric();

-- ───────────────────────────── target_report ─────────────────────────────
create table public.target_report (
  id bigint generated always as identity primary key,
  target_id bigint not null references public.target (id) on delete cascade,
  unit_id bigint not null references public.unit (id),
  numerator numeric(14, 2) not null check (numerator >= 0),
  denominator numeric(14, 2) check (denominator > 0),
  note text not null default '' check (char_length(note) <= 2000),
  evidence_key text check (evidence_key ~ '^[0-9a-f-]{36}\.[a-z0-9]{2,5}$'),
  evidence_name text check (char_length(evidence_name) between 1 and 200),
  evidence_type text,
  evidence_bytes integer check (evidence_bytes between 1 and 5242880),
  status text not null default 'submitted' check (status in ('submitted', 'approved', 'rejected')),
  submitted_by uuid references public.profile (id) on delete set null default auth.uid(),
  submitted_at timestamptz not null default now(),
  reviewed_by uuid references public.profile (id) on delete set null,
  reviewed_at timestamptz,
  review_note text not null default '' check (char_length(review_note) <= 1000),
  unique (target_id, unit_id),
  constraint target_report_evidence check ((evidence_key is null) = (evidence_name is null))
);
comment on table public.target_report is
  'A value a unit admin reports for a commune and a reported target, with a note and an evidence file '
  '(evidence_key names it in the storage). It counts once a province admin approves it; a new submission '
  'replaces the previous one and waits for approval again.';
create index target_report_status_idx on public.target_report (status, submitted_at);

-- A report is for a reported target, on a commune valid at the end of its period; a percent needs its
-- denominator and cannot exceed it. Submitting (or resubmitting) resets the review.
create function private.check_target_report() returns trigger
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
      and u.valid_from <= target.period_end and (u.valid_to is null or u.valid_to > target.period_end)
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
create trigger target_report_check before insert or update on public.target_report
  for each row execute function private.check_target_report();

-- ───────────────────────────── target_value (the summary) ─────────────────────────────
create table public.target_value (
  target_id bigint not null references public.target (id) on delete cascade,
  unit_id bigint not null references public.unit (id) on delete cascade,
  numerator numeric(14, 2) not null,
  denominator numeric(14, 2),
  primary key (target_id, unit_id)
);
comment on table public.target_value is
  'Per target and commune (of the hierarchy valid at the period''s end): the numerator and denominator that '
  'count. Rebuilt by public.refresh_target_values() (automatic targets, on a schedule) and kept current for '
  'reported targets by the approval trigger. Roll-ups add numerators and denominators, never percentages.';

create table public.target_refresh (
  id boolean primary key default true check (id),
  refreshed_at timestamptz not null,
  duration_ms integer not null
);
comment on table public.target_refresh is 'When the automatic targets were last computed (one row).';

-- An approved report is the commune's value; any other status removes it.
create function private.apply_target_report() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    delete from public.target_value v where v.target_id = old.target_id and v.unit_id = old.unit_id;
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.status = 'approved' then
    insert into public.target_value (target_id, unit_id, numerator, denominator)
    values (new.target_id, new.unit_id, new.numerator, new.denominator)
    on conflict (target_id, unit_id) do update set numerator = excluded.numerator, denominator = excluded.denominator;
  end if;
  return null;
end;
$$;
create trigger target_report_apply after insert or update or delete on public.target_report
  for each row execute function private.apply_target_report();
