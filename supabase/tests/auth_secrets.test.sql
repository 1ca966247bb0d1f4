-- Accounts and the local auth provider's secrets (auth.users, local_auth: credentials, sessions, device
-- tokens, the sign-in and registration throttles and their functions) are the service's alone: anonymous,
-- signed-in people (a province admin included) and the service_role API key can neither read nor write them.
-- And the throttle itself, on a test clock: nobody can lock an owner out (a browser that signed in before is
-- never slowed by others' failures), an untrusted client waits longer after each failure, and addresses and
-- networks have hourly budgets sized for a NAT shared by a whole agency.
begin;
create extension if not exists pgtap with schema extensions;
select plan(298);

-- ───────────── personas ─────────────
-- The standard personas and their roles: see tests.create_personas in 00000-setup-test-helpers.sql.
select tests.create_personas();

-- The test clock: t(s) is s seconds after 9:00 on a December morning.
create function pg_temp.t(seconds numeric default 0) returns timestamptz language sql immutable
  as $$ select timestamptz '2026-12-08 09:00:00+07' + make_interval(secs => seconds) $$;
create function pg_temp.account(persona text) returns text language sql immutable
  as $$ select 'account:' || tests.id(persona) $$;
-- One sign-in attempt at t(seconds): the seconds to wait, or null when it goes ahead (and counts as a failure).
create function pg_temp.wait(account text, address inet, seconds numeric, device uuid default null) returns integer
  language sql as $$ select wait_seconds from local_auth.begin_attempt(account, device, address, pg_temp.t(seconds)) $$;
-- n attempts at the same moment, one per account account_prefix || i: what each was told.
create function pg_temp.spray(account_prefix text, n integer, address inet, seconds numeric) returns integer[]
  language plpgsql as $$
  declare waits integer[] := '{}';
  begin
    for i in 1..n loop waits := waits || pg_temp.wait(account_prefix || i, address, seconds); end loop;
    return waits;
  end $$;
create function pg_temp.registrations(n integer, address inet, seconds numeric, per_address integer default 20,
  per_network integer default 100) returns integer[] language plpgsql as $$
  declare waits integer[] := '{}';
  begin
    for i in 1..n loop
      waits := waits || local_auth.begin_registration(address, per_address, per_network, pg_temp.t(seconds));
    end loop;
    return waits;
  end $$;
create function pg_temp.nulls(n integer) returns integer[] language sql immutable
  as $$ select array_fill(null::integer, array[n]) $$;

-- ───────────── the service keeps the secrets ─────────────
select lives_ok($$ insert into local_auth.credential (user_id, password_hash) values (tests.id('citizen_a'), '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA') $$,
  'the service stores a password hash');
select lives_ok($$ insert into local_auth.session (user_id, token_hash, expires_at) values (tests.id('citizen_a'), sha256('token'), now() + interval '30 days') $$,
  'the service stores a session');
select is((select count(*)::int from local_auth.credential c join local_auth.session s using (user_id) join auth.users u on u.id = c.user_id), 1,
  'the service reads accounts, credentials and sessions');

-- ───────────── an untrusted client is slowed, never locked out ─────────────
select is(array(select extract(epoch from local_auth.delay_after(n))::int
                from unnest(array[0, 1, 2, 3, 4, 5, 12, 13, 14, 1000]) with ordinality as f (n, i) order by i),
  array[0, 0, 0, 1, 2, 4, 512, 900, 900, 900],
  'after each failure an untrusted client waits: nothing for three, then 1 s, 2 s, 4 s … never more than 15 minutes');

select is(array[pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 0), pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 0),
                pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 0)], pg_temp.nulls(3),
  'three wrong passwords in a row go ahead at once');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.2', 0), 1,
  'the fourth attempt on the account, from any untrusted client, must wait a second');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 1), null, 'a second later it goes ahead');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 1), 2, 'the next one must wait 2 s');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 2), 1, 'a second later, 1 s more');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 3), null,
  'refused attempts do not count: once the 2 s are over the attempt goes ahead');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 3), 4, 'and the next waits 4 s');
select is((select failures from local_auth.account_throttle where account_key = pg_temp.account('citizen_a')), 5,
  'five attempts went ahead, and each counts as a failure');

update local_auth.account_throttle set failures = 40, last_attempt_at = pg_temp.t(100) where account_key = pg_temp.account('citizen_a');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 100), 900,
  'after forty failures an untrusted client waits 15 minutes, no longer');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 1000), null, '… and then it may try again: slowed, not locked');

select is(array[pg_temp.wait('identifier:nobody@example.vn', '198.51.100.1', 0), pg_temp.wait('identifier:nobody@example.vn', '198.51.100.1', 0),
                pg_temp.wait('identifier:nobody@example.vn', '198.51.100.1', 0), pg_temp.wait('identifier:nobody@example.vn', '198.51.100.1', 0)],
  array[null, null, null, 1],
  'an identifier without an account is slowed exactly alike, so the delays do not tell which accounts exist');

insert into local_auth.account_throttle (account_key, failures, last_attempt_at) values (pg_temp.account('citizen_b'), 40, pg_temp.t(0))
  on conflict (account_key) do update set failures = 40, last_attempt_at = pg_temp.t(0);
select is(pg_temp.wait(pg_temp.account('citizen_b'), '198.51.100.1', 86400), null,
  'failures are forgotten after a quiet day');
select is(pg_temp.wait(pg_temp.account('citizen_b'), '198.51.100.1', 86400), null, '… and counting starts again from one');

-- citizen_a's account is at 41 failures and waits 15 minutes from t(1000); the right password from an
-- untrusted client proves it knows it, and clears the delays.
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 1900), null, 'the owner, on a new phone, waits out the delay');
select lives_ok($$ select local_auth.attempt_succeeded(pg_temp.account('citizen_a'), null, '198.51.100.1', pg_temp.t(1900)) $$,
  'and gives the right password');
select is(pg_temp.wait(pg_temp.account('citizen_a'), '198.51.100.1', 1900), null, 'a right password clears the account''s delays');

-- ───────────── a browser that signed in before is never slowed by others ─────────────
select isnt(local_auth.add_device(tests.id('official'), sha256('official''s phone'), pg_temp.t(0)), null,
  'a browser that signed in is remembered by the hash of its device token');
select is(local_auth.find_device(tests.id('official'), array[sha256('someone else'), sha256('official''s phone')], pg_temp.t(10)),
  (select id from local_auth.device where token_hash = sha256('official''s phone')),
  'the token is recognised among the ones the browser presents');
select is(local_auth.find_device(tests.id('citizen_b'), array[sha256('official''s phone')], pg_temp.t(10)), null,
  'it is worth nothing for another account');
select is(local_auth.find_device(tests.id('official'), array[sha256('official''s phone')], pg_temp.t(0) + interval '181 days'), null,
  'it expires 180 days after its last sign-in');

-- An attacker hammers the official's account until it is at 15 minutes a try.
insert into local_auth.account_throttle (account_key, failures, last_attempt_at) values (pg_temp.account('official'), 30, pg_temp.t(10));
select is(pg_temp.wait(pg_temp.account('official'), '192.0.2.66', 20), 890, 'the attacker waits 15 minutes a try');
select results_eq($$ select * from local_auth.begin_attempt(pg_temp.account('official'),
                       local_auth.find_device(tests.id('official'), array[sha256('official''s phone')], pg_temp.t(20)), '198.51.100.7', pg_temp.t(20)) $$,
  $$ values (null::integer, true) $$,
  'meanwhile the official''s own phone goes ahead at once');
select lives_ok($$ select local_auth.attempt_succeeded(pg_temp.account('official'),
                         (select id from local_auth.device where token_hash = sha256('official''s phone')), '198.51.100.7', pg_temp.t(20)) $$,
  'and signs in');
select is(pg_temp.wait(pg_temp.account('official'), '192.0.2.66', 21), 889,
  'the owner''s success from a trusted device does not clear the attacker''s delays');

-- A stolen device token cannot be used to guess: it has a budget of its own.
create function pg_temp.device_attempts(n integer, seconds numeric) returns boolean[] language plpgsql as $$
  declare trusted_each boolean[] := '{}';
  begin
    for i in 1..n loop
      trusted_each := trusted_each || (select a.trusted from local_auth.begin_attempt(pg_temp.account('official'),
        local_auth.find_device(tests.id('official'), array[sha256('official''s phone')], pg_temp.t(seconds)), null, pg_temp.t(seconds)) a);
    end loop;
    return trusted_each;
  end $$;
select is(pg_temp.device_attempts(10, 30), array_fill(true, array[10]), 'a device token allows ten wrong passwords …');
select is(pg_temp.device_attempts(1, 30), array[false], '… and the eleventh is treated like any stranger''s');
select is((select count(*)::int from local_auth.device where user_id = tests.id('official')), 0, 'the spent token is forgotten');

select lives_ok($$ select local_auth.add_device(tests.id('official'), sha256('official''s laptop'), pg_temp.t(40)) $$, 'the laptop signs in');
select lives_ok($$ select local_auth.begin_attempt(pg_temp.account('official'), (select id from local_auth.device where token_hash = sha256('official''s laptop')), null, pg_temp.t(41)) $$,
  'it mistypes once');
select lives_ok($$ select local_auth.begin_attempt(pg_temp.account('official'), (select id from local_auth.device where token_hash = sha256('official''s laptop')), null, pg_temp.t(42)) $$,
  'then gives the right password');
select lives_ok($$ select local_auth.attempt_succeeded(pg_temp.account('official'), (select id from local_auth.device where token_hash = sha256('official''s laptop')), null, pg_temp.t(42)) $$,
  'which is recorded');
select results_eq($$ select failures, expires_at from local_auth.device where token_hash = sha256('official''s laptop') $$,
  $$ values (0, pg_temp.t(42) + interval '180 days') $$,
  'a success gives the device its whole budget back and another 180 days');

select lives_ok($$ select local_auth.add_device(tests.id('organizer_a'), sha256(convert_to('browser ' || i, 'UTF8')), pg_temp.t(i)) from generate_series(1, 12) i $$,
  'twelve browsers sign in to one account');
select is(array(select d.created_at from local_auth.device d where d.user_id = tests.id('organizer_a') order by d.created_at),
  array(select pg_temp.t(i) from generate_series(3, 12) i),
  'an account keeps its ten most recently used device tokens');

-- ───────────── budgets of an address and of its network, sized for a shared NAT ─────────────
select is(local_auth.address_keys('sign_in', '203.0.113.9'), array['sign_in:address:203.0.113.9', 'sign_in:network:203.0.113.0/24'],
  'an IPv4 address shares a budget with its /24');
select is(local_auth.address_keys('register', '2001:db8:1:2:3:4:5:6'), array['register:address:2001:db8:1:2:3:4:5:6', 'register:network:2001:db8:1:2::/64'],
  'an IPv6 address with its /64');
select is(local_auth.address_keys('sign_in', null), '{}'::text[], 'an unknown address has no budget to spend');

select is(pg_temp.spray('account:agency-', 40, '203.0.113.9', 0), pg_temp.nulls(40),
  'forty people behind one agency address each mistype their password once');
select is(pg_temp.wait(pg_temp.account('villager_a'), '203.0.113.9', 0), null, 'the forty-first signs in from the same address');
select lives_ok($$ select local_auth.attempt_succeeded(pg_temp.account('villager_a'), null, '203.0.113.9', pg_temp.t(0)) $$,
  'a success gives its attempt back to the address');
select is(pg_temp.spray('account:agency-late-', 60, '203.0.113.9', 60), pg_temp.nulls(60), 'a hundred failures an hour are allowed …');
select is(pg_temp.wait(pg_temp.account('team_member_a'), '203.0.113.9', 600), 3000,
  '… then the address waits until its hour is over');
select is(pg_temp.spray('account:next-door-', 100, '203.0.113.10', 600) || pg_temp.spray('account:next-door-but-one-', 100, '203.0.113.11', 600),
  pg_temp.nulls(200), 'each other address in the network has its own hundred …');
select is(pg_temp.wait(pg_temp.account('team_member_a'), '203.0.113.12', 600), 3000,
  '… but the /24 stops at three hundred an hour');
select is(pg_temp.wait(pg_temp.account('team_member_a'), '203.0.114.9', 600), null, 'another network is not affected');
select results_eq($$ select * from local_auth.begin_attempt(pg_temp.account('official'),
                       local_auth.find_device(tests.id('official'), array[sha256('official''s laptop')], pg_temp.t(600)), '203.0.113.9', pg_temp.t(600)) $$,
  $$ values (null::integer, true) $$,
  'a browser with a device token goes ahead from a spent address');
select is(pg_temp.wait(pg_temp.account('team_member_a'), '203.0.113.9', 3600), null, 'an hour later the address may try again');
select is(pg_temp.wait(pg_temp.account('admin_b'), null, 600), null, 'an unknown address spends no budget (the account''s delay still applies)');

-- ───────────── registrations ─────────────
select is(pg_temp.registrations(20, '198.51.100.20', 0), pg_temp.nulls(20), 'twenty registrations an hour from one address go ahead …');
select is(local_auth.begin_registration('198.51.100.20', 20, 100, pg_temp.t(60)), 3540, '… the twenty-first waits for the hour to end');
select is(local_auth.begin_registration('198.51.100.21', 20, 100, pg_temp.t(60)), null, 'another address of the network still registers');
select is(local_auth.begin_registration('198.51.100.20', 20, 100, pg_temp.t(3600)), null, 'an hour later the first address registers again');
select is(pg_temp.registrations(3, '192.0.2.30', 0, 2, 3), array[null, null, 3600],
  'the server passes the configured limits per address …');
select is(array[local_auth.begin_registration('192.0.2.31', 2, 3, pg_temp.t(0)), local_auth.begin_registration('192.0.2.32', 2, 3, pg_temp.t(0))],
  array[null, 3600], '… and per network');
select is(array[local_auth.begin_registration('2001:db8:5:6::1', 1, 2, pg_temp.t(0)), local_auth.begin_registration('2001:db8:5:6::2', 1, 2, pg_temp.t(0)),
                local_auth.begin_registration('2001:db8:5:6:ffff::3', 1, 2, pg_temp.t(0)), local_auth.begin_registration('2001:db8:5:7::1', 1, 2, pg_temp.t(0))],
  array[null, null, 3600, null], 'IPv6 addresses of one /64 share its budget; the next /64 has its own');

-- ───────────── every way in is refused to everyone else ─────────────
create temp table secrets_before as
select (select count(*)::int from auth.users) as accounts, (select count(*)::int from local_auth.credential) as credentials,
       (select count(*)::int from local_auth.session) as sessions, (select count(*)::int from local_auth.device) as devices,
       (select sum(failures)::int from local_auth.account_throttle) as failures, (select sum(used)::int from local_auth.address_budget) as used;
select is(array(select p.oid::regprocedure::text from pg_proc p
                where p.pronamespace = 'local_auth'::regnamespace
                  and (has_function_privilege('anon', p.oid, 'execute') or has_function_privilege('authenticated', p.oid, 'execute'))),
  '{}'::text[], 'no function of local_auth is executable by anon or authenticated');
select ok(not has_schema_privilege('anon', 'local_auth', 'usage') and not has_schema_privilege('authenticated', 'local_auth', 'usage'),
  'the schema itself is closed to anon and authenticated');

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
  ('read device tokens', 'select * from local_auth.device'),
  ('add a device token', $s$insert into local_auth.device (user_id, token_hash, expires_at) values (tests.id('citizen_a'), '\x00', 'infinity')$s$),
  ('refill a device''s budget', 'update local_auth.device set failures = 0'),
  ('read the sign-in throttle', 'select * from local_auth.account_throttle'),
  ('clear an account''s delays', 'delete from local_auth.account_throttle'),
  ('slow an account down', $s$insert into local_auth.account_throttle (account_key, failures, last_attempt_at) values ('account:x', 99, now())$s$),
  ('read the address budgets', 'select * from local_auth.address_budget'),
  ('refill an address''s budget', 'update local_auth.address_budget set used = 0'),
  ('spend an address''s budget', $s$insert into local_auth.address_budget (key, used, window_started_at) values ('register:address:192.0.2.1', 99, now())$s$),
  ('ask how long to wait', 'select local_auth.delay_after(5)'),
  ('name an address''s budgets', $s$select local_auth.address_keys('sign_in', '192.0.2.1')$s$),
  ('spend a budget', $s$select local_auth.take_budget(array['sign_in:address:192.0.2.1'], array[1], '1 hour', now())$s$),
  ('give a budget back', $s$select local_auth.give_back(array['sign_in:address:192.0.2.1'])$s$),
  ('look a device token up', $s$select local_auth.find_device(tests.id('citizen_a'), array['\x00'::bytea])$s$),
  ('make a browser trusted', $s$select local_auth.add_device(tests.id('citizen_a'), '\x00')$s$),
  ('start a sign-in attempt', $s$select local_auth.begin_attempt('account:x', null, '192.0.2.1')$s$),
  ('clear an account''s delays by a success', $s$select local_auth.attempt_succeeded('account:x', null, '192.0.2.1')$s$),
  ('start a registration', $s$select local_auth.begin_registration('192.0.2.1')$s$)
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
                            (select count(*)::int from local_auth.session), (select count(*)::int from local_auth.device),
                            (select sum(failures)::int from local_auth.account_throttle), (select sum(used)::int from local_auth.address_budget) $$,
  $$ select * from secrets_before $$, 'no refused statement changed an account or a secret');

select * from finish();
rollback;
