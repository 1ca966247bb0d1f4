-- Targets (chỉ tiêu), their population denominators and the values that count: everyone, signed in or not,
-- reads the published targets, the metrics, the population figures and when the figures were refreshed,
-- and nothing else; unit admins read every target, and the reports and values of their subtree only;
-- province admins read everything and alone set targets and population. Metrics, values and the refresh
-- time are the service's. The report workflow: a unit admin reports a value for a commune of her subtree
-- (submitted), corrects it until it is approved, never approves it herself; a province admin approves it,
-- which makes it the commune's value in target_value, and rejecting it, setting it back or changing its
-- numbers removes that value again. What a report and a target may be is checked by the database.
begin;
create extension if not exists pgtap with schema extensions;
select plan(103);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql): admin_a administers
-- commune A (Phường Nha Trang, 22366), admin_b commune B (Phường Phan Rang, 22759).
select tests.create_personas();

-- What a statement does, in one line: 'ok: N rows' when it runs (N rows written or read), else its
-- SQLSTATE and its hint, or its message when it has no hint (so that a refused row-level policy and a
-- missing grant, both 42501, are told apart).
create function pg_temp.outcome(statement text) returns text language plpgsql as $$
declare
  n bigint;
  state text;
  hint text;
  message text;
begin
  execute statement;
  get diagnostics n = row_count;
  return 'ok: ' || n || ' rows';
exception when others then
  get stacked diagnostics state = returned_sqlstate, hint = pg_exception_hint, message = message_text;
  return state || ' ' || coalesce(nullif(hint, ''), message);
end
$$;

-- The outcomes of statements run in order as the persona.
create function pg_temp.outcomes(persona text, statements text[]) returns text[] language plpgsql as $$
begin
  perform tests.act_as(persona);
  return array(select pg_temp.outcome(s) from unnest(statements) with ordinality as x (s, n) order by n);
end
$$;

-- ───────────── fixture ─────────────
-- For 2026: CT-01, a published share reported by the communes; CT-02, an unpublished count reported by
-- the communes; CT-03, a published share the platform computes (adults with basic digital skills). For
-- 2024, on the Ninh Thuận hierarchy: CT-01 again. Ids are kept in a temp table that everyone reads.
insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible,
                           measurement, metric_code, published, position) values
  ('CT-01', 'Tỷ lệ hộ gia đình có cáp quang', 'Share of households with fibre broadband', '2026-01-01', '2026-12-31',
   80, 'percent', 'at_least', 'Sở Khoa học và Công nghệ', 'reported', null, true, 1),
  ('CT-02', 'Số điểm hỗ trợ dịch vụ công trực tuyến', 'Online public service help points', '2026-01-01', '2026-12-31',
   100, 'count', 'at_least', 'UBND cấp xã', 'reported', null, false, 2),
  ('CT-03', 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', 'Share of adults with basic digital skills', '2026-01-01', '2026-12-31',
   70, 'percent', 'at_least', 'Sở Khoa học và Công nghệ', 'automatic', 'adults_basic_digital_skills', true, 3),
  ('CT-01', 'Tỷ lệ hộ gia đình có cáp quang', 'Share of households with fibre broadband', '2024-01-01', '2024-12-31',
   60, 'percent', 'at_least', 'Sở Thông tin và Truyền thông', 'reported', null, true, 1);
create temp table target_ids as select code, extract(year from period_end)::int as year, id from public.target;
grant select on target_ids to anon, authenticated;
create function pg_temp.target(code text, year int default 2026) returns bigint language sql stable
  as $$ select id from target_ids x where x.code = $1 and x.year = $2 $$;

insert into public.unit_population (unit_id, year, adults, residents, source) values
  (tests.unit('22366'), 2026, 4000, 5500, 'Cục Thống kê tỉnh Khánh Hòa, 2026'),
  (tests.unit('22759'), 2026, 3000, 4100, 'Cục Thống kê tỉnh Khánh Hòa, 2026');

-- Reports (the service writing them, as an import would): A's count for CT-02, submitted; B's share for
-- CT-01, approved (so it is B's value), and B's count for CT-02, submitted.
insert into public.target_report (target_id, unit_id, numerator, denominator) values
  (pg_temp.target('CT-02'), tests.unit('22366'), 12, null),
  (pg_temp.target('CT-01'), tests.unit('22759'), 70, 100),
  (pg_temp.target('CT-02'), tests.unit('22759'), 8, null);
update public.target_report set status = 'approved' where target_id = pg_temp.target('CT-01') and unit_id = tests.unit('22759');
-- Values of the automatic target, as the refresh writes them, and when it ran.
insert into public.target_value (target_id, unit_id, numerator, denominator) values
  (pg_temp.target('CT-03'), tests.unit('22366'), 1200, 4000),
  (pg_temp.target('CT-03'), tests.unit('22759'), 900, 3000);
insert into public.target_refresh (refreshed_at, duration_ms) values (now(), 42);

-- ───────────── who reads what ─────────────
create function pg_temp.reads(persona text, targets text[], reports text[], target_values text[]) returns setof text
language plpgsql as $$
begin
  perform tests.act_as(persona);
  return next set_eq($q$ select code || ' ' || extract(year from period_end) from public.target $q$, targets,
    persona || ' reads the targets ' || array_to_string(targets, ', '));
  return next results_eq($q$ select (select count(*)::int from public.metric), (select count(*)::int from public.unit_population),
                                    (select count(*)::int from public.target_refresh) $q$,
    $q$ values (5, 2, 1) $q$, persona || ' reads the 5 metrics, the population figures and the refresh time');
  if persona = 'anonymous' then
    return next throws_ok('select * from public.target_report', '42501', 'permission denied for table target_report',
      'anonymous cannot read reports');
    return next throws_ok('select * from public.target_value', '42501', 'permission denied for table target_value',
      'anonymous cannot read values');
  else
    return next set_eq($q$ select x.code || ' ' || u.code from public.target_report r join target_ids x on x.id = r.target_id
                          join public.unit u on u.id = r.unit_id $q$, reports,
      persona || ' reads the reports ' || coalesce(nullif(array_to_string(reports, ', '), ''), '(none)'));
    return next set_eq($q$ select x.code || ' ' || u.code from public.target_value v join target_ids x on x.id = v.target_id
                          join public.unit u on u.id = v.unit_id $q$, target_values,
      persona || ' reads the values ' || coalesce(nullif(array_to_string(target_values, ', '), ''), '(none)'));
  end if;
end
$$;
select pg_temp.reads(persona, targets, reports, target_values) from (values
  ('anonymous', array['CT-01 2026', 'CT-03 2026', 'CT-01 2024'], '{}'::text[], '{}'::text[]),
  -- no role but unit admin or province admin reads more than the public
  ('citizen_a', array['CT-01 2026', 'CT-03 2026', 'CT-01 2024'], '{}', '{}'),
  ('official', array['CT-01 2026', 'CT-03 2026', 'CT-01 2024'], '{}', '{}'),
  ('organizer_a', array['CT-01 2026', 'CT-03 2026', 'CT-01 2024'], '{}', '{}'),
  ('team_member_a', array['CT-01 2026', 'CT-03 2026', 'CT-01 2024'], '{}', '{}'),
  -- a unit admin reads every target, and the reports and values of her own subtree
  ('admin_a', array['CT-01 2026', 'CT-02 2026', 'CT-03 2026', 'CT-01 2024'], array['CT-02 22366'], array['CT-03 22366']),
  ('admin_b', array['CT-01 2026', 'CT-02 2026', 'CT-03 2026', 'CT-01 2024'], array['CT-01 22759', 'CT-02 22759'],
              array['CT-03 22759', 'CT-01 22759']),
  ('province_admin', array['CT-01 2026', 'CT-02 2026', 'CT-03 2026', 'CT-01 2024'],
                     array['CT-02 22366', 'CT-01 22759', 'CT-02 22759'], array['CT-03 22366', 'CT-03 22759', 'CT-01 22759'])
) as who_reads (persona, targets, reports, target_values);

-- ───────────── who writes what ─────────────
-- Targets: add CT-09, edit CT-01 (two rows: 2026 and 2024), remove CT-09.
create temp table target_writes (statements text[]);
insert into target_writes values (array[
  $$ insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, responsible, measurement)
     values ('CT-09', 'Chỉ tiêu thử', 'Trial target', '2026-01-01', '2026-12-31', 50, 'percent', 'Sở Khoa học và Công nghệ', 'reported') $$,
  $$ update public.target set name_en = name_en || '.' where code = 'CT-01' $$,
  $$ delete from public.target where code = 'CT-09' $$]);
-- Population: add Bắc Nha Trang's, edit every row, remove Bắc Nha Trang's.
create temp table population_writes (statements text[]);
insert into population_writes values (array[
  $$ insert into public.unit_population (unit_id, year, adults, residents, source)
     values (tests.unit('22333'), 2026, 2500, 3200, 'Điều tra dân số') $$,
  $$ update public.unit_population set source = source || '.' $$,
  $$ delete from public.unit_population where unit_id = tests.unit('22333') $$]);
-- The service's tables (add, edit, remove each), and removing a report.
create temp table service_writes (statements text[]);
insert into service_writes values (array[
  $$ insert into public.metric values ('people_online', 'count', 'Số người trực tuyến', 'People online', 'Định nghĩa', 'Definition') $$,
  $$ update public.metric set name_en = name_en $$,
  $$ delete from public.metric where code = 'learners_registered' $$,
  $$ insert into public.target_value values (pg_temp.target('CT-01'), tests.unit('22366'), 1, 2) $$,
  $$ update public.target_value set numerator = 0 $$,
  $$ delete from public.target_value $$,
  $$ insert into public.target_refresh values (true, now(), 1) $$,
  $$ update public.target_refresh set duration_ms = 0 $$,
  $$ delete from public.target_refresh $$,
  $$ delete from public.target_report $$]);
grant select on target_writes, population_writes, service_writes to anon, authenticated;

create function pg_temp.writes(persona text, may text, on_targets text[], on_population text[]) returns setof text
language plpgsql as $$
begin
  return next is(pg_temp.outcomes(persona, (select statements from target_writes)), on_targets,
    format('%s %s add, edit and remove targets', persona, may));
  return next is(pg_temp.outcomes(persona, (select statements from population_writes)), on_population,
    format('%s %s add, edit and remove population figures', persona, may));
  return next is(pg_temp.outcomes(persona, (select statements from service_writes)),
    array(select format('42501 permission denied for table %s', t)
          from unnest(array['metric', 'metric', 'metric', 'target_value', 'target_value', 'target_value',
                            'target_refresh', 'target_refresh', 'target_refresh', 'target_report']) t),
    persona || ' writes no metric, value or refresh time (the service''s), and removes no report');
end
$$;
select pg_temp.writes(persona, may, on_targets, on_population) from (values
  ('anonymous', 'cannot',
   array['42501 permission denied for table target', '42501 permission denied for table target', '42501 permission denied for table target'],
   array['42501 permission denied for table unit_population', '42501 permission denied for table unit_population',
         '42501 permission denied for table unit_population']),
  -- signed in, the policies refuse the new row and leave no existing row to edit or remove
  ('citizen_a', 'cannot',
   array['42501 new row violates row-level security policy for table "target"', 'ok: 0 rows', 'ok: 0 rows'],
   array['42501 new row violates row-level security policy for table "unit_population"', 'ok: 0 rows', 'ok: 0 rows']),
  -- a unit admin reads every target but sets none
  ('admin_a', 'cannot',
   array['42501 new row violates row-level security policy for table "target"', 'ok: 0 rows', 'ok: 0 rows'],
   array['42501 new row violates row-level security policy for table "unit_population"', 'ok: 0 rows', 'ok: 0 rows']),
  ('province_admin', 'may', array['ok: 1 rows', 'ok: 2 rows', 'ok: 1 rows'], array['ok: 1 rows', 'ok: 3 rows', 'ok: 1 rows'])
) as who_writes (persona, may, on_targets, on_population);

select tests.sign_in('province_admin');
select results_eq($$ update public.target set published = true where id = pg_temp.target('CT-02') returning code, published $$,
  $$ values ('CT-02', true) $$, 'the province admin publishes CT-02');
select tests.sign_in_anonymously();
select ok(exists (select 1 from public.target where id = pg_temp.target('CT-02')), 'which anonymous then reads');
select tests.sign_in('province_admin');
select lives_ok($$ update public.target set published = false where id = pg_temp.target('CT-02') $$, 'and she unpublishes it again');

-- Who may report: the unit admin of the commune, and the province admin (historical figures).
select tests.sign_in_anonymously();
select throws_ok(format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, 1, 2)',
                        pg_temp.target('CT-01'), tests.unit('22366')),
  '42501', 'permission denied for table target_report', 'anonymous cannot report');
select tests.sign_in('citizen_a');
select throws_ok(format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, 1, 2)',
                        pg_temp.target('CT-01'), tests.unit('22366')),
  '42501', 'new row violates row-level security policy for table "target_report"', 'a citizen of A cannot report for A');
select is_empty($$ update public.target_report set status = 'approved' returning 1 $$, 'nor approve a report (no row is hers to change)');
select tests.sign_in('organizer_a');
select throws_ok(format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, 1, 2)',
                        pg_temp.target('CT-01'), tests.unit('22366')),
  '42501', 'new row violates row-level security policy for table "target_report"', 'neither can the organizer of A');
select tests.sign_in('province_admin');
select lives_ok(format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, 1, 2)',
                       pg_temp.target('CT-01', 2024), tests.unit('22768', '2024-11-01')),
  'the province admin enters a historical figure for a 2024 commune, which no unit admin could');

-- ───────────── a report: what the database refuses ─────────────
select tests.sign_in('admin_a');
create function pg_temp.report(target bigint, unit bigint, numerator numeric, denominator numeric) returns text language sql stable
  as $$ select format('insert into public.target_report (target_id, unit_id, numerator, denominator) values (%s, %s, %s, %s)',
                      target, unit, numerator, coalesce(denominator::text, 'null')) $$;
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-03'), tests.unit('22366'), 10, 20)),
  '23514 target_not_reported', 'an automatic target takes no report');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22768', '2024-11-01'), 10, 20)),
  '23514 report_unit_invalid', 'a 2026 target takes no report for a commune of the 2024 hierarchy');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01', 2024), tests.unit('22366'), 10, 20)),
  '23514 report_unit_invalid', 'nor a 2024 target one for a commune of today''s');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366-TDP01'), 10, 20)),
  '23514 report_unit_invalid', 'a report is for a commune, not a village');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366'), 10, null)),
  '23514 report_share_invalid', 'a share needs its denominator');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366'), 21, 20)),
  '23514 report_share_invalid', 'a share''s numerator cannot exceed its denominator');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366'), -1, 20)),
  '23514 new row for relation "target_report" violates check constraint "target_report_numerator_check"', 'a numerator is not negative');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22759'), 10, 20)),
  '42501 new row violates row-level security policy for table "target_report"', 'admin_a cannot report for commune B');
select is(pg_temp.outcome(format('insert into public.target_report (target_id, unit_id, numerator, denominator, status) values (%s, %s, 10, 20, %L)',
                                 pg_temp.target('CT-01'), tests.unit('22366'), 'approved')),
  '42501 permission denied for table target_report', 'a report cannot be written as approved');

-- ───────────── a report: submitted, corrected, approved ─────────────
select results_eq(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366'), 40, 100)
                  || ' returning numerator, denominator, status, submitted_by = auth.uid(), reviewed_by',
  $$ values (40.00::numeric(14, 2), 100.00::numeric(14, 2), 'submitted', true, null::uuid) $$,
  'admin_a reports 40 of 100 for commune A: submitted, by her');
select results_eq(format('update public.target_report set numerator = 45, note = %L where target_id = %s and unit_id = %s returning numerator, status',
                         'Số liệu của Bưu điện', pg_temp.target('CT-01'), tests.unit('22366')),
  $$ values (45.00::numeric(14, 2), 'submitted') $$, 'she corrects it while it waits: still submitted');
select results_eq(format('update public.target_report set numerator = denominator where target_id = %s and unit_id = %s returning numerator',
                         pg_temp.target('CT-01'), tests.unit('22366')),
  array[100.00::numeric(14, 2)], 'a share may be whole (numerator = denominator)');
select lives_ok(format('update public.target_report set numerator = 45 where target_id = %s and unit_id = %s',
                       pg_temp.target('CT-01'), tests.unit('22366')), 'and back to 45');
select is(pg_temp.outcome(format('update public.target_report set denominator = 44 where target_id = %s and unit_id = %s',
                                 pg_temp.target('CT-01'), tests.unit('22366'))),
  '23514 report_share_invalid', 'a correction is checked too: the denominator cannot drop below the numerator');
select results_eq(format('update public.target_report set numerator = 15, denominator = 50 where target_id = %s and unit_id = %s returning numerator, denominator',
                         pg_temp.target('CT-02'), tests.unit('22366')),
  $$ values (15.00::numeric(14, 2), null::numeric(14, 2)) $$, 'a count keeps no denominator');
select is(pg_temp.outcome(format('update public.target_report set status = %L where target_id = %s and unit_id = %s',
                                 'approved', pg_temp.target('CT-01'), tests.unit('22366'))),
  '42501 new row violates row-level security policy for table "target_report"', 'admin_a cannot approve her own report');
select is(pg_temp.outcome(format('update public.target_report set status = %L where target_id = %s and unit_id = %s',
                                 'rejected', pg_temp.target('CT-01'), tests.unit('22366'))),
  '42501 new row violates row-level security policy for table "target_report"', 'nor reject it');
select is_empty(format('update public.target_report set numerator = 1 where unit_id = %s returning 1', tests.unit('22759')),
  'her edit of commune B''s reports changes no row');
select is_empty($$ select * from public.target_value where target_id = pg_temp.target('CT-01') $$,
  'a submitted report is no value yet');

select tests.sign_in('province_admin');
select results_eq(format('update public.target_report set status = %L, review_note = %L where target_id = %s and unit_id = %s
                          returning status, reviewed_by = auth.uid(), reviewed_at is not null, submitted_by = tests.id(%L)',
                         'approved', 'Đã đối chiếu', pg_temp.target('CT-01'), tests.unit('22366'), 'admin_a'),
  $$ values ('approved', true, true, true) $$, 'the province admin approves it: reviewed by her, still submitted by admin_a');
select set_eq(format('select u.code, v.numerator, v.denominator from public.target_value v join public.unit u on u.id = v.unit_id where v.target_id = %s',
                     pg_temp.target('CT-01')),
  $$ values ('22366', 45.00::numeric(14, 2), 100.00::numeric(14, 2)), ('22759', 70.00, 100.00) $$,
  'the approved report is commune A''s value, beside B''s');

select tests.sign_in('admin_a');
select results_eq(format('select numerator, denominator from public.target_value where target_id = %s', pg_temp.target('CT-01')),
  $$ values (45.00::numeric(14, 2), 100.00::numeric(14, 2)) $$, 'admin_a reads A''s value (and not B''s)');
select is_empty(format('update public.target_report set numerator = 50 where target_id = %s and unit_id = %s returning 1',
                       pg_temp.target('CT-01'), tests.unit('22366')),
  'she cannot change her approved report: the update changes no row');
select is(pg_temp.outcome(pg_temp.report(pg_temp.target('CT-01'), tests.unit('22366'), 50, 100)
                          || ' on conflict (target_id, unit_id) do update set numerator = excluded.numerator'),
  '42501 new row violates row-level security policy (USING expression) for table "target_report"',
  'nor replace it by submitting again');
select results_eq(format('select numerator from public.target_value where target_id = %s', pg_temp.target('CT-01')),
  array[45.00::numeric(14, 2)], 'the value stays the approved one');

-- Rejected: the value goes; the unit admin corrects and resubmits.
select tests.sign_in('province_admin');
select results_eq(format('update public.target_report set status = %L, review_note = %L where target_id = %s and unit_id = %s returning status, review_note',
                         'rejected', 'Thiếu minh chứng', pg_temp.target('CT-01'), tests.unit('22366')),
  $$ values ('rejected', 'Thiếu minh chứng') $$, 'the province admin rejects the report, saying why');
select is_empty(format('select * from public.target_value where target_id = %s and unit_id = %s', pg_temp.target('CT-01'), tests.unit('22366')),
  'a rejected report is no value: A''s value is gone');
select tests.sign_in('admin_a');
select results_eq(format('update public.target_report set numerator = 50 where target_id = %s and unit_id = %s
                          returning numerator, status, reviewed_by, reviewed_at, review_note',
                         pg_temp.target('CT-01'), tests.unit('22366')),
  $$ values (50.00::numeric(14, 2), 'submitted', null::uuid, null::timestamptz, '') $$,
  'admin_a corrects the rejected report: submitted again, the review cleared');
select tests.sign_in('province_admin');
select lives_ok(format('update public.target_report set status = %L where target_id = %s and unit_id = %s',
                       'approved', pg_temp.target('CT-01'), tests.unit('22366')), 'the province admin approves the correction');
select results_eq(format('select numerator from public.target_value where target_id = %s and unit_id = %s', pg_temp.target('CT-01'), tests.unit('22366')),
  array[50.00::numeric(14, 2)], 'A''s value is the corrected one');
select lives_ok(format('update public.target_report set status = %L where target_id = %s and unit_id = %s',
                       'submitted', pg_temp.target('CT-01'), tests.unit('22366')), 'she sets it back to submitted');
select is_empty(format('select * from public.target_value where target_id = %s and unit_id = %s', pg_temp.target('CT-01'), tests.unit('22366')),
  'and A''s value is gone again');
select lives_ok(format('update public.target_report set status = %L where target_id = %s and unit_id = %s',
                       'approved', pg_temp.target('CT-01'), tests.unit('22366')), 'she approves it once more');
select results_eq(format('update public.target_report set numerator = 55 where target_id = %s and unit_id = %s returning status, reviewed_by',
                         pg_temp.target('CT-01'), tests.unit('22366')),
  $$ values ('submitted', null::uuid) $$, 'changing an approved report''s numbers, even hers, makes it submitted again');
select is_empty(format('select * from public.target_value where target_id = %s and unit_id = %s', pg_temp.target('CT-01'), tests.unit('22366')),
  'so A''s value goes until it is approved again');
select set_eq($$ select u.code as unit, x.code as target, r.status from public.target_report r join public.unit u on u.id = r.unit_id join target_ids x on x.id = r.target_id $$,
  $$ values ('22366', 'CT-01', 'submitted'), ('22366', 'CT-02', 'submitted'), ('22759', 'CT-01', 'approved'), ('22759', 'CT-02', 'submitted'),
            ('22768', 'CT-01', 'submitted') $$,
  'the reports are where the workflow left them (with the province admin''s 2024 figure); no refused write left a row');

-- ───────────── what a target may be ─────────────
-- As the province admin, who sets them.
create function pg_temp.new_target(code text, target_value numeric, value_unit text, measurement text, metric_code text,
                                   period_start date default '2026-01-01', period_end date default '2026-12-31') returns text
language sql stable as $$
  select format('insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, responsible, measurement, metric_code)
                 values (%L, %L, %L, %L, %L, %s, %L, %L, %L, %L)',
                code, 'Chỉ tiêu ' || code, 'Target ' || code, period_start, period_end, target_value, value_unit, 'Sở Khoa học và Công nghệ',
                measurement, metric_code)
$$;
select is(pg_temp.outcome(pg_temp.new_target('CT-10', 100, 'percent', 'reported', null)), 'ok: 1 rows', 'a share may be targeted at 100 %');
select is(pg_temp.outcome(pg_temp.new_target('CT-11', 100.01, 'percent', 'reported', null)),
  '23514 new row for relation "target" violates check constraint "target_percent"', 'but not above');
select is(pg_temp.outcome(pg_temp.new_target('CT-12', 250000, 'count', 'reported', null)), 'ok: 1 rows', 'a count may be above 100');
select is(pg_temp.outcome(pg_temp.new_target('CT-13', -1, 'count', 'reported', null)),
  '23514 new row for relation "target" violates check constraint "target_target_value_check"', 'a target is not negative');
select is(pg_temp.outcome(pg_temp.new_target('CT-14', 50, 'percent', 'automatic', null)),
  '23514 new row for relation "target" violates check constraint "target_measured"', 'an automatic target names its metric');
select is(pg_temp.outcome(pg_temp.new_target('CT-15', 50, 'percent', 'reported', 'adults_basic_digital_skills')),
  '23514 new row for relation "target" violates check constraint "target_measured"', 'a reported target names none');
select is(pg_temp.outcome(pg_temp.new_target('CT-16', 5000, 'count', 'automatic', 'adults_basic_digital_skills')),
  '23514 target_metric_unit', 'an automatic target counts in its metric''s unit (a share metric, not a count)');
select is(pg_temp.outcome(pg_temp.new_target('CT-17', 5000, 'count', 'automatic', 'learners_registered')), 'ok: 1 rows',
  'a count target on a count metric is fine');
select is(pg_temp.outcome(format('update public.target set value_unit = %L where id = %s', 'count', pg_temp.target('CT-03'))),
  '23514 target_metric_unit', 'and an automatic target''s unit cannot be changed away from its metric''s');
select is(pg_temp.outcome(pg_temp.new_target('CT-18', 50, 'percent', 'reported', null, '2026-12-31', '2026-01-01')),
  '23514 new row for relation "target" violates check constraint "target_period"', 'a period ends after it starts');
select is(pg_temp.outcome(pg_temp.new_target('CT-01', 50, 'percent', 'reported', null)),
  '23505 duplicate key value violates unique constraint "target_code_period_start_key"', 'a code is set once per period');
select is(pg_temp.outcome(pg_temp.new_target('ct-19', 50, 'percent', 'reported', null)),
  '23514 new row for relation "target" violates check constraint "target_code_check"', 'a code is in capitals');
select is(pg_temp.outcome($$ insert into public.unit_population (unit_id, year, adults, residents, source)
                             values (tests.unit('22333'), 2026, 2500, 2000, 'Điều tra dân số') $$),
  '23514 new row for relation "unit_population" violates check constraint "unit_population_check"',
  'a unit has no more adults than residents');

-- Removing a target removes its reports and values.
select lives_ok(format('delete from public.target where id = %s', pg_temp.target('CT-01')), 'the province admin removes the 2026 CT-01');
select tests.sign_out();
select is((select count(*)::int from public.target_report where target_id = pg_temp.target('CT-01'))
          + (select count(*)::int from public.target_value where target_id = pg_temp.target('CT-01')), 0,
  'its reports and values went with it');

select * from finish();
rollback;
