-- A home unit is a commune or village valid today: a unit of the 2024 Ninh Thuận hierarchy, a province,
-- an agency or a unit not yet in force is refused, whether chosen at sign-up or later.
begin;
create extension if not exists pgtap with schema extensions;
select plan(16);

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

-- Code 22759 was Phường Kinh Dinh in 2024 (Ninh Thuận) and is Phường Phan Rang since 1 Jul 2025.
insert into public.unit (code, name, kind, parent_id, valid_from, valid_to) values
  ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', pg_temp.unit('22366'), '2025-07-01', null),
  ('22366-TDP02', 'Tổ dân phố Xương Huân 2', 'village', pg_temp.unit('22366'), current_date + 1, null),
  ('22366-TDP03', 'Tổ dân phố Vạn Thạnh', 'village', pg_temp.unit('22366'), '2025-07-01', null),
  ('SKHCN', 'Sở Khoa học và Công nghệ', 'agency', pg_temp.unit('56'), '2025-07-01', null);

-- ───────────── at sign-up ─────────────
select lives_ok($$ select pg_temp.sign_up('citizen', 'Nguyễn Thị Lan', pg_temp.unit('22759')) $$,
  'signing up with a commune of today is accepted');
select is((select home_unit_id from public.profile where id = pg_temp.id('citizen')), pg_temp.unit('22759'),
  'and the profile keeps it');
select throws_ok($$ select pg_temp.sign_up('citizen_old', 'Trần Văn Cũ', pg_temp.unit('22759', '2024-11-01')) $$,
  '23514', 'home unit must be a current commune or village',
  'signing up with a 2024 Ninh Thuận commune is refused');
select is_empty($$ select * from auth.users where id = pg_temp.id('citizen_old') $$,
  'and no account is left behind');
select throws_ok($$ select pg_temp.sign_up('citizen_p', 'Lê Văn Tỉnh', pg_temp.unit('56')) $$,
  '23514', 'home unit must be a current commune or village', 'signing up with the province as home unit is refused');
select lives_ok($$ select pg_temp.sign_up('citizen_none', 'Phan Thị Không') $$,
  'signing up without a home unit is accepted');

-- ───────────── later, by the person herself ─────────────
select pg_temp.sign_in('citizen');

select throws_ok($$ update public.profile set home_unit_id = pg_temp.unit('22744', '2024-11-01') $$,
  '23514', 'home unit must be a current commune or village', 'moving to a 2024 Ninh Thuận commune is refused');
select throws_ok($$ update public.profile set home_unit_id = pg_temp.unit('56') $$,
  '23514', 'home unit must be a current commune or village', 'moving to the province is refused');
select throws_ok($$ update public.profile set home_unit_id = pg_temp.unit('SKHCN') $$,
  '23514', 'home unit must be a current commune or village', 'moving to an agency is refused');
select throws_ok($$ update public.profile set home_unit_id = pg_temp.unit('22366-TDP02', current_date + 1) $$,
  '23514', 'home unit must be a current commune or village', 'moving to a village not yet in force is refused');
select results_eq($$ update public.profile set home_unit_id = pg_temp.unit('22366-TDP01') returning home_unit_id $$,
  array[pg_temp.unit('22366-TDP01')], 'moving to a village of today is accepted');
select results_eq($$ update public.profile set home_unit_id = null returning home_unit_id $$,
  array[null::bigint], 'clearing the home unit is accepted');
select results_eq($$ update public.profile set home_unit_id = pg_temp.unit('22366-TDP03') returning home_unit_id $$,
  array[pg_temp.unit('22366-TDP03')], 'moving to another village of today is accepted');

-- A home unit is checked when it is chosen: a unit that ends later does not lock the profile.
reset role;
update public.unit set valid_to = current_date where code = '22366-TDP03';
select pg_temp.sign_in('citizen');
select results_eq($$ update public.profile set display_name = 'Nguyễn Thị Lan Anh' returning display_name $$,
  array['Nguyễn Thị Lan Anh'], 'a person whose village has ended can still edit her name');
select lives_ok($$ update public.profile set home_unit_id = pg_temp.unit('22759') $$,
  'she moves to a commune of today');
select throws_ok($$ update public.profile set home_unit_id = pg_temp.unit('22366-TDP03') $$,
  '23514', 'home unit must be a current commune or village', 'and cannot choose the ended village again');

select * from finish();
rollback;
