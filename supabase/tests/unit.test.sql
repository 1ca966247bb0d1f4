-- Units and unit successions: everyone (anonymous too) reads them; only province admins write them.
begin;
create extension if not exists pgtap with schema extensions;
select plan(61);

-- ───────────── personas ─────────────
-- The standard personas and their roles: see tests.create_personas in 00000-setup-test-helpers.sql.
select tests.create_personas();
create temp table unit_before as table public.unit;
create temp table unit_succession_before as table public.unit_succession;

-- ───────────── anonymous reads, and writes nothing ─────────────
select tests.sign_in_anonymously();

select is((select name from public.unit where id = tests.unit('22366')), 'Phường Nha Trang',
  'anonymous reads a commune');
select is((select count(*)::int from public.unit where kind = 'commune' and valid_from = '2025-07-01'), 65,
  'anonymous reads all 65 communes of Khánh Hòa');
select is((select name from public.unit where id = tests.unit('22759', '2024-11-01')), 'Phường Kinh Dinh',
  'anonymous reads the 2024 Ninh Thuận units too');
select results_eq(
  $$ select n.name from public.unit_succession s join public.unit n on n.id = s.new_unit_id
     where s.old_unit_id = tests.unit('22759', '2024-11-01') $$,
  array['Phường Phan Rang'],
  'anonymous reads which new commune an old one went into');
select throws_ok($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                    values ('22366-TDP02', 'Tổ dân phố Xương Huân 2', 'village', tests.unit('22366'), '2025-07-01') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot add a unit');
select throws_ok($$ update public.unit set name = 'Đổi tên' where id = tests.unit('22366') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot edit a unit');
select throws_ok($$ delete from public.unit where id = tests.unit('22366') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot remove a unit');
select throws_ok($$ insert into public.unit_succession values (tests.unit('22744', '2024-11-01'), tests.unit('22366'), 'partial') $$,
  '42501', 'permission denied for table unit_succession', 'anonymous cannot add a succession');
select throws_ok($$ update public.unit_succession set coverage = 'partial' $$,
  '42501', 'permission denied for table unit_succession', 'anonymous cannot edit a succession');
select throws_ok($$ delete from public.unit_succession $$,
  '42501', 'permission denied for table unit_succession', 'anonymous cannot remove a succession');

-- ───────────── everyone signed in but a province admin reads, and writes nothing ─────────────
-- Not even a unit admin edits their own commune or adds a village to it.
create function pg_temp.units_are_read_only_to(persona text) returns setof text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return next is((select count(*)::int from public.unit where kind = 'commune' and valid_from = '2025-07-01'), 65,
    persona || ' reads all communes');
  return next isnt_empty($q$ select * from public.unit_succession $q$, persona || ' reads unit successions');
  return next throws_ok($q$ insert into public.unit (code, name, kind, parent_id, valid_from)
                            values ('22366-TDP02', 'Tổ dân phố Xương Huân 2', 'village', tests.unit('22366'), '2025-07-01') $q$,
    '42501', 'new row violates row-level security policy for table "unit"', persona || ' cannot add a unit');
  return next is_empty($q$ update public.unit set name = 'Đổi tên' where id = tests.unit('22366') returning id $q$,
    persona || '''s edit of a commune changes no row');
  return next is_empty($q$ delete from public.unit where code = '22366-TDP01' returning id $q$,
    persona || '''s removal of a village removes no row');
  return next throws_ok($q$ insert into public.unit_succession values (tests.unit('22744', '2024-11-01'), tests.unit('22366'), 'partial') $q$,
    '42501', 'new row violates row-level security policy for table "unit_succession"', persona || ' cannot add a succession');
  return next throws_ok($q$ update public.unit_succession set coverage = 'partial' $q$,
    '42501', 'permission denied for table unit_succession', persona || ' cannot edit a succession');
  return next is_empty($q$ delete from public.unit_succession returning old_unit_id $q$,
    persona || '''s removal of successions removes no row');
end
$$;
select pg_temp.units_are_read_only_to(persona)
from unnest(array['citizen_a', 'official', 'organizer_a', 'team_member_a', 'admin_a']) as persona;

-- ───────────── the province admin writes ─────────────
select tests.sign_in('province_admin');

select results_eq($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                     values ('22366-TDP02', 'Tổ dân phố Xương Huân 2', 'village', tests.unit('22366'), '2025-07-01')
                     returning name $$,
  array['Tổ dân phố Xương Huân 2'], 'a province admin adds a village');
select is((select path from public.unit where code = '22366-TDP02'),
  array[tests.unit('56'), tests.unit('22366'), tests.unit('22366-TDP02')],
  'a new unit''s path runs from the province down to itself');
select results_eq($$ update public.unit set name = 'Tổ dân phố Xương Huân Hai' where code = '22366-TDP02' returning name $$,
  array['Tổ dân phố Xương Huân Hai'], 'a province admin edits a unit');
select throws_ok($$ update public.unit set parent_id = tests.unit('22759') where code = '22366-TDP02' $$,
  '23514', 'a unit cannot change parent', 'not even a province admin moves a unit to another parent');
select results_eq($$ insert into public.unit_succession values (tests.unit('22744', '2024-11-01'), tests.unit('22366'), 'partial')
                     returning coverage $$,
  array['partial'], 'a province admin adds a succession');
select throws_ok($$ update public.unit_succession set coverage = 'full' where new_unit_id = tests.unit('22366') $$,
  '42501', 'permission denied for table unit_succession', 'successions are never edited, only removed and added');
select results_eq($$ delete from public.unit_succession where new_unit_id = tests.unit('22366') returning coverage $$,
  array['partial'], 'a province admin removes a succession');
select results_eq($$ delete from public.unit where code = '22366-TDP02' returning name $$,
  array['Tổ dân phố Xương Huân Hai'], 'a province admin removes a unit');
select throws_ok($$ delete from public.unit where id = tests.unit('22366') $$,
  '23503', null, 'a unit that people live in cannot be removed');

-- ───────────── afterwards, as the service ─────────────
select tests.sign_out();

select results_eq($$ table public.unit order by id $$, $$ table unit_before order by id $$,
  'units are as they were: refused edits and removals changed nothing');
select results_eq($$ table public.unit_succession order by 1, 2 $$, $$ table unit_succession_before order by 1, 2 $$,
  'successions are as they were');

select * from finish();
rollback;
