-- Rules that keep the data honest whoever writes it: a unit's path cannot be forged, a scoped role sits
-- on a unit valid today, and the profile's copy of the sign-in contact follows auth.users.
begin;
create extension if not exists pgtap with schema extensions;
select plan(7);

create function pg_temp.id(persona text) returns uuid language sql immutable
  as $$ select md5(persona)::uuid $$;
create function pg_temp.sign_in(persona text) returns void language sql
  as $$ select set_config('role', 'authenticated', true),
               set_config('request.jwt.claims', json_build_object('sub', pg_temp.id(persona), 'role', 'authenticated')::text, true) $$;
create function pg_temp.unit(unit_code text, valid date) returns bigint language sql stable
  as $$ select id from public.unit where code = unit_code and valid_from = valid $$;

insert into auth.users (id, email, raw_user_meta_data) values
  (pg_temp.id('province_admin'), 'admin@example.vn', '{"display_name": "Ngô Văn Hùng"}'),
  (pg_temp.id('citizen'), 'dan@example.vn', '{"display_name": "Lê Thị Hoa"}');
insert into public.person_role (person_id, role) values (pg_temp.id('province_admin'), 'province_admin');

-- ───────────── unit.path ─────────────
select pg_temp.sign_in('province_admin');
update public.unit set path = array[pg_temp.unit('58', '2024-11-01')] where id = pg_temp.unit('22366', '2025-07-01');
select is((select path from public.unit where id = pg_temp.unit('22366', '2025-07-01')),
  array[pg_temp.unit('56', '2025-07-01'), pg_temp.unit('22366', '2025-07-01')],
  'a path written by hand is replaced by the one derived from the parent');
select lives_ok($$ update public.unit set name = 'Phường Nha Trang' where id = pg_temp.unit('22366', '2025-07-01') $$,
  'a province admin can still rename a unit');

-- ───────────── roles on current units only ─────────────
select throws_ok(
  format('insert into public.person_role (person_id, role, unit_id, granted_by) values (%L, %L, %s, %L)',
    pg_temp.id('citizen'), 'unit_admin', pg_temp.unit('22738', '2024-11-01'), pg_temp.id('province_admin')),
  '23514', 'a role is scoped to a unit valid today', 'a role on a 2024 Ninh Thuận commune is refused');
select lives_ok(
  format('insert into public.person_role (person_id, role, unit_id, granted_by) values (%L, %L, %s, %L)',
    pg_temp.id('citizen'), 'unit_admin', pg_temp.unit('22366', '2025-07-01'), pg_temp.id('province_admin')),
  'a role on a current commune is given');

-- ───────────── profile contact follows the account ─────────────
reset role;
update auth.users set email = 'hoa.le@example.vn', phone = '+84912345678' where id = pg_temp.id('citizen');
select pg_temp.sign_in('citizen');
select is((select email from public.profile where id = pg_temp.id('citizen')), 'hoa.le@example.vn',
  'the profile shows the new e-mail');
select is((select phone from public.profile where id = pg_temp.id('citizen')), '+84912345678',
  'and the new phone number');
select throws_ok($$ update public.profile set email = 'forged@example.vn' where id = auth.uid() $$,
  '42501', null, 'nobody edits the copy directly');

select * from finish();
rollback;
