-- Accounts and the local auth provider's secrets (auth.users, local_auth.credential, session, throttle and
-- its functions) are the service's alone: anonymous, signed-in people (a province admin included) and the
-- service_role API key can neither read nor write them.
begin;
create extension if not exists pgtap with schema extensions;
select plan(155);

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

-- Commune A is Phường Nha Trang, with a village; commune B is Phường Phan Rang; the official works for
-- the province's Sở Khoa học và Công nghệ and lives in commune B.
insert into public.unit (code, name, kind, parent_id, valid_from) values
  ('22366-TDP01', 'Tổ dân phố Xương Huân 1', 'village', pg_temp.unit('22366'), '2025-07-01'),
  ('SKHCN', 'Sở Khoa học và Công nghệ', 'agency', pg_temp.unit('56'), '2025-07-01');
select pg_temp.sign_up('citizen_a', 'Nguyễn Thị Lan', pg_temp.unit('22366'));
select pg_temp.sign_up('villager_a', 'Trần Văn Minh', pg_temp.unit('22366-TDP01'));
select pg_temp.sign_up('citizen_b', 'Lê Thị Hoa', pg_temp.unit('22759'));
select pg_temp.sign_up('official', 'Phạm Quốc Tuấn', pg_temp.unit('22759'));
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

-- ───────────── the service keeps the secrets ─────────────
select lives_ok($$ insert into local_auth.credential (user_id, password_hash) values (pg_temp.id('citizen_a'), '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA') $$,
  'the service stores a password hash');
select lives_ok($$ insert into local_auth.session (user_id, token_hash, expires_at) values (pg_temp.id('citizen_a'), sha256('token'), now() + interval '30 days') $$,
  'the service stores a session');
select is((select count(*)::int from local_auth.credential c join local_auth.session s using (user_id) join auth.users u on u.id = c.user_id), 1,
  'the service reads accounts, credentials and sessions');
select is((select max(local_auth.record_failure(array['account:citizen_a@example.vn'])) from generate_series(1, 4)), null,
  'four failed sign-ins in a row do not lock an account');
select isnt(local_auth.record_failure(array['account:citizen_a@example.vn']), null,
  'the fifth does');

-- ───────────── every way in is refused to everyone else ─────────────
create function pg_temp.ways_in() returns table (what text, statement text) language sql as $$ values
  ('read accounts', 'select * from auth.users'),
  ('add an account', $s$insert into auth.users (email) values ('ke.gian@example.vn')$s$),
  ('change an account', $s$update auth.users set email = 'ke.gian@example.vn'$s$),
  ('delete accounts', 'delete from auth.users'),
  ('read password hashes', 'select * from local_auth.credential'),
  ('add a password hash', $s$insert into local_auth.credential (user_id, password_hash) values (pg_temp.id('citizen_a'), 'x')$s$),
  ('change a password hash', $s$update local_auth.credential set password_hash = 'x'$s$),
  ('delete password hashes', 'delete from local_auth.credential'),
  ('read sessions', 'select * from local_auth.session'),
  ('add a session', $s$insert into local_auth.session (user_id, token_hash, expires_at) values (pg_temp.id('citizen_a'), '\x00', 'infinity')$s$),
  ('extend a session', $s$update local_auth.session set expires_at = 'infinity'$s$),
  ('delete sessions', 'delete from local_auth.session'),
  ('read the sign-in throttle', 'select * from local_auth.throttle'),
  ('add to the sign-in throttle', $s$insert into local_auth.throttle (key) values ('account:x')$s$),
  ('unlock an account', 'update local_auth.throttle set locked_until = null'),
  ('clear the sign-in throttle', 'delete from local_auth.throttle'),
  ('ask whether an account is locked', $s$select local_auth.locked_until(array['account:citizen_a@example.vn'])$s$),
  ('record a failed sign-in', $s$select local_auth.record_failure(array['account:citizen_a@example.vn'])$s$),
  ('clear an account''s failures', $s$select local_auth.clear_failures('account:citizen_a@example.vn')$s$)
$$;

select pg_temp.sign_in_anonymously();
select throws_ok(statement, '42501', null, 'anonymous cannot ' || what) from pg_temp.ways_in();

create function pg_temp.cannot_touch_secrets(persona text) returns setof text language plpgsql as $$
begin
  perform pg_temp.sign_in(persona);
  return query select throws_ok(statement, '42501', null, persona || ' cannot ' || what) from pg_temp.ways_in();
end
$$;
select pg_temp.cannot_touch_secrets(persona)
from unnest(array['citizen_a', 'official', 'organizer_a', 'team_member_a', 'admin_a', 'province_admin']) as persona;

-- auth.users belongs to Supabase Auth on a Supabase project, so only local_auth is asserted here.
set local role service_role;
select throws_ok(statement, '42501', null, 'the service_role API key cannot ' || what)
from pg_temp.ways_in() where statement not like '%auth.users%';

-- ───────────── afterwards, as the service ─────────────
reset role;
select results_eq($$ select (select count(*)::int from auth.users), (select count(*)::int from local_auth.credential),
                            (select count(*)::int from local_auth.session), (select count(*)::int from local_auth.throttle) $$,
  $$ values (9, 1, 1, 1) $$, 'no refused statement changed an account or a secret');
select isnt(local_auth.locked_until(array['account:citizen_a@example.vn']), null, 'the locked account is still locked');

select * from finish();
rollback;
