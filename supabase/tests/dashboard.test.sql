-- The dashboard: public.dashboard_targets (a year's targets at a unit, N of M met), dashboard_breakdown (a
-- target by the unit's children) and dashboard_trend (a target code year by year), all adding numerators
-- and denominators of the per-commune values (never averaging percentages). A target is met at exactly its
-- value, whichever its direction. The public (anonymous and every signed-in person who does not administer
-- the unit) sees published targets only, and no figure whose base is under 10 people; the unit's admins and
-- province admins see everything. Figures of the 2024 Ninh Thuận hierarchy are read on their own units, or
-- moved onto today's communes: a commune that went whole into a new one moves whole, the split Phường Đông
-- Hải (22768) is apportioned between its successors by their adult population (equally when it is not
-- recorded for both), and the totals are preserved. public.refresh_target_values(), the service's, computes
-- the automatic targets from the platform's data.
begin;
create extension if not exists pgtap with schema extensions;
select plan(69);

-- ───────────── personas ─────────────
-- Standard personas (see tests.create_personas in 00000-setup-test-helpers.sql). Commune A is Phường Nha
-- Trang (22366), administered by admin_a; commune B is Phường Phan Rang (22759), administered by admin_b.
-- Five accounts live in A (two of them in its village), three in B; the province admin has no home.
select tests.create_personas();

-- ───────────── targets ─────────────
-- 2026: CT-01 a share, at least 90 %; CT-02 a share, at most 10 %; CT-03 a count, at least 100, not
-- published; CT-04 a count, at most 5, with no value at all; KN-01..03 computed by the platform; CT-05 a
-- count. The same codes in earlier years give the trend and last year's value. Ids are kept in a temp table everyone reads.
insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible,
                           measurement, metric_code, published, position)
select code, name_vi, name_en, make_date(year, 1, 1), make_date(year, 12, 31), target_value, value_unit, direction,
       'Sở Khoa học và Công nghệ', case when metric_code is null then 'reported' else 'automatic' end, metric_code, published, position
from (values
  ('CT-01', 2026, 'Tỷ lệ hộ gia đình có cáp quang', 'Share of households with fibre broadband', 90, 'percent', 'at_least', null, true, 1),
  ('CT-02', 2026, 'Tỷ lệ thủ tục còn nộp hồ sơ giấy', 'Share of procedures still filed on paper', 10, 'percent', 'at_most', null, true, 2),
  ('CT-03', 2026, 'Số điểm hỗ trợ dịch vụ công', 'Public service help points', 100, 'count', 'at_least', null, false, 3),
  ('CT-04', 2026, 'Số sự cố mất an toàn thông tin', 'Information security incidents', 5, 'count', 'at_most', null, true, 4),
  ('KN-01', 2026, 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản', 'Share of adults with basic digital skills', 70, 'percent', 'at_least',
   'adults_basic_digital_skills', true, 5),
  ('KN-02', 2026, 'Số người có tài khoản học tập', 'People with a learning account', 1000, 'count', 'at_least', 'learners_registered', true, 6),
  ('KN-03', 2026, 'Tỷ lệ xã có tổ công nghệ số', 'Share of communes with a technology team', 100, 'percent', 'at_least',
   'communes_with_team', true, 7),
  ('CT-05', 2026, 'Số doanh nghiệp số mới', 'New digital businesses', 10, 'count', 'at_least', null, true, 8),
  ('CT-01', 2025, 'Tỷ lệ hộ gia đình có cáp quang', 'Share of households with fibre broadband', 85, 'percent', 'at_least', null, true, 1),
  ('CT-02', 2025, 'Tỷ lệ thủ tục còn nộp hồ sơ giấy', 'Share of procedures still filed on paper', 15, 'percent', 'at_most', null, false, 2),
  ('CT-05', 2025, 'Số doanh nghiệp số mới', 'New digital businesses', 10, 'count', 'at_least', null, true, 8),
  ('KN-02', 2025, 'Số người có tài khoản học tập', 'People with a learning account', 500, 'count', 'at_least', 'learners_registered', true, 6),
  ('CT-01', 2024, 'Tỷ lệ hộ gia đình có cáp quang', 'Share of households with fibre broadband', 50, 'percent', 'at_least', null, true, 1)
) as t (code, year, name_vi, name_en, target_value, value_unit, direction, metric_code, published, position);
create temp table target_ids as select code, extract(year from period_end)::int as year, id from public.target;
grant select on target_ids to anon, authenticated;
create function pg_temp.target(code text, year int default 2026) returns bigint language sql stable
  as $$ select id from target_ids x where x.code = $1 and x.year = $2 $$;

-- Approved reports, the values of the reported targets (the service writing and approving them).
-- 2026 CT-01: A 1/2, B 90/100. CT-02: A 0/9, Bắc Nha Trang (22333) 1/10, Tây Nha Trang (22390) 2/19.
-- CT-03: A 60, B 40. CT-05: Bắc Nha Trang 12. 2025 CT-01: A 0/2, B 80/100; CT-02: Bắc Nha Trang 3/20;
-- CT-05: Bắc Nha Trang 3. 2024 CT-01, on Ninh Thuận's communes: Đông Hải (22768, split) 40/80, Mỹ Đông
-- (22771, into today's Đông Hải 22780) 10/20, Kinh Dinh (22759, into Phan Rang) 30/50, Phước Dinh (22903,
-- into today's Phước Dinh 22888) 6/10.
insert into public.target_report (target_id, unit_id, numerator, denominator)
select pg_temp.target(r.code, r.year), tests.unit(r.unit, r.valid_from), r.numerator, r.denominator
from (values
  ('CT-01', 2026, '22366', date '2025-07-01', 1, 2), ('CT-01', 2026, '22759', '2025-07-01', 90, 100),
  ('CT-02', 2026, '22366', '2025-07-01', 0, 9), ('CT-02', 2026, '22333', '2025-07-01', 1, 10), ('CT-02', 2026, '22390', '2025-07-01', 2, 19),
  ('CT-03', 2026, '22366', '2025-07-01', 60, null), ('CT-03', 2026, '22759', '2025-07-01', 40, null),
  ('CT-01', 2025, '22366', '2025-07-01', 0, 2), ('CT-01', 2025, '22759', '2025-07-01', 80, 100),
  ('CT-05', 2026, '22333', '2025-07-01', 12, null),
  ('CT-02', 2025, '22333', '2025-07-01', 3, 20), ('CT-05', 2025, '22333', '2025-07-01', 3, null),
  ('CT-01', 2024, '22768', '2024-11-01', 40, 80), ('CT-01', 2024, '22771', '2024-11-01', 10, 20),
  ('CT-01', 2024, '22759', '2024-11-01', 30, 50), ('CT-01', 2024, '22903', '2024-11-01', 6, 10)
) as r (code, year, unit, valid_from, numerator, denominator);
update public.target_report set status = 'approved';

-- A target's row of dashboard_targets, as the persona.
create function pg_temp.figures(persona text, code text, year int, scope bigint, as_current boolean default false)
returns table (numerator numeric, denominator numeric, value numeric, met boolean, hidden boolean) language plpgsql as $$
begin
  perform tests.act_as(persona);
  return query select d.numerator, d.denominator, d.value, d.met, d.hidden
    from public.dashboard_targets(year, scope, as_current) d where d.code = figures.code;
end
$$;
-- The codes of the year's targets at the unit, in the dashboard's order, as the persona.
create function pg_temp.codes(persona text, year int, scope bigint) returns text[] language plpgsql as $$
begin
  perform tests.act_as(persona);
  return array(select d.code from public.dashboard_targets(year, scope) d);
end
$$;

-- ───────────── the arithmetic, at the province ─────────────
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'CT-01', 2026, tests.unit('56')) $$,
  $$ values (91.00, 102.00, 89.22) $$,
  'the province''s share adds numerators and denominators: 1/2 and 90/100 make 91/102 = 89.22 %, not the 70 % average of 50 % and 90 %');
select is((select met from pg_temp.figures('province_admin', 'CT-01', 2026, tests.unit('56'))), false,
  '89.22 % is just below the at-least target of 90 %: not met');
select results_eq($$ select numerator, denominator, value, met from pg_temp.figures('province_admin', 'CT-02', 2026, tests.unit('56')) $$,
  $$ values (3.00, 38.00, 7.89, true) $$, 'an at-most share: 3/38 = 7.89 % is within 10 %, met');
select results_eq($$ select numerator, denominator, value, met from pg_temp.figures('province_admin', 'CT-03', 2026, tests.unit('56')) $$,
  $$ values (100.00, null::numeric, 100.00, true) $$, 'a count adds up (60 + 40 = 100) and meets an at-least target of exactly 100');
select results_eq($$ select numerator, value, met, hidden from pg_temp.figures('province_admin', 'CT-04', 2026, tests.unit('56')) $$,
  $$ values (null::numeric, null::numeric, null::boolean, false) $$, 'a target with no value has no value and is neither met nor missed');
select results_eq($$ select d.code, d.previous_value from public.dashboard_targets(2026, tests.unit('56')) d where d.code like 'CT-%' $$,
  $$ values ('CT-01', 78.43), ('CT-02', 15.00), ('CT-03', null), ('CT-04', null), ('CT-05', 3.00) $$,
  'last year''s value of the same code comes with each (80/102 = 78.43 % for CT-01), in the targets'' order');

-- ───────────── at a commune: met exactly at the target ─────────────
select results_eq($$ select value, met from pg_temp.figures('anonymous', 'CT-01', 2026, tests.unit('22759')) $$,
  $$ values (90.00, true) $$, 'commune B''s 90/100 = 90 % meets the at-least target of 90 % exactly');
select results_eq($$ select value, met, hidden from pg_temp.figures('anonymous', 'CT-02', 2026, tests.unit('22333')) $$,
  $$ values (10.00, true, false) $$, 'Bắc Nha Trang''s 1/10 = 10 % meets the at-most target of 10 % exactly (and a base of 10 is shown to the public)');
select results_eq($$ select value, met from pg_temp.figures('anonymous', 'CT-02', 2026, tests.unit('22390')) $$,
  $$ values (10.53, false) $$, 'Tây Nha Trang''s 2/19 = 10.53 % is just above it: not met');
select results_eq($$ select numerator, value, met from pg_temp.figures('admin_a', 'CT-03', 2026, tests.unit('22366')) $$,
  $$ values (60.00, 60.00, false) $$, 'commune A''s count of 60 misses the at-least target of 100');

-- ───────────── who sees which targets and figures ─────────────
select is(pg_temp.codes('anonymous', 2026, tests.unit('56')), array['CT-01', 'CT-02', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'anonymous sees the published targets only, in order');
select is(pg_temp.codes('province_admin', 2026, tests.unit('56')), array['CT-01', 'CT-02', 'CT-03', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'the province admin sees the unpublished CT-03 too');
select is(pg_temp.codes('admin_a', 2026, tests.unit('56')), array['CT-01', 'CT-02', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'admin_a sees the published ones only at the province, which she does not administer');
select is(pg_temp.codes('admin_a', 2026, tests.unit('22366')), array['CT-01', 'CT-02', 'CT-03', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'and all of them at commune A');
select is(pg_temp.codes('admin_a', 2026, tests.unit('22759')), array['CT-01', 'CT-02', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'but not at commune B');
select is(pg_temp.codes('admin_b', 2026, tests.unit('22759')), array['CT-01', 'CT-02', 'CT-03', 'CT-04', 'KN-01', 'KN-02', 'KN-03', 'CT-05'],
  'where admin_b sees them all');

-- Commune A's shares rest on 2 and 9 people: hidden from the public, shown to those who administer A.
create function pg_temp.sees_at_a(persona text) returns setof text language plpgsql as $$
begin
  return next results_eq(format($q$ select f.numerator, f.denominator, f.value, f.met, f.hidden from target_ids x
                                   cross join lateral pg_temp.figures(%L, x.code, 2026, tests.unit('22366')) f
                                   where x.year = 2026 and x.code in ('CT-01', 'CT-02') order by x.code $q$, persona),
    case when persona in ('admin_a', 'province_admin')
      then $q$ values (1.00, 2.00, 50.00, false, false), (0.00, 9.00, 0.00, true, false) $q$
      else $q$ values (null::numeric, null::numeric, null::numeric, null::boolean, true), (null, null, null, null, true) $q$ end,
    persona || case when persona in ('admin_a', 'province_admin') then ' sees' else ' does not see' end
      || ' commune A''s shares of 1/2 and 0/9');
end
$$;
select pg_temp.sees_at_a(persona) from unnest(array['anonymous', 'citizen_a', 'admin_b', 'admin_a', 'province_admin']) as persona;
select results_eq($$ select numerator, value, met, hidden from pg_temp.figures('anonymous', 'CT-04', 2026, tests.unit('56')) $$,
  $$ values (null::numeric, null::numeric, null::boolean, true) $$, 'a target with no value is shown to the public as hidden, without figures');

-- ───────────── the breakdown ─────────────
select tests.sign_in('province_admin');
select results_eq(format('select unit_name, numerator, denominator, value, met, hidden from public.dashboard_breakdown(%s, %s) limit 2',
                         pg_temp.target('CT-01'), tests.unit('56')),
  $$ values ('Phường Phan Rang', 90.00, 100.00, 90.00, true, false), ('Phường Nha Trang', 1.00, 2.00, 50.00, false, false) $$,
  'the breakdown of CT-01 at the province: each child''s figures, highest value first');
select results_eq(format('select unit_name, value from public.dashboard_breakdown(%s, %s) limit 3', pg_temp.target('CT-02'), tests.unit('56')),
  $$ values ('Phường Tây Nha Trang', 10.53), ('Phường Bắc Nha Trang', 10.00), ('Phường Nha Trang', 0.00) $$,
  'CT-02''s breakdown, sorted by value too');
select is((select count(*)::int from public.dashboard_breakdown(pg_temp.target('CT-01'), tests.unit('56')) where unit_kind = 'commune'), 65,
  'it lists the 65 communes of the province');
select is_empty(format($q$ select unit_name from public.dashboard_breakdown(%s, %s) where unit_kind <> 'commune' $q$,
                       pg_temp.target('CT-01'), tests.unit('56')),
  'and nothing but communes');
select results_eq(format('select unit_name, numerator, value from public.dashboard_breakdown(%s, %s) where numerator is not null',
                         pg_temp.target('CT-03'), tests.unit('56')),
  $$ values ('Phường Nha Trang', 60.00, 60.00), ('Phường Phan Rang', 40.00, 40.00) $$, 'the province admin breaks down the unpublished CT-03');

select tests.sign_in_anonymously();
select results_eq(format('select unit_name, numerator, value, met, hidden from public.dashboard_breakdown(%s, %s) where unit_id in (%s, %s)',
                         pg_temp.target('CT-01'), tests.unit('56'), tests.unit('22366'), tests.unit('22759')),
  $$ values ('Phường Phan Rang', 90.00, 90.00, true, false), ('Phường Nha Trang', null, null, null, true) $$,
  'anonymous sees B''s figures in the breakdown and A''s (base 2) hidden, after the shown ones');
select is_empty(format('select * from public.dashboard_breakdown(%s, %s)', pg_temp.target('CT-03'), tests.unit('56')),
  'and no breakdown of the unpublished CT-03');
select tests.sign_in('admin_a');
select results_eq(format('select unit_name, value, hidden from public.dashboard_breakdown(%s, %s) where unit_id in (%s, %s)',
                         pg_temp.target('CT-01'), tests.unit('56'), tests.unit('22366'), tests.unit('22759')),
  $$ values ('Phường Phan Rang', 90.00, false), ('Phường Nha Trang', 50.00, false) $$,
  'admin_a sees her own commune''s small figures in the province''s breakdown');
select is_empty(format('select * from public.dashboard_breakdown(%s, %s)', pg_temp.target('CT-03'), tests.unit('56')),
  'but not the unpublished CT-03 at the province');
select ok((select count(*) = 1 from public.dashboard_breakdown(pg_temp.target('CT-03'), tests.unit('22366'))),
  'which she breaks down at her commune (into its village)');

-- ───────────── the trend ─────────────
select tests.sign_in('province_admin');
select results_eq($$ select year, value, target_value, met, hidden from public.dashboard_trend('CT-01', tests.unit('56')) $$,
  $$ values (2024, 53.75, 50.00, true, false), (2025, 78.43, 85.00, false, false), (2026, 89.22, 90.00, false, false) $$,
  'CT-01''s trend at the province: one row per year, 2024 moved onto today''s communes (86/160)');
select results_eq($$ select year, value from public.dashboard_trend('CT-02', tests.unit('56')) $$,
  $$ values (2025, 15.00), (2026, 7.89) $$, 'the province admin''s CT-02 trend has the unpublished 2025 target');
select tests.sign_in_anonymously();
select results_eq($$ select year, value, met from public.dashboard_trend('CT-02', tests.unit('56')) $$,
  $$ values (2026, 7.89, true) $$, 'the public''s has the published year only');
select is_empty($$ select * from public.dashboard_trend('CT-03', tests.unit('56')) $$, 'and no trend of an unpublished target');
select results_eq($$ select year, value, hidden from public.dashboard_trend('CT-01', tests.unit('22366')) $$,
  $$ values (2024, null::numeric, true), (2025, null, true), (2026, null, true) $$,
  'at commune A, whose bases are under 10 people, the public''s trend hides every year');
select is((select previous_value from public.dashboard_targets(2026, tests.unit('56')) where code = 'CT-02'), null,
  'the public gets no previous value from an unpublished target');
select results_eq($$ select d.numerator, d.hidden from public.dashboard_targets(2026, tests.unit('22333')) d where d.code = 'CT-05' $$,
  $$ values (12.00, false) $$, 'the public reads Bắc Nha Trang''s count of 12 for CT-05');
select is((select previous_value from public.dashboard_targets(2026, tests.unit('22333')) where code = 'CT-05'), null,
  'but not last year''s count of 3, under 10');

-- ───────────── 2024 figures, on their own units and on today's ─────────────
select tests.sign_in('province_admin');
select results_eq($$ select numerator, denominator, value, met from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('58', '2024-11-01')) $$,
  $$ values (86.00, 160.00, 53.75, true) $$, 'on the 2024 province of Ninh Thuận, the 2024 values add up to 86/160 = 53.75 %');
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('582', '2024-11-01')) $$,
  $$ values (80.00, 150.00, 53.33) $$, 'and on its district Phan Rang-Tháp Chàm (Đông Hải, Mỹ Đông, Kinh Dinh) to 80/150');
select results_eq(format('select unit_name, numerator, denominator, value from public.dashboard_breakdown(%s, %s) limit 3',
                         pg_temp.target('CT-01', 2024), tests.unit('58', '2024-11-01')),
  $$ values ('Huyện Thuận Nam', 6.00, 10.00, 60.00), ('Thành phố Phan Rang-Tháp Chàm', 80.00, 150.00, 53.33),
            ('Huyện Bác Ái', null, null, null) $$,
  'the 2024 province breaks down by its districts');
select results_eq($$ select numerator, denominator from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('56')) $$,
  $$ values (null::numeric, null::numeric) $$, 'today''s province has none of them unless they are moved');
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('56'), true) $$,
  $$ values (86.00, 160.00, 53.75) $$, 'moved onto today''s communes, the province''s total is the same 86/160');

-- Where the moved figures land, with no population recorded for Đông Hải's successors: half each.
create function pg_temp.moved() returns table (unit text, numerator numeric, denominator numeric, value numeric) language sql as $$
  select u.code, b.numerator, b.denominator, b.value
  from public.dashboard_breakdown(pg_temp.target('CT-01', 2024), tests.unit('56'), true) b join public.unit u on u.id = b.unit_id
  where b.numerator is not null
$$;
select set_eq('select * from pg_temp.moved()',
  $$ values ('22780', 30.00, 60.00, 50.00), ('22888', 26.00, 50.00, 52.00), ('22759', 30.00, 50.00, 60.00) $$,
  'without population, split Đông Hải''s 40/80 goes half to today''s Đông Hải and half to Phước Dinh; whole communes move whole');
insert into public.unit_population (unit_id, year, adults, source) values (tests.unit('22780'), 2025, 3000, 'Cục Thống kê');
select set_eq('select * from pg_temp.moved()',
  $$ values ('22780', 30.00, 60.00, 50.00), ('22888', 26.00, 50.00, 52.00), ('22759', 30.00, 50.00, 60.00) $$,
  'still half each while only one successor''s population is recorded');
insert into public.unit_population (unit_id, year, adults, source) values
  (tests.unit('22888'), 2025, 1000, 'Cục Thống kê'), (tests.unit('22888'), 2020, 9000, 'Điều tra dân số 2019');
select set_eq('select * from pg_temp.moved()',
  $$ values ('22780', 40.00, 80.00, 50.00), ('22888', 16.00, 30.00, 53.33), ('22759', 30.00, 50.00, 60.00) $$,
  'with 3 000 and 1 000 adults (the latest year''s), Đông Hải''s 40/80 goes 75 % (30/60) and 25 % (10/20)');
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('56'), true) $$,
  $$ values (86.00, 160.00, 53.75) $$, 'and the province''s total is still 86/160');
select results_eq($$ select numerator, denominator from pg_temp.figures('province_admin', 'CT-01', 2024, tests.unit('22888'), true) $$,
  $$ values (16.00, 30.00) $$, 'today''s Phước Dinh reads its share of 2024 at its own level');
select results_eq($$ select d.previous_value from public.dashboard_targets(2025, tests.unit('56')) d where d.code = 'CT-01' $$,
  array[53.75], 'the 2025 dashboard''s previous value for CT-01 is 2024''s, moved onto today''s province');

-- ───────────── the refresh of the automatic targets ─────────────
-- Accounts: citizen_c, of Bắc Nha Trang (22333), joins the personas. All were created in February 2026,
-- but citizen_a on 31 Dec 2025 at 23:30 and villager_a on 1 Jan 2026 at 00:30, Vietnam time (still 31 Dec
-- in UTC). The team role was given in February 2026. Adults in 2026: 40 in A, 20 in B, none recorded for
-- Bắc Nha Trang.
select tests.sign_out();
select tests.sign_up('citizen_c', 'Trịnh Thị Mai', tests.unit('22333'));
update public.profile set created_at = '2026-02-01 08:00+07';
update public.profile set created_at = '2025-12-31 23:30+07' where id = tests.id('citizen_a');
update public.profile set created_at = '2026-01-01 00:30+07' where id = tests.id('villager_a');
update public.person_role set granted_at = '2026-02-01 08:00+07';
insert into public.unit_population (unit_id, year, adults, residents, source) values
  (tests.unit('22366'), 2026, 40, 52, 'Cục Thống kê'), (tests.unit('22759'), 2026, 20, 26, 'Cục Thống kê');

-- Courses: two basic digital-skills courses (one tagged with a Decision 757 group, one with a DigComp
-- competence mapped onto one), an intermediate one tagged with a group, and a basic one without a tag.
insert into public.course (slug, audience, level, status, title_vi, title_en, owner_unit_id) values
  ('ky-nang-so-co-ban', 'citizen', 'basic', 'published', 'Kỹ năng số cơ bản', 'Basic digital skills', tests.unit('56')),
  ('an-toan-so', 'citizen', 'basic', 'published', 'An toàn số', 'Staying safe online', tests.unit('56')),
  ('sang-tao-noi-dung', 'citizen', 'intermediate', 'published', 'Sáng tạo nội dung số', 'Digital content creation', tests.unit('56')),
  ('soan-thao-van-ban', 'citizen', 'basic', 'published', 'Soạn thảo văn bản', 'Word processing', tests.unit('56'));
insert into public.course_competence (course_id, competence_id, level)
select c.id, tests.competence(t.framework, t.code), 1 from public.course c
join (values ('ky-nang-so-co-ban', 'qd757_2025', '0'), ('an-toan-so', 'digcomp22', '4.1'), ('sang-tao-noi-dung', 'qd757_2025', '3'))
  as t (slug, framework, code) on t.slug = c.slug;
-- Completions: citizen_a two basic courses, villager_a one (both of A), citizen_b the mapped one (B),
-- citizen_c one (Bắc Nha Trang); organizer_a only the intermediate course, team_member_a only the untagged one, admin_a a basic one just
-- after the period (1 Jan 2027 at midnight, Vietnam time).
insert into public.course_completion (person_id, course_id, completed_at)
select tests.id(p.persona), c.id, p.completed_at from public.course c
join (values ('citizen_a', 'ky-nang-so-co-ban', timestamptz '2026-03-01 09:00+07'), ('citizen_a', 'an-toan-so', '2026-04-01 09:00+07'),
             ('villager_a', 'ky-nang-so-co-ban', '2026-05-01 09:00+07'), ('citizen_b', 'an-toan-so', '2026-06-01 09:00+07'),
             ('organizer_a', 'sang-tao-noi-dung', '2026-06-01 09:00+07'), ('team_member_a', 'soan-thao-van-ban', '2026-06-01 09:00+07'),
             ('citizen_c', 'ky-nang-so-co-ban', '2026-06-01 09:00+07'), ('admin_a', 'ky-nang-so-co-ban', '2027-01-01 00:00+07'))
  as p (persona, slug, completed_at) on p.slug = c.slug;
-- A stale value on a unit that is not a commune of 2026.
insert into public.target_value values (pg_temp.target('KN-01'), tests.unit('22768', '2024-11-01'), 5, 10);

select tests.sign_in('province_admin');
select throws_ok('select public.refresh_target_values()', '42501', 'permission denied for function refresh_target_values',
  'a province admin cannot run the refresh');
select tests.sign_in_anonymously();
select throws_ok('select public.refresh_target_values()', '42501', 'permission denied for function refresh_target_values',
  'nor can anonymous');

select tests.sign_out();
select lives_ok('select public.refresh_target_values()', 'the service runs the refresh');
select is(public.refresh_target_values(), now(), 'and again, returning when');
select results_eq('select refreshed_at from public.target_refresh', array[now()], 'which notes when, in its one row');
select results_eq(format('select numerator, denominator from public.target_value where target_id = %s and unit_id = %s',
                         pg_temp.target('KN-01'), tests.unit('22366')),
  $$ values (2.00, 40.00) $$,
  'basic digital skills: A counts citizen_a (once, for two courses) and villager_a, over its 40 adults; not the intermediate, untagged or late completions');
select results_eq(format('select numerator, denominator from public.target_value where target_id = %s and unit_id = %s',
                         pg_temp.target('KN-01'), tests.unit('22759')),
  $$ values (1.00, 20.00) $$, 'B counts citizen_b, whose course develops a DigComp competence mapped onto a Decision 757 group');
select is_empty(format($q$ select v.unit_id from public.target_value v where v.target_id = %s
                           except select id from public.unit where kind = 'commune' and valid_from = '2025-07-01' $q$, pg_temp.target('KN-01')),
  'every value is for a commune of the 2026 hierarchy: the stale one is gone');
select set_eq(format('select v.unit_id from public.target_value v where v.target_id = %s', pg_temp.target('KN-02')),
  $$ select id from public.unit where kind = 'commune' and valid_from = '2025-07-01' $$,
  'a count gets a value for every commune, 0 where nothing counts');
select set_eq(format('select u.code, v.numerator from public.target_value v join public.unit u on u.id = v.unit_id
                      where v.target_id = %s and v.numerator > 0', pg_temp.target('KN-02')),
  $$ values ('22366', 5.00), ('22759', 3.00), ('22333', 1.00) $$,
  'learning accounts by home commune: five in A (the two of its village included), three in B, one in Bắc Nha Trang');
select set_eq(format('select u.code, v.numerator from public.target_value v join public.unit u on u.id = v.unit_id
                      where v.target_id = %s and v.numerator > 0', pg_temp.target('KN-02', 2025)),
  $$ values ('22366', 1.00) $$, 'in 2025, only citizen_a''s account (created before midnight in Vietnam)');
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'KN-03', 2026, tests.unit('56')) $$,
  $$ values (1.00, 65.00, 1.54) $$, 'communes with a technology team: A of the 65');
select results_eq($$ select numerator, denominator, value, met, hidden from pg_temp.figures('anonymous', 'KN-01', 2026, tests.unit('22366')) $$,
  $$ values (2.00, 40.00, 5.00, false, false) $$, 'the public reads A''s share of adults with basic digital skills: 2/40 = 5 %');
select results_eq($$ select numerator, hidden from pg_temp.figures('anonymous', 'KN-02', 2026, tests.unit('22366')) $$,
  $$ values (null::numeric, true) $$, 'but not A''s count of 5 accounts, under 10');
select tests.sign_in('admin_a');
select results_eq($$ select d.numerator, d.hidden, d.previous_value from public.dashboard_targets(2026, tests.unit('22366')) d
                     where d.code = 'KN-02' $$,
  $$ values (5.00, false, 1.00) $$, 'which admin_a reads, with last year''s 1');
select results_eq($$ select numerator, denominator, value from pg_temp.figures('province_admin', 'KN-01', 2026, tests.unit('56')) $$,
  $$ values (3.00, 60.00, 5.00) $$, 'the province''s share of adults counts only communes whose adults are known (3/60)');

select tests.sign_out();
create temp table values_before as select * from public.target_value;
select lives_ok('select public.refresh_target_values()', 'the refresh runs again');
select set_eq('select * from public.target_value', 'select * from values_before',
  'and changes nothing, the reported targets'' approved values included');

select * from finish();
rollback;
