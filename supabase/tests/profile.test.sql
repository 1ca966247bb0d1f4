-- Profiles: a person reads and edits only their own; unit admins read the people whose home unit is in
-- their subtree; province admins read everyone; anonymous reads nothing. Nobody but the service adds or
-- removes a profile (signing up does, through the trigger on auth.users).
begin;
create extension if not exists pgtap with schema extensions;
select plan(33);

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

-- Commune A is Phường Nha Trang, with a village; commune B is Phường Phan Rang.
insert into public.unit (code, name, kind, parent_id, valid_from) values
  ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', pg_temp.unit('22366'), '2025-07-01'),
  ('SKHCN', 'Sở Khoa học và Công nghệ', 'agency', pg_temp.unit('56'), '2025-07-01');

select pg_temp.sign_up('citizen_a', 'Nguyễn Thị Lan', pg_temp.unit('22366'));
select pg_temp.sign_up('villager_a', 'Trần Văn Minh', pg_temp.unit('22366-TDP01'));
select pg_temp.sign_up('citizen_b', 'Lê Thị Hoa', pg_temp.unit('22759'));
select pg_temp.sign_up('official', 'Phạm Quốc Tuấn');
select pg_temp.sign_up('organizer_a', 'Võ Thị Thu', pg_temp.unit('22366'));
select pg_temp.sign_up('team_member_a', 'Đặng Văn Nam', pg_temp.unit('22366-TDP01'));
select pg_temp.sign_up('admin_a', 'Hoàng Minh Đức', pg_temp.unit('22366'));
select pg_temp.sign_up('admin_b', 'Bùi Thị Hạnh', pg_temp.unit('22759'));
select pg_temp.sign_up('province_admin', 'Ngô Văn Hùng');
insert into public.person_role (person_id, role, unit_id) values
  (pg_temp.id('official'), 'official', pg_temp.unit('SKHCN')),
  (pg_temp.id('organizer_a'), 'organizer', pg_temp.unit('22366')),
  (pg_temp.id('team_member_a'), 'team_member', pg_temp.unit('22366')),
  (pg_temp.id('admin_a'), 'unit_admin', pg_temp.unit('22366')),
  (pg_temp.id('admin_b'), 'unit_admin', pg_temp.unit('22759')),
  (pg_temp.id('province_admin'), 'province_admin', null);

-- ───────────── signing up ─────────────
select results_eq(
  $$ select display_name, email, home_unit_id, locale from public.profile where id = pg_temp.id('citizen_a') $$,
  $$ values ('Nguyễn Thị Lan', 'citizen_a@example.vn', pg_temp.unit('22366'), 'vi') $$,
  'signing up creates the profile from the account and its metadata');

-- ───────────── anonymous ─────────────
select pg_temp.sign_in_anonymously();

select throws_ok($$ select * from public.profile $$,
  '42501', 'permission denied for table profile', 'anonymous cannot read profiles');
select throws_ok($$ insert into public.profile (id, display_name) values (gen_random_uuid(), 'Ẩn danh') $$,
  '42501', 'permission denied for table profile', 'anonymous cannot add a profile');
select throws_ok($$ update public.profile set display_name = 'Ẩn danh' $$,
  '42501', 'permission denied for table profile', 'anonymous cannot edit profiles');
select throws_ok($$ delete from public.profile $$,
  '42501', 'permission denied for table profile', 'anonymous cannot remove profiles');

-- ───────────── a citizen of commune A ─────────────
select pg_temp.sign_in('citizen_a');

select results_eq($$ select display_name from public.profile $$, array['Nguyễn Thị Lan'],
  'a citizen reads only her own profile');
select results_eq(
  $$ update public.profile set display_name = 'Nguyễn Thị Lan Anh', locale = 'en', home_unit_id = pg_temp.unit('22366-TDP01')
     where id = pg_temp.id('citizen_a') returning display_name, locale, home_unit_id $$,
  $$ values ('Nguyễn Thị Lan Anh', 'en', pg_temp.unit('22366-TDP01')) $$,
  'a citizen edits her name, language and home unit');
select is_empty($$ update public.profile set display_name = 'Bị sửa' where id = pg_temp.id('citizen_b') returning id $$,
  'a citizen''s edit of another person''s profile changes no row');
select throws_ok($$ update public.profile set email = 'khac@example.vn' where id = pg_temp.id('citizen_a') $$,
  '42501', 'permission denied for table profile', 'a citizen cannot edit the e-mail mirrored from her account');
select throws_ok($$ update public.profile set phone = '+84900000000' where id = pg_temp.id('citizen_a') $$,
  '42501', 'permission denied for table profile', 'a citizen cannot edit the phone mirrored from her account');
select throws_ok($$ update public.profile set id = pg_temp.id('someone') where id = pg_temp.id('citizen_a') $$,
  '42501', 'permission denied for table profile', 'a citizen cannot change her profile''s id');
select throws_ok($$ insert into public.profile (id, display_name) values (pg_temp.id('someone'), 'Ai đó') $$,
  '42501', 'permission denied for table profile', 'a citizen cannot add a profile');
select throws_ok($$ delete from public.profile where id = pg_temp.id('citizen_a') $$,
  '42501', 'permission denied for table profile', 'a citizen cannot remove her profile');

-- ───────────── people with roles other than unit admin see only themselves ─────────────
select pg_temp.sign_in('organizer_a');
select results_eq($$ select display_name from public.profile $$, array['Võ Thị Thu'],
  'the organizer of commune A reads only her own profile, not the people of commune A');
select is_empty($$ update public.profile set display_name = 'Bị sửa' where id = pg_temp.id('villager_a') returning id $$,
  'the organizer of commune A cannot edit a villager''s profile');

select pg_temp.sign_in('team_member_a');
select results_eq($$ select display_name from public.profile $$, array['Đặng Văn Nam'],
  'a team member of commune A reads only his own profile');

select pg_temp.sign_in('official');
select results_eq($$ select display_name from public.profile $$, array['Phạm Quốc Tuấn'],
  'an official of an agency reads only his own profile');

-- ───────────── the unit admins ─────────────
select pg_temp.sign_in('admin_a');

select set_eq($$ select display_name from public.profile $$,
  array['Hoàng Minh Đức', 'Nguyễn Thị Lan Anh', 'Trần Văn Minh', 'Võ Thị Thu', 'Đặng Văn Nam'],
  'the unit admin of commune A reads the people of commune A and its village, and no one else');
select is_empty($$ select * from public.profile where id in (pg_temp.id('citizen_b'), pg_temp.id('admin_b')) $$,
  'the unit admin of commune A does not read the people of commune B');
select is_empty($$ select * from public.profile where id = pg_temp.id('province_admin') $$,
  'the unit admin of commune A does not read a person without a home unit');
select is_empty($$ update public.profile set display_name = 'Bị sửa' where id = pg_temp.id('villager_a') returning id $$,
  'the unit admin of commune A reads but cannot edit a villager''s profile');
select results_eq($$ update public.profile set locale = 'en' where id = pg_temp.id('admin_a') returning locale $$,
  array['en'], 'the unit admin of commune A edits his own profile');

select pg_temp.sign_in('admin_b');
select set_eq($$ select display_name from public.profile $$, array['Bùi Thị Hạnh', 'Lê Thị Hoa'],
  'the unit admin of commune B reads the people of commune B only');

-- A person who moves is read by the admin of the commune she moved to, and no longer by the other.
select pg_temp.sign_in('citizen_a');
select results_eq($$ update public.profile set home_unit_id = pg_temp.unit('22759') returning display_name $$,
  array['Nguyễn Thị Lan Anh'], 'a citizen of commune A moves to commune B');
select pg_temp.sign_in('admin_a');
select is_empty($$ select * from public.profile where id = pg_temp.id('citizen_a') $$,
  'the unit admin of commune A no longer reads her');
select pg_temp.sign_in('admin_b');
select results_eq($$ select display_name from public.profile where id = pg_temp.id('citizen_a') $$,
  array['Nguyễn Thị Lan Anh'], 'the unit admin of commune B now reads her');

-- ───────────── the province admin ─────────────
select pg_temp.sign_in('province_admin');

select set_eq($$ select display_name from public.profile $$,
  array['Nguyễn Thị Lan Anh', 'Trần Văn Minh', 'Lê Thị Hoa', 'Phạm Quốc Tuấn', 'Võ Thị Thu', 'Đặng Văn Nam',
        'Hoàng Minh Đức', 'Bùi Thị Hạnh', 'Ngô Văn Hùng'],
  'the province admin reads everyone');
select is_empty($$ update public.profile set display_name = 'Bị sửa' where id <> pg_temp.id('province_admin') returning id $$,
  'the province admin reads but cannot edit other people''s profiles');
select throws_ok($$ delete from public.profile where id = pg_temp.id('citizen_b') $$,
  '42501', 'permission denied for table profile', 'the province admin cannot remove a profile');
select throws_ok($$ insert into public.profile (id, display_name) values (pg_temp.id('someone'), 'Ai đó') $$,
  '42501', 'permission denied for table profile', 'the province admin cannot add a profile');

-- ───────────── afterwards, as the service ─────────────
reset role;

select is((select display_name from public.profile where id = pg_temp.id('citizen_b')), 'Lê Thị Hoa',
  'the refused edits left citizen B''s profile unchanged');
select is((select count(*)::int from public.profile where display_name = 'Bị sửa'), 0,
  'no refused edit changed any profile');
select results_eq($$ select email from public.profile where id = pg_temp.id('citizen_a') $$,
  array['citizen_a@example.vn'], 'citizen A''s e-mail is unchanged');

select * from finish();
rollback;
