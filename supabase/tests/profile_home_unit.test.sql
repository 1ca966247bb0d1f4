-- A home unit is a commune or village valid today: a unit of the 2024 Ninh Thuận hierarchy, a province,
-- an agency or a unit not yet in force is refused, whether chosen at sign-up or later.
begin;
create extension if not exists pgtap with schema extensions;
select plan(16);

-- ───────────── units ─────────────
-- Code 22759 was Phường Kinh Dinh in 2024 (Ninh Thuận) and is Phường Phan Rang since 1 Jul 2025. The
-- accounts are signed up by the tests themselves.
insert into public.unit (code, name, kind, parent_id, valid_from, valid_to) values
  ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', tests.unit('22366'), '2025-07-01', null),
  ('22366-TDP02', 'Tổ dân phố Xương Huân 2', 'village', tests.unit('22366'), current_date + 1, null),
  ('22366-TDP03', 'Tổ dân phố Vạn Thạnh', 'village', tests.unit('22366'), '2025-07-01', null),
  ('SKHCN', 'Sở Khoa học và Công nghệ', 'agency', tests.unit('56'), '2025-07-01', null);

-- ───────────── at sign-up ─────────────
select lives_ok($$ select tests.sign_up('citizen', 'Nguyễn Thị Lan', tests.unit('22759')) $$,
  'signing up with a commune of today is accepted');
select is((select home_unit_id from public.profile where id = tests.id('citizen')), tests.unit('22759'),
  'and the profile keeps it');
select throws_ok($$ select tests.sign_up('citizen_old', 'Trần Văn Cũ', tests.unit('22759', '2024-11-01')) $$,
  '23514', 'home unit must be a current commune or village',
  'signing up with a 2024 Ninh Thuận commune is refused');
select is_empty($$ select * from auth.users where id = tests.id('citizen_old') $$,
  'and no account is left behind');
select throws_ok($$ select tests.sign_up('citizen_p', 'Lê Văn Tỉnh', tests.unit('56')) $$,
  '23514', 'home unit must be a current commune or village', 'signing up with the province as home unit is refused');
select lives_ok($$ select tests.sign_up('citizen_none', 'Phan Thị Không') $$,
  'signing up without a home unit is accepted');

-- ───────────── later, by the person herself ─────────────
select tests.sign_in('citizen');

select throws_ok($$ update public.profile set home_unit_id = tests.unit('22744', '2024-11-01') $$,
  '23514', 'home unit must be a current commune or village', 'moving to a 2024 Ninh Thuận commune is refused');
select throws_ok($$ update public.profile set home_unit_id = tests.unit('56') $$,
  '23514', 'home unit must be a current commune or village', 'moving to the province is refused');
select throws_ok($$ update public.profile set home_unit_id = tests.unit('SKHCN') $$,
  '23514', 'home unit must be a current commune or village', 'moving to an agency is refused');
select throws_ok($$ update public.profile set home_unit_id = tests.unit('22366-TDP02', current_date + 1) $$,
  '23514', 'home unit must be a current commune or village', 'moving to a village not yet in force is refused');
select results_eq($$ update public.profile set home_unit_id = tests.unit('22366-TDP01') returning home_unit_id $$,
  array[tests.unit('22366-TDP01')], 'moving to a village of today is accepted');
select results_eq($$ update public.profile set home_unit_id = null returning home_unit_id $$,
  array[null::bigint], 'clearing the home unit is accepted');
select results_eq($$ update public.profile set home_unit_id = tests.unit('22366-TDP03') returning home_unit_id $$,
  array[tests.unit('22366-TDP03')], 'moving to another village of today is accepted');

-- A home unit is checked when it is chosen: a unit that ends later does not lock the profile.
select tests.sign_out();
update public.unit set valid_to = current_date where code = '22366-TDP03';
select tests.sign_in('citizen');
select results_eq($$ update public.profile set display_name = 'Nguyễn Thị Lan Anh' returning display_name $$,
  array['Nguyễn Thị Lan Anh'], 'a person whose village has ended can still edit her name');
select lives_ok($$ update public.profile set home_unit_id = tests.unit('22759') $$,
  'she moves to a commune of today');
select throws_ok($$ update public.profile set home_unit_id = tests.unit('22366-TDP03') $$,
  '23514', 'home unit must be a current commune or village', 'and cannot choose the ended village again');

select * from finish();
rollback;
