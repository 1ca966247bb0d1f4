-- When a unit is valid: from valid_from (inclusive) to valid_to (exclusive), for ever while valid_to is null.
-- unit.validity is the one place that rule is written; this file checks it at the boundaries, against the
-- condition it replaced, and in every function that decides by it (a home unit, a role's scope, a report's
-- commune, the communes a metric counts).
begin;
create extension if not exists pgtap with schema extensions;
select plan(31);

-- ───────────── the rule at its boundaries ─────────────
-- A village that ended (valid 2025-07-01 … 2025-12-31) and one still valid, each asked about the day before it
-- starts, its first day, its last day and the day it ends.
insert into public.unit (code, name, kind, parent_id, valid_from, valid_to) values
  ('22366-HL01', 'Tổ dân phố hết hạn', 'village', tests.unit('22366'), '2025-07-01', '2026-01-01'),
  ('22366-HL02', 'Tổ dân phố còn hiệu lực', 'village', tests.unit('22366'), '2025-07-01', null);

create temp table boundary (code text, day date, valid boolean, what text);
insert into boundary values
  ('22366-HL01', '2025-06-30', false, 'the day before valid_from'),
  ('22366-HL01', '2025-07-01', true, 'valid_from itself'),
  ('22366-HL01', '2025-12-31', true, 'the day before valid_to'),
  ('22366-HL01', '2026-01-01', false, 'valid_to itself'),
  ('22366-HL02', '2025-06-30', false, 'the day before valid_from, with no valid_to'),
  ('22366-HL02', '2025-07-01', true, 'valid_from, with no valid_to'),
  ('22366-HL02', '9999-12-31', true, 'any day after valid_from, with no valid_to');

select is(u.validity @> b.day, b.valid, format('validity @> day: %s (%s) is %s', b.what, b.day, case when b.valid then 'valid' else 'not valid' end))
from boundary b join public.unit u on u.code = b.code order by b.code, b.day;
select is(u.validity @> b.day, u.valid_from <= b.day and (u.valid_to is null or u.valid_to > b.day),
          format('validity agrees with the condition it replaced: %s', b.what))
from boundary b join public.unit u on u.code = b.code order by b.code, b.day;
select is((select count(*)::int from public.unit u cross join (select distinct day from boundary) d
           where (u.validity @> d.day) is distinct from (u.valid_from <= d.day and (u.valid_to is null or u.valid_to > d.day))), 0,
  'on those days, validity agrees with the old condition for every unit loaded');

select is((select validity from public.unit where code = '22366-HL01'), daterange('2025-07-01', '2026-01-01'),
  'validity is [valid_from, valid_to)');
update public.unit set valid_to = '2025-10-01' where code = '22366-HL01';
select ok((select not validity @> date '2025-10-01' and validity @> date '2025-09-30' from public.unit where code = '22366-HL01'),
  'validity follows a change of valid_to');

-- ───────────── the communes a metric counts ─────────────
-- Ninh Thuận's 62 communes were valid until 2025-07-01, Khánh Hòa's 65 from that day.
select is((select count(*)::int from private.period_communes('2025-06-30')), 62,
  'a period ending the day before the reorganisation counts the 62 old communes');
select is((select count(*)::int from private.period_communes('2025-07-01')), 65,
  'a period ending on the day of the reorganisation counts the 65 new ones');

-- ───────────── a home unit and a role's scope: valid today ─────────────
insert into public.unit (code, name, kind, parent_id, valid_from, valid_to) values
  ('22366-HN01', 'Tổ dân phố hết hôm nay', 'village', tests.unit('22366'), '2025-07-01', current_date),
  ('22366-HN02', 'Tổ dân phố ngày cuối', 'village', tests.unit('22366'), '2025-07-01', current_date + 1),
  ('22366-HN03', 'Tổ dân phố từ hôm nay', 'village', tests.unit('22366'), current_date, null),
  ('22366-HN04', 'Tổ dân phố từ ngày mai', 'village', tests.unit('22366'), current_date + 1, null);
create function pg_temp.village(code text) returns bigint language sql stable
  as $$ select id from public.unit where code = $1 $$;

select throws_ok($$ select tests.sign_up('hn01', 'Người thứ nhất', pg_temp.village('22366-HN01')) $$,
  '23514', 'home unit must be a current commune or village', 'a village whose valid_to is today is no home unit');
select lives_ok($$ select tests.sign_up('hn02', 'Người thứ hai', pg_temp.village('22366-HN02')) $$,
  'a village on its last day is a home unit');
select lives_ok($$ select tests.sign_up('hn03', 'Người thứ ba', pg_temp.village('22366-HN03')) $$,
  'a village from today is a home unit');
select throws_ok($$ select tests.sign_up('hn04', 'Người thứ tư', pg_temp.village('22366-HN04')) $$,
  '23514', 'home unit must be a current commune or village', 'a village from tomorrow is no home unit yet');

select throws_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('hn02'), 'team_member', pg_temp.village('22366-HN01')) $$,
  '23514', 'a role is scoped to a unit valid today', 'no role is scoped to a village whose valid_to is today');
select lives_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('hn02'), 'team_member', pg_temp.village('22366-HN02')) $$,
  'a role is scoped to a village on its last day');
select lives_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('hn03'), 'team_member', pg_temp.village('22366-HN03')) $$,
  'a role is scoped to a village from today');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('hn03'), 'official', pg_temp.village('22366-HN04')) $$,
  '23514', 'a role is scoped to a unit valid today', 'no role is scoped to a village from tomorrow');

-- ───────────── a report: a commune valid at the end of the target's period ─────────────
-- 22768 was a commune of Ninh Thuận until 2025-07-01; 22366 is one of Khánh Hòa from that day.
insert into public.target (code, name_vi, name_en, period_start, period_end, target_value, value_unit, direction, responsible, measurement)
values ('HL-A', 'Chỉ tiêu đến 30/6', 'Target to 30 June', '2025-01-01', '2025-06-30', 10, 'count', 'at_least', 'Sở Khoa học và Công nghệ', 'reported'),
       ('HL-B', 'Chỉ tiêu đến 1/7', 'Target to 1 July', '2025-01-01', '2025-07-01', 10, 'count', 'at_least', 'Sở Khoa học và Công nghệ', 'reported');
create function pg_temp.report(target_code text, unit bigint) returns text language sql
  as $$ select format('insert into public.target_report (target_id, unit_id, numerator) values (%s, %s, 1)',
                      (select t.id from public.target t where t.code = target_code), unit) $$;

select lives_ok(pg_temp.report('HL-A', tests.unit('22768', '2024-11-01')),
  'a period ending the day before an old commune''s valid_to takes its report');
select throws_ok(pg_temp.report('HL-A', tests.unit('22366')), '23514', 'a report is for a commune of the period''s hierarchy',
  'it takes none for a new commune whose valid_from is the day after');
select throws_ok(pg_temp.report('HL-B', tests.unit('22768', '2024-11-01')), '23514', 'a report is for a commune of the period''s hierarchy',
  'a period ending on an old commune''s valid_to takes no report for it');
select lives_ok(pg_temp.report('HL-B', tests.unit('22366')),
  'and takes one for a new commune whose valid_from is that day');

select * from finish();
rollback;
