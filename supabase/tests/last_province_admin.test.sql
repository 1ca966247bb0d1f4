-- The platform always keeps one province admin: the last one cannot be removed, whoever tries (the service
-- included) and however (taking the role, several at once, or deleting the account).
-- (Two concurrent transactions each removing a different admin are beyond what one transaction can test.)
begin;
create extension if not exists pgtap with schema extensions;
select plan(11);

-- ───────────── personas ─────────────
select tests.sign_up('province_admin', 'Ngô Văn Hùng');
select tests.sign_up('province_admin_2', 'Đỗ Thị Mai');
insert into public.person_role (person_id, role) values
  (tests.id('province_admin'), 'province_admin'),
  (tests.id('province_admin_2'), 'province_admin');

-- ───────────── with two province admins ─────────────
select tests.sign_in('province_admin');
select throws_ok($$ delete from public.person_role where role = 'province_admin' $$,
  '23514', 'the last province admin cannot be removed', 'both province admins cannot be removed at once');
select is((select count(*)::int from public.person_role where role = 'province_admin'), 2,
  'and both are still there');
select results_eq($$ delete from public.person_role where person_id = tests.id('province_admin_2') returning role::text $$,
  array['province_admin'], 'one province admin removes the other');

-- ───────────── with one ─────────────
select throws_ok($$ delete from public.person_role where person_id = tests.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin cannot step down');

select tests.sign_out();
select throws_ok($$ delete from public.person_role where role = 'province_admin' $$,
  '23514', 'the last province admin cannot be removed', 'not even the service removes the last province admin');
select throws_ok($$ delete from auth.users where id = tests.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin''s account cannot be deleted');
select throws_ok($$ delete from public.profile where id = tests.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin''s profile cannot be deleted');
select is((select count(*)::int from public.person_role where role = 'province_admin'), 1,
  'the last province admin is still there');

-- ───────────── handing over ─────────────
select tests.sign_in('province_admin');
select lives_ok($$ insert into public.person_role (person_id, role) values (tests.id('province_admin_2'), 'province_admin') $$,
  'the last province admin names a successor');
select results_eq($$ delete from public.person_role where person_id = tests.id('province_admin') returning role::text $$,
  array['province_admin'], 'and then steps down');
select tests.sign_in('province_admin_2');
select results_eq($$ select person_id from public.person_role where role = 'province_admin' $$,
  array[tests.id('province_admin_2')], 'the successor is the one province admin');

select * from finish();
rollback;
