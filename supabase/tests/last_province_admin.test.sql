-- The platform always keeps one province admin: the last one cannot be removed, whoever tries (the service
-- included) and however (taking the role, several at once, or deleting the account).
-- (Two concurrent transactions each removing a different admin are beyond what one transaction can test.)
begin;
create extension if not exists pgtap with schema extensions;
select plan(11);

-- ───────────── personas ─────────────
-- pg_temp helpers live in this transaction only, so the file runs unchanged under `supabase test db`.
-- An account's id is derived from its persona name.
create function pg_temp.id(persona text) returns uuid language sql immutable
  as $$ select md5(persona)::uuid $$;
create function pg_temp.sign_up(persona text, display_name text) returns void language sql
  as $$ insert into auth.users (id, email, raw_user_meta_data)
        values (pg_temp.id(persona), persona || '@example.vn', jsonb_build_object('display_name', display_name)) $$;
create function pg_temp.sign_in(persona text) returns void language sql
  as $$ select set_config('role', 'authenticated', true),
               set_config('request.jwt.claims', json_build_object('sub', pg_temp.id(persona), 'role', 'authenticated')::text, true) $$;

select pg_temp.sign_up('province_admin', 'Ngô Văn Hùng');
select pg_temp.sign_up('province_admin_2', 'Đỗ Thị Mai');
insert into public.person_role (person_id, role) values
  (pg_temp.id('province_admin'), 'province_admin'),
  (pg_temp.id('province_admin_2'), 'province_admin');

-- ───────────── with two province admins ─────────────
select pg_temp.sign_in('province_admin');
select throws_ok($$ delete from public.person_role where role = 'province_admin' $$,
  '23514', 'the last province admin cannot be removed', 'both province admins cannot be removed at once');
select is((select count(*)::int from public.person_role where role = 'province_admin'), 2,
  'and both are still there');
select results_eq($$ delete from public.person_role where person_id = pg_temp.id('province_admin_2') returning role::text $$,
  array['province_admin'], 'one province admin removes the other');

-- ───────────── with one ─────────────
select throws_ok($$ delete from public.person_role where person_id = pg_temp.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin cannot step down');

reset role;
select throws_ok($$ delete from public.person_role where role = 'province_admin' $$,
  '23514', 'the last province admin cannot be removed', 'not even the service removes the last province admin');
select throws_ok($$ delete from auth.users where id = pg_temp.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin''s account cannot be deleted');
select throws_ok($$ delete from public.profile where id = pg_temp.id('province_admin') $$,
  '23514', 'the last province admin cannot be removed', 'the last province admin''s profile cannot be deleted');
select is((select count(*)::int from public.person_role where role = 'province_admin'), 1,
  'the last province admin is still there');

-- ───────────── handing over ─────────────
select pg_temp.sign_in('province_admin');
select lives_ok($$ insert into public.person_role (person_id, role) values (pg_temp.id('province_admin_2'), 'province_admin') $$,
  'the last province admin names a successor');
select results_eq($$ delete from public.person_role where person_id = pg_temp.id('province_admin') returning role::text $$,
  array['province_admin'], 'and then steps down');
select pg_temp.sign_in('province_admin_2');
select results_eq($$ select person_id from public.person_role where role = 'province_admin' $$,
  array[pg_temp.id('province_admin_2')], 'the successor is the one province admin');

select * from finish();
rollback;
