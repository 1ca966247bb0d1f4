-- Profiles: a person reads and edits only their own; unit admins read the people whose home unit is in
-- their subtree; province admins read everyone; anonymous reads nothing. Nobody but the service adds or
-- removes a profile (signing up does, through the trigger on auth.users).
begin;
create extension if not exists pgtap with schema extensions;
select plan(61);

-- ───────────── personas ─────────────
-- The standard personas and their roles: see tests.create_personas in 00000-setup-test-helpers.sql.
select tests.create_personas();

-- ───────────── signing up ─────────────
select results_eq(
  $$ select display_name, email, home_unit_id, locale from public.profile where id = tests.id('citizen_a') $$,
  $$ values ('Nguyễn Thị Lan', 'citizen_a@example.vn', tests.unit('22366'), 'vi') $$,
  'signing up creates the profile from the account and its metadata');

-- ───────────── anonymous ─────────────
select tests.sign_in_anonymously();

select throws_ok($$ select * from public.profile $$,
  '42501', 'permission denied for table profile', 'anonymous cannot read profiles');
select throws_ok($$ insert into public.profile (id, display_name) values (gen_random_uuid(), 'Ẩn danh') $$,
  '42501', 'permission denied for table profile', 'anonymous cannot add a profile');
select throws_ok($$ update public.profile set display_name = 'Ẩn danh' $$,
  '42501', 'permission denied for table profile', 'anonymous cannot edit profiles');
select throws_ok($$ delete from public.profile $$,
  '42501', 'permission denied for table profile', 'anonymous cannot remove profiles');

-- ───────────── who reads whom ─────────────
create function pg_temp.reads_profiles_of(persona text, display_names text[]) returns text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return set_eq('select display_name from public.profile', display_names,
    persona || ' reads the profiles of ' || array_to_string(display_names, ', '));
end
$$;
select pg_temp.reads_profiles_of(persona, display_names) from (values
  ('citizen_a', array['Nguyễn Thị Lan']),
  ('villager_a', array['Trần Văn Minh']),
  ('official', array['Phạm Quốc Tuấn']),
  ('organizer_a', array['Võ Thị Thu']),
  ('team_member_a', array['Đặng Văn Nam']),
  -- the unit admins: the people whose home unit is their commune or inside it, themselves included
  ('admin_a', array['Hoàng Minh Đức', 'Nguyễn Thị Lan', 'Trần Văn Minh', 'Võ Thị Thu', 'Đặng Văn Nam']),
  ('admin_b', array['Bùi Thị Hạnh', 'Lê Thị Hoa', 'Phạm Quốc Tuấn']),
  ('province_admin', array['Nguyễn Thị Lan', 'Trần Văn Minh', 'Lê Thị Hoa', 'Phạm Quốc Tuấn', 'Võ Thị Thu',
                           'Đặng Văn Nam', 'Hoàng Minh Đức', 'Bùi Thị Hạnh', 'Ngô Văn Hùng'])
) as who_reads_whom (persona, display_names);

-- A person who moves is read by the admin of the commune she moved to, and no longer by the other.
select tests.sign_in('citizen_a');
select results_eq($$ update public.profile set home_unit_id = tests.unit('22759') returning display_name $$,
  array['Nguyễn Thị Lan'], 'a citizen of commune A moves to commune B');
select tests.sign_in('admin_a');
select is_empty($$ select * from public.profile where id = tests.id('citizen_a') $$,
  'the unit admin of commune A no longer reads her');
select tests.sign_in('admin_b');
select results_eq($$ select display_name from public.profile where id = tests.id('citizen_a') $$,
  array['Nguyễn Thị Lan'], 'the unit admin of commune B now reads her');

-- ───────────── everyone edits their own profile and no one else's ─────────────
-- Reading someone (as admins do) is not editing them; e-mail, phone and id mirror the account.
create function pg_temp.edits_only_own_profile(persona text) returns setof text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return next results_eq(
    format($q$ update public.profile set display_name = display_name || ' (sửa)', locale = 'en'
               where id = %L returning id $q$, tests.id(persona)),
    array[tests.id(persona)], persona || ' edits their own name and language');
  return next is_empty(
    format($q$ update public.profile set display_name = 'Bị sửa' where id <> %L returning id $q$, tests.id(persona)),
    persona || '''s edit of other people''s profiles changes no row');
  return next throws_ok(format($q$ update public.profile set email = 'khac@example.vn' where id = %L $q$, tests.id(persona)),
    '42501', 'permission denied for table profile', persona || ' cannot edit the e-mail mirrored from their account');
  return next throws_ok(format($q$ update public.profile set phone = '+84900000000' where id = %L $q$, tests.id(persona)),
    '42501', 'permission denied for table profile', persona || ' cannot edit the phone mirrored from their account');
  return next throws_ok(format($q$ update public.profile set id = gen_random_uuid() where id = %L $q$, tests.id(persona)),
    '42501', 'permission denied for table profile', persona || ' cannot change their profile''s id');
  return next throws_ok($q$ insert into public.profile (id, display_name) values (gen_random_uuid(), 'Ai đó') $q$,
    '42501', 'permission denied for table profile', persona || ' cannot add a profile');
  return next throws_ok($q$ delete from public.profile $q$,
    '42501', 'permission denied for table profile', persona || ' cannot remove a profile');
end
$$;
select pg_temp.edits_only_own_profile(persona)
from unnest(array['citizen_a', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'province_admin']) as persona;

-- ───────────── afterwards, as the service ─────────────
select tests.sign_out();

select is((select count(*)::int from public.profile where display_name = 'Bị sửa'), 0,
  'no refused edit changed any profile');
select set_eq($$ select display_name from public.profile where display_name like '%(sửa)' $$,
  array['Nguyễn Thị Lan (sửa)', 'Phạm Quốc Tuấn (sửa)', 'Võ Thị Thu (sửa)', 'Đặng Văn Nam (sửa)',
        'Hoàng Minh Đức (sửa)', 'Ngô Văn Hùng (sửa)'],
  'each person changed their own profile only');
select is((select count(*)::int from public.profile p join auth.users u using (id) where p.email is distinct from u.email), 0,
  'every profile still mirrors its account''s e-mail');

select * from finish();
rollback;
