-- Units and unit successions: everyone (anonymous too) reads them; only province admins write them.
begin;
create extension if not exists pgtap with schema extensions;
select plan(30);

-- ───────────── personas ─────────────
-- pg_temp helpers live in this transaction only, so the file runs unchanged under `supabase test db`.
-- An account's id is derived from its persona name.
create function pg_temp.id(persona text) returns uuid language sql immutable
  as $$ select md5(persona)::uuid $$;
create function pg_temp.unit(code text, valid_from date default '2025-07-01') returns bigint language plpgsql stable
  as $$ declare unit_id bigint;
        begin select u.id into strict unit_id from public.unit u where u.code = $1 and u.valid_from = $2; return unit_id; end $$;
create function pg_temp.sign_up(persona text, display_name text, home_unit bigint default null) returns void language sql
  as $$ insert into auth.users (id, email, raw_user_meta_data)
        values (pg_temp.id(persona), persona || '@example.vn',
                jsonb_build_object('display_name', display_name, 'home_unit_id', home_unit)) $$;
create function pg_temp.sign_in(persona text) returns void language sql
  as $$ select set_config('role', 'authenticated', true),
               set_config('request.jwt.claims', json_build_object('sub', pg_temp.id(persona), 'role', 'authenticated')::text, true) $$;
create function pg_temp.sign_in_anonymously() returns void language sql
  as $$ select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true) $$;

-- Commune A is Phường Nha Trang; its unit admin may not edit it either.
select pg_temp.sign_up('citizen_a', 'Nguyễn Thị Lan', pg_temp.unit('22366'));
select pg_temp.sign_up('admin_a', 'Hoàng Minh Đức', pg_temp.unit('22366'));
select pg_temp.sign_up('province_admin', 'Ngô Văn Hùng');
insert into public.person_role (person_id, role, unit_id) values
  (pg_temp.id('admin_a'), 'unit_admin', pg_temp.unit('22366')),
  (pg_temp.id('province_admin'), 'province_admin', null);
create temp table unit_before as table public.unit;
create temp table unit_succession_before as table public.unit_succession;

-- ───────────── anonymous ─────────────
select pg_temp.sign_in_anonymously();

select is((select name from public.unit where id = pg_temp.unit('22366')), 'Phường Nha Trang',
  'anonymous reads a commune');
select is((select count(*)::int from public.unit where kind = 'commune' and valid_from = '2025-07-01'), 65,
  'anonymous reads all 65 communes of Khánh Hòa');
select is((select name from public.unit where id = pg_temp.unit('22759', '2024-11-01')), 'Phường Kinh Dinh',
  'anonymous reads the 2024 Ninh Thuận units too');
select results_eq(
  $$ select n.name from public.unit_succession s join public.unit n on n.id = s.new_unit_id
     where s.old_unit_id = pg_temp.unit('22759', '2024-11-01') $$,
  array['Phường Phan Rang'],
  'anonymous reads which new commune an old one went into');
select throws_ok($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                    values ('X1', 'Thôn Mới', 'village', pg_temp.unit('22366'), '2025-07-01') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot add a unit');
select throws_ok($$ update public.unit set name = 'Đổi tên' where id = pg_temp.unit('22366') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot edit a unit');
select throws_ok($$ delete from public.unit where id = pg_temp.unit('22366') $$,
  '42501', 'permission denied for table unit', 'anonymous cannot remove a unit');
select throws_ok($$ insert into public.unit_succession values (pg_temp.unit('22744', '2024-11-01'), pg_temp.unit('22366'), 'partial') $$,
  '42501', 'permission denied for table unit_succession', 'anonymous cannot add a succession');
select throws_ok($$ delete from public.unit_succession $$,
  '42501', 'permission denied for table unit_succession', 'anonymous cannot remove a succession');

-- ───────────── a citizen ─────────────
select pg_temp.sign_in('citizen_a');

select is((select count(*)::int from public.unit where kind = 'commune' and valid_from = '2025-07-01'), 65,
  'a citizen reads all communes');
select isnt_empty($$ select * from public.unit_succession $$, 'a citizen reads unit successions');
select throws_ok($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                    values ('X1', 'Thôn Mới', 'village', pg_temp.unit('22366'), '2025-07-01') $$,
  '42501', 'new row violates row-level security policy for table "unit"', 'a citizen cannot add a unit');
select is_empty($$ update public.unit set name = 'Đổi tên' where id = pg_temp.unit('22366') returning id $$,
  'a citizen''s edit of a unit changes no row');
select is_empty($$ delete from public.unit where id = pg_temp.unit('22366') returning id $$,
  'a citizen''s removal of a unit removes no row');

-- ───────────── the unit admin of commune A ─────────────
select pg_temp.sign_in('admin_a');

select throws_ok($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                    values ('X1', 'Thôn Mới', 'village', pg_temp.unit('22366'), '2025-07-01') $$,
  '42501', 'new row violates row-level security policy for table "unit"', 'a unit admin cannot add a village to their commune');
select is_empty($$ update public.unit set name = 'Đổi tên' where id = pg_temp.unit('22366') returning id $$,
  'a unit admin''s edit of their own commune changes no row');
select is_empty($$ delete from public.unit where id = pg_temp.unit('22366') returning id $$,
  'a unit admin''s removal of their own commune removes no row');
select throws_ok($$ insert into public.unit_succession values (pg_temp.unit('22744', '2024-11-01'), pg_temp.unit('22366'), 'partial') $$,
  '42501', 'new row violates row-level security policy for table "unit_succession"', 'a unit admin cannot add a succession');
select is_empty($$ delete from public.unit_succession returning old_unit_id $$,
  'a unit admin''s removal of successions removes no row');

-- ───────────── the province admin ─────────────
select pg_temp.sign_in('province_admin');

select results_eq($$ insert into public.unit (code, name, kind, parent_id, valid_from)
                     values ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', pg_temp.unit('22366'), '2025-07-01')
                     returning name $$,
  array['Tổ dân phố Xương Huân 1'], 'a province admin adds a village');
select is((select path from public.unit where code = '22366-TDP01'),
  array[pg_temp.unit('56'), pg_temp.unit('22366'), pg_temp.unit('22366-TDP01')],
  'a new unit''s path runs from the province down to itself');
select results_eq($$ update public.unit set name = 'Tổ dân phố Xương Huân' where code = '22366-TDP01' returning name $$,
  array['Tổ dân phố Xương Huân'], 'a province admin edits a unit');
select throws_ok($$ update public.unit set parent_id = pg_temp.unit('22759') where code = '22366-TDP01' $$,
  '23514', 'a unit cannot change parent', 'not even a province admin moves a unit to another parent');
select results_eq($$ insert into public.unit_succession values (pg_temp.unit('22744', '2024-11-01'), pg_temp.unit('22366'), 'partial')
                     returning coverage $$,
  array['partial'], 'a province admin adds a succession');
select throws_ok($$ update public.unit_succession set coverage = 'full' where new_unit_id = pg_temp.unit('22366') $$,
  '42501', 'permission denied for table unit_succession', 'successions are never edited, only removed and added');
select results_eq($$ delete from public.unit_succession where new_unit_id = pg_temp.unit('22366') returning coverage $$,
  array['partial'], 'a province admin removes a succession');
select results_eq($$ delete from public.unit where code = '22366-TDP01' returning name $$,
  array['Tổ dân phố Xương Huân'], 'a province admin removes a unit');
select throws_ok($$ delete from public.unit where id = pg_temp.unit('22366') $$,
  '23503', null, 'a unit that people live in cannot be removed');

-- ───────────── afterwards, as the service ─────────────
reset role;

select results_eq($$ table public.unit order by id $$, $$ table unit_before order by id $$,
  'units are as they were: refused edits and removals changed nothing');
select results_eq($$ table public.unit_succession order by 1, 2 $$, $$ table unit_succession_before order by 1, 2 $$,
  'successions are as they were');

select * from finish();
rollback;
