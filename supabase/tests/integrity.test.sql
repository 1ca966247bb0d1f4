-- Rules that keep the data honest whoever writes it: a unit's path cannot be forged, a scoped role sits
-- on a unit valid today, and the profile's copy of the sign-in contact follows auth.users.
begin;
create extension if not exists pgtap with schema extensions;
select plan(7);

select tests.sign_up('province_admin', 'Ngô Văn Hùng');
select tests.sign_up('citizen', 'Lê Thị Hoa');
insert into public.person_role (person_id, role) values (tests.id('province_admin'), 'province_admin');

-- ───────────── unit.path ─────────────
select tests.sign_in('province_admin');
update public.unit set path = array[tests.unit('58', '2024-11-01')] where id = tests.unit('22366', '2025-07-01');
select is((select path from public.unit where id = tests.unit('22366', '2025-07-01')),
  array[tests.unit('56', '2025-07-01'), tests.unit('22366', '2025-07-01')],
  'a path written by hand is replaced by the one derived from the parent');
select lives_ok($$ update public.unit set name = 'Phường Nha Trang' where id = tests.unit('22366', '2025-07-01') $$,
  'a province admin can still rename a unit');

-- ───────────── roles on current units only ─────────────
select throws_ok(
  format('insert into public.person_role (person_id, role, unit_id, granted_by) values (%L, %L, %s, %L)',
    tests.id('citizen'), 'unit_admin', tests.unit('22738', '2024-11-01'), tests.id('province_admin')),
  '23514', 'a role is scoped to a unit valid today', 'a role on a 2024 Ninh Thuận commune is refused');
select lives_ok(
  format('insert into public.person_role (person_id, role, unit_id, granted_by) values (%L, %L, %s, %L)',
    tests.id('citizen'), 'unit_admin', tests.unit('22366', '2025-07-01'), tests.id('province_admin')),
  'a role on a current commune is given');

-- ───────────── profile contact follows the account ─────────────
select tests.sign_out();
update auth.users set email = 'hoa.le@example.vn', phone = '+84912345678' where id = tests.id('citizen');
select tests.sign_in('citizen');
select is((select email from public.profile where id = tests.id('citizen')), 'hoa.le@example.vn',
  'the profile shows the new e-mail');
select is((select phone from public.profile where id = tests.id('citizen')), '+84912345678',
  'and the new phone number');
select throws_ok($$ update public.profile set email = 'forged@example.vn' where id = auth.uid() $$,
  '42501', null, 'nobody edits the copy directly');

select * from finish();
rollback;
