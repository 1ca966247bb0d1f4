-- Sign-in throttling that an attacker cannot turn against the owner, replacing the lockout of
-- 20261126100200 (five wrong passwords locked the real owner out; thirty from one address locked every
-- account behind it). It follows the OWASP Authentication Cheat Sheet's "device cookie" pattern:
--   • a browser that signed in to an account holds a device token for it; its attempts on that account are
--     never slowed by anyone else's failures, and it has a small budget of failures of its own, so a stolen
--     token cannot guess passwords;
--   • any other client waits between attempts on an account, longer as the account's failures from such
--     clients grow (the first three free, then 1 s, 2 s, 4 s … at most 15 minutes): slowed, never locked;
--   • failed sign-ins and registrations from one address and from its network (/24, /64) spend hourly budgets
--     sized for a whole agency or commune hall behind one NAT.
-- All of it lives here so that it holds across server processes. Nothing in local_auth is granted to the
-- API roles; every function takes `at` (default now()) so the tests can move the clock.

drop function local_auth.locked_until(text[]);
drop function local_auth.record_failure(text[]);
drop function local_auth.clear_failures(text);
drop table local_auth.throttle;

-- ───────────────────────────── device ─────────────────────────────
create table local_auth.device (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  failures integer not null default 0 check (failures >= 0)
);
comment on table local_auth.device is
  'A browser that signed in to an account (OWASP''s device cookie). Only the SHA-256 of the random cookie '
  'token is kept. failures counts wrong passwords since its last success; at the budget the token is spent.';
create index device_user_idx on local_auth.device (user_id, last_used_at desc);
create index device_expires_idx on local_auth.device (expires_at);
alter table local_auth.device enable row level security;

-- ───────────────────────────── account_throttle ─────────────────────────────
create table local_auth.account_throttle (
  account_key text primary key,
  failures integer not null default 0 check (failures >= 0),
  last_attempt_at timestamptz not null
);
comment on table local_auth.account_throttle is
  'Failed attempts on one account from clients without its device token: account:<user id>, or '
  'identifier:<identifier> for an account that does not exist (so both answer alike). Forgotten after a '
  'quiet day, and cleared when such a client gives the right password.';
create index account_throttle_last_attempt_idx on local_auth.account_throttle (last_attempt_at);
alter table local_auth.account_throttle enable row level security;

-- ───────────────────────────── address_budget ─────────────────────────────
create table local_auth.address_budget (
  key text primary key,
  used integer not null default 0 check (used >= 0),
  window_started_at timestamptz not null
);
comment on table local_auth.address_budget is
  'How much of an hourly budget an address or its network has used: <purpose>:address:<ip> or '
  '<purpose>:network:<cidr>, purpose sign_in (failed sign-ins) or register (registrations).';
create index address_budget_window_idx on local_auth.address_budget (window_started_at);
alter table local_auth.address_budget enable row level security;

-- ───────────────────────────── rules ─────────────────────────────

-- How long an untrusted client waits after an account's n-th failure: the first three are free (typing
-- mistakes), then 1 s doubling to at most 15 minutes. Capped before the power so it cannot overflow.
create function local_auth.delay_after(failures integer) returns interval
language sql immutable set search_path = '' as $$
  select case when failures < 3 then interval '0'
    else least(interval '15 minutes', make_interval(secs => power(2, least(failures - 3, 20)))) end;
$$;

-- The budget keys of an address and of its network (/24 for IPv4, /64 for IPv6) for one purpose; none
-- when the address is unknown.
create function local_auth.address_keys(purpose text, address inet) returns text[]
language sql immutable set search_path = '' as $$
  select case when address is null then '{}'::text[] else array[
    purpose || ':address:' || host(address),
    purpose || ':network:' || network(set_masklen(address, case family(address) when 4 then 24 else 64 end))::text
  ] end;
$$;

-- Takes one from each key's budget (limits[i] per window for keys[i]) when every key has some left, and
-- returns null; otherwise takes nothing and returns the seconds until the spent budget starts again.
create function local_auth.take_budget(keys text[], limits integer[], window_length interval, at timestamptz)
returns integer
language plpgsql set search_path = '' as $$
declare
  wait_until timestamptz;
begin
  -- A few long-quiet rows go each time, so the table stays small without a scheduled job.
  delete from local_auth.address_budget b where b.key in (
    select s.key from local_auth.address_budget s where s.window_started_at < at - interval '1 day'
    limit 10 for update skip locked);
  -- Rows are created and locked in key order, so concurrent requests cannot deadlock.
  insert into local_auth.address_budget (key, used, window_started_at)
  select k, 0, at from unnest(keys) k order by k
  on conflict (key) do nothing;
  perform 1 from local_auth.address_budget b where b.key = any (keys) order by b.key for update;
  update local_auth.address_budget b set used = 0, window_started_at = at
  where b.key = any (keys) and b.window_started_at <= at - window_length;

  select max(b.window_started_at + window_length) into wait_until
  from local_auth.address_budget b join unnest(keys, limits) as l (key, most) on l.key = b.key
  where b.used >= l.most;
  if wait_until is not null then
    return greatest(1, ceil(extract(epoch from wait_until - at)))::integer;
  end if;
  update local_auth.address_budget b set used = b.used + 1 where b.key = any (keys);
  return null;
end;
$$;

-- Gives back what take_budget took (an attempt that turned out to be a success).
create function local_auth.give_back(keys text[]) returns void
language sql set search_path = '' as $$
  update local_auth.address_budget b set used = greatest(b.used - 1, 0) where b.key = any (keys);
$$;

-- ───────────────────────────── devices ─────────────────────────────

-- The device among the presented token hashes that is valid for this account, or null.
create function local_auth.find_device(account_id uuid, token_hashes bytea[], at timestamptz default now())
returns uuid
language sql stable set search_path = '' as $$
  select d.id from local_auth.device d
  where d.user_id = account_id and d.token_hash = any (token_hashes) and d.expires_at > at
  order by d.last_used_at desc limit 1;
$$;

-- Remembers a browser that has just signed in to (or registered) an account. A token lasts 180 days from
-- its last successful sign-in; an account keeps its 10 most recently used, so a flood of sign-ins cannot
-- fill the table, and expired tokens are forgotten.
create function local_auth.add_device(account_id uuid, token_hash bytea, at timestamptz default now())
returns uuid
language plpgsql set search_path = '' as $$
declare
  new_id uuid;
begin
  insert into local_auth.device (user_id, token_hash, created_at, last_used_at, expires_at)
  values (account_id, token_hash, at, at, at + interval '180 days')
  returning id into new_id;
  delete from local_auth.device d
  where d.user_id = account_id and d.id in (
    select o.id from local_auth.device o where o.user_id = account_id
    order by o.last_used_at desc, o.created_at desc offset 10);
  delete from local_auth.device d where d.id in (
    select e.id from local_auth.device e where e.expires_at <= at limit 10 for update skip locked);
  return new_id;
end;
$$;

-- ───────────────────────────── sign-in attempts ─────────────────────────────

-- Whether an attempt on an account (a sign-in, or the current password on the password form) may go
-- ahead. A client with a valid device token for the account (device_id, from find_device) spends that
-- device's own budget of 10; when it is spent the token is forgotten and the client is treated like any
-- other. Any other client must have waited out the account's delay, and spends its address's and network's
-- hourly budgets of failures (100 and 300: a NAT shared by hundreds of people). An attempt that goes ahead
-- is counted as a failure at once, so parallel attempts cannot slip between the check and the count;
-- attempt_succeeded takes it back. Returns the seconds to wait (and counts nothing), or null; and whether
-- the device was trusted.
create function local_auth.begin_attempt(account text, device_id uuid, address inet, at timestamptz default now())
returns table (wait_seconds integer, trusted boolean)
language plpgsql set search_path = '' as $$
declare
  device_budget constant integer := 10;
  counter local_auth.account_throttle;
  wait interval;
  budget_wait integer;
begin
  if device_id is not null then
    update local_auth.device d set failures = d.failures + 1
    where d.id = device_id and d.expires_at > at and d.failures < device_budget;
    if found then
      return query select null::integer, true;
      return;
    end if;
    delete from local_auth.device d where d.id = device_id and d.failures >= device_budget;
  end if;

  delete from local_auth.account_throttle t where t.account_key in (
    select s.account_key from local_auth.account_throttle s where s.last_attempt_at < at - interval '1 day'
    limit 10 for update skip locked);
  insert into local_auth.account_throttle (account_key, failures, last_attempt_at) values (account, 0, at)
  on conflict (account_key) do nothing;
  select * into counter from local_auth.account_throttle t where t.account_key = account for update;
  if counter.last_attempt_at <= at - interval '1 day' then
    counter.failures := 0;
  end if;

  wait := counter.last_attempt_at + local_auth.delay_after(counter.failures) - at;
  if wait > interval '0' then
    return query select greatest(1, ceil(extract(epoch from wait)))::integer, false;
    return;
  end if;
  budget_wait := local_auth.take_budget(local_auth.address_keys('sign_in', address), array[100, 300], interval '1 hour', at);
  if budget_wait is not null then
    return query select budget_wait, false;
    return;
  end if;
  update local_auth.account_throttle t set failures = counter.failures + 1, last_attempt_at = at
  where t.account_key = account;
  return query select null::integer, false;
end;
$$;

-- The right password after begin_attempt: a trusted device (device_id) gets its budget back and its token
-- another 180 days; an untrusted client (device_id null) has proved it knows the password, so the account's
-- delays are cleared and its address's budgets get the attempt back.
create function local_auth.attempt_succeeded(account text, device_id uuid, address inet, at timestamptz default now())
returns void
language plpgsql set search_path = '' as $$
begin
  if device_id is not null then
    update local_auth.device d set failures = 0, last_used_at = at, expires_at = at + interval '180 days'
    where d.id = device_id;
  else
    delete from local_auth.account_throttle t where t.account_key = account;
    perform local_auth.give_back(local_auth.address_keys('sign_in', address));
  end if;
end;
$$;

-- ───────────────────────────── registrations ─────────────────────────────

-- Whether a registration from this address may go ahead: per_address per hour from one address, per_network
-- from its network (the server passes the configured limits). Every attempt that reaches the database
-- counts, "account exists" answers included, which is what limits enumeration through this form.
-- Returns the seconds to wait, or null.
create function local_auth.begin_registration(address inet, per_address integer default 20,
  per_network integer default 100, at timestamptz default now())
returns integer
language sql set search_path = '' as $$
  select local_auth.take_budget(local_auth.address_keys('register', address), array[per_address, per_network],
    interval '1 hour', at);
$$;

revoke all on all tables in schema local_auth from public, anon, authenticated;
revoke all on all functions in schema local_auth from public, anon, authenticated;
