-- Roles: a person reads their own roles, a unit admin those of the people in their subtree, a province
-- admin all of them. Only province admins give roles (recording themselves as the giver) and take them;
-- a role is never edited.
begin;
create extension if not exists pgtap with schema extensions;
select plan(45);

-- ───────────── personas ─────────────
-- The standard personas and their roles: see tests.create_personas in 00000-setup-test-helpers.sql.
select tests.create_personas();
select tests.sign_up('province_admin_2', 'Đỗ Thị Mai');
insert into public.person_role (person_id, role) values (tests.id('province_admin_2'), 'province_admin');

-- ───────────── who reads which roles ─────────────
select tests.sign_in_anonymously();
select throws_ok($$ select * from public.person_role $$,
  '42501', 'permission denied for table person_role', 'anonymous cannot read roles');

create function pg_temp.reads_roles_of(persona text, holders text[]) returns text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return set_eq(
    $q$ select p.display_name || ': ' || r.role from public.person_role r
        cross join lateral (select display_name from public.profile where id = r.person_id) p $q$,
    holders, persona || coalesce(' reads the roles ' || nullif(array_to_string(holders, ', '), ''), ' reads no role'));
end
$$;
-- Every role reader also reads the holder's profile, so the names resolve.
select pg_temp.reads_roles_of(persona, holders) from (values
  ('citizen_a', '{}'::text[]),
  ('official', array['Phạm Quốc Tuấn: official']),
  ('organizer_a', array['Võ Thị Thu: organizer']),
  ('team_member_a', array['Đặng Văn Nam: team_member']),
  -- a unit admin reads the roles of the people living in their subtree, whatever unit the role is for
  ('admin_a', array['Hoàng Minh Đức: unit_admin', 'Võ Thị Thu: organizer', 'Đặng Văn Nam: team_member']),
  ('admin_b', array['Bùi Thị Hạnh: unit_admin', 'Phạm Quốc Tuấn: official']),
  ('province_admin', array['Phạm Quốc Tuấn: official', 'Võ Thị Thu: organizer', 'Đặng Văn Nam: team_member',
                           'Hoàng Minh Đức: unit_admin', 'Bùi Thị Hạnh: unit_admin', 'Ngô Văn Hùng: province_admin',
                           'Đỗ Thị Mai: province_admin'])
) as who_reads_which (persona, holders);

-- ───────────── only province admins give, edit or take roles ─────────────
select tests.sign_in_anonymously();
select throws_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('citizen_a'), 'organizer', tests.unit('22366')) $$,
  '42501', 'permission denied for table person_role', 'anonymous cannot give a role');
select throws_ok($$ update public.person_role set unit_id = tests.unit('56') $$,
  '42501', 'permission denied for table person_role', 'anonymous cannot edit a role');
select throws_ok($$ delete from public.person_role $$,
  '42501', 'permission denied for table person_role', 'anonymous cannot take roles');

create function pg_temp.cannot_give_or_take_roles(persona text) returns setof text language plpgsql as $$
begin
  perform tests.sign_in(persona);
  return next throws_ok(
    $q$ insert into public.person_role (person_id, role, unit_id) values (tests.id('citizen_a'), 'organizer', tests.unit('22366')) $q$,
    '42501', 'new row violates row-level security policy for table "person_role"', persona || ' cannot give a role in commune A');
  return next throws_ok(
    format($q$ insert into public.person_role (person_id, role) values (%L, 'province_admin') $q$, tests.id(persona)),
    '42501', 'new row violates row-level security policy for table "person_role"', persona || ' cannot make themselves province admin');
  return next throws_ok($q$ update public.person_role set unit_id = tests.unit('56') $q$,
    '42501', 'permission denied for table person_role', persona || ' cannot edit a role (or widen their own)');
  return next is_empty($q$ delete from public.person_role returning id $q$,
    persona || '''s removal of roles (their own, those they read, any other) removes no row');
end
$$;
select pg_temp.cannot_give_or_take_roles(persona)
from unnest(array['citizen_a', 'official', 'organizer_a', 'team_member_a', 'admin_a']) as persona;

-- ───────────── a province admin gives and takes roles ─────────────
select tests.sign_in('province_admin');

select results_eq(
  $$ insert into public.person_role (person_id, role, unit_id) values (tests.id('citizen_a'), 'team_member', tests.unit('22366'))
     returning role::text, unit_id, granted_by $$,
  $$ values ('team_member', tests.unit('22366'), tests.id('province_admin')) $$,
  'a province admin gives a role, recorded as given by herself');
select lives_ok($$ insert into public.person_role (person_id, role, unit_id, granted_by)
                   values (tests.id('citizen_a'), 'organizer', tests.unit('22366'), tests.id('province_admin')) $$,
  'a province admin may name herself as the giver');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id, granted_by)
                    values (tests.id('citizen_b'), 'organizer', tests.unit('22759'), tests.id('province_admin_2')) $$,
  '42501', 'new row violates row-level security policy for table "person_role"', 'a province admin cannot record another person as the giver');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id, granted_by)
                    values (tests.id('citizen_b'), 'organizer', tests.unit('22759'), null) $$,
  '42501', 'new row violates row-level security policy for table "person_role"', 'a province admin cannot give a role without a giver');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id, granted_at)
                    values (tests.id('citizen_b'), 'organizer', tests.unit('22759'), '2020-01-01') $$,
  '42501', 'permission denied for table person_role', 'a province admin cannot backdate a role');
select throws_ok($$ insert into public.person_role (person_id, role) values (tests.id('citizen_b'), 'unit_admin') $$,
  '23514', null, 'a unit admin role needs a unit');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('citizen_b'), 'province_admin', tests.unit('56')) $$,
  '23514', null, 'a province admin role has no unit');
select throws_ok($$ insert into public.person_role (person_id, role, unit_id) values (tests.id('admin_a'), 'unit_admin', tests.unit('22366')) $$,
  '23505', null, 'a person holds a role on a unit once');
select lives_ok($$ insert into public.person_role (person_id, role) values (tests.id('admin_b'), 'province_admin') $$,
  'a province admin makes another person province admin');
select throws_ok($$ update public.person_role set unit_id = tests.unit('22759') where person_id = tests.id('organizer_a') $$,
  '42501', 'permission denied for table person_role', 'not even a province admin edits a role: it is taken and given anew');
select results_eq($$ delete from public.person_role where person_id = tests.id('organizer_a') returning role::text $$,
  array['organizer'], 'a province admin takes a role');
select results_eq($$ delete from public.person_role where person_id = tests.id('province_admin_2') returning role::text $$,
  array['province_admin'], 'a province admin takes another province admin''s role');

-- ───────────── afterwards, as the service ─────────────
select tests.sign_out();

select set_eq($$ select p.display_name || ': ' || r.role from public.person_role r join public.profile p on p.id = r.person_id $$,
  array['Phạm Quốc Tuấn: official', 'Đặng Văn Nam: team_member', 'Hoàng Minh Đức: unit_admin',
        'Bùi Thị Hạnh: unit_admin', 'Bùi Thị Hạnh: province_admin', 'Ngô Văn Hùng: province_admin',
        'Nguyễn Thị Lan: team_member', 'Nguyễn Thị Lan: organizer'],
  'the roles are those the province admins gave and kept; no refused change took effect');
select is((select granted_by from public.person_role where person_id = tests.id('admin_b') and role = 'province_admin'),
  tests.id('province_admin'), 'a role given through the API names its giver');

select * from finish();
rollback;
