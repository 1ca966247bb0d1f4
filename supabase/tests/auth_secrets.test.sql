-- Accounts and the local auth provider's secrets (auth.users, local_auth.credential, session, throttle and
-- its functions) are the service's alone: anonymous, signed-in people (a province admin included) and the
-- service_role API key can neither read nor write them.
begin;
create extension if not exists pgtap with schema extensions;
select plan(155);

-- ───────────── personas ─────────────
-- The standard personas and their roles: see tests.create_personas in 00000-setup-test-helpers.sql.
select tests.create_personas();

-- ───────────── the service keeps the secrets ─────────────
select lives_ok($$ insert into local_auth.credential (user_id, password_hash) values (tests.id('citizen_a'), '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA') $$,
  'the service stores a password hash');
select lives_ok($$ insert into local_auth.session (user_id, token_hash, expires_at) values (tests.id('citizen_a'), sha256('token'), now() + interval '30 days') $$,
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
  ('add a password hash', $s$insert into local_auth.credential (user_id, password_hash) values (tests.id('citizen_a'), 'x')$s$),
  ('change a password hash', $s$update local_auth.credential set password_hash = 'x'$s$),
  ('delete password hashes', 'delete from local_auth.credential'),
  ('read sessions', 'select * from local_auth.session'),
  ('add a session', $s$insert into local_auth.session (user_id, token_hash, expires_at) values (tests.id('citizen_a'), '\x00', 'infinity')$s$),
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

select tests.sign_in_anonymously();
select throws_ok(statement, '42501', null, 'anonymous cannot ' || what) from pg_temp.ways_in();

create function pg_temp.cannot_touch_secrets(persona text) returns setof text language plpgsql as $$
begin
  perform tests.sign_in(persona);
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
select tests.sign_out();
select results_eq($$ select (select count(*)::int from auth.users), (select count(*)::int from local_auth.credential),
                            (select count(*)::int from local_auth.session), (select count(*)::int from local_auth.throttle) $$,
  $$ values (9, 1, 1, 1) $$, 'no refused statement changed an account or a secret');
select isnt(local_auth.locked_until(array['account:citizen_a@example.vn']), null, 'the locked account is still locked');

select * from finish();
rollback;
