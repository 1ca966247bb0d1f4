-- The local auth provider's secrets: password hashes, sessions (token hashes only) and the sign-in
-- throttle. The schema is not granted to any API role, and RLS without policies is a second lock:
-- only the service connection (the table owner) reads or writes here.

create schema if not exists local_auth;
comment on schema local_auth is 'Secrets of the local auth provider; never granted to anon or authenticated.';
revoke all on schema local_auth from public;

-- ───────────────────────────── credential ─────────────────────────────
create table local_auth.credential (
  user_id uuid primary key references auth.users (id) on delete cascade,
  password_hash text not null,
  updated_at timestamptz not null default now()
);
comment on table local_auth.credential is 'An argon2id password hash per local account.';
alter table local_auth.credential enable row level security;

-- ───────────────────────────── session ─────────────────────────────
create table local_auth.session (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  token_hash bytea not null unique,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text check (char_length(user_agent) <= 500),
  ip inet
);
comment on table local_auth.session is
  'A signed-in browser. Only the SHA-256 of the random cookie token is kept; expires_at slides on use.';
create index session_user_idx on local_auth.session (user_id);
create index session_expires_idx on local_auth.session (expires_at);
alter table local_auth.session enable row level security;

-- ───────────────────────────── throttle ─────────────────────────────
create table local_auth.throttle (
  key text primary key,
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  locked_until timestamptz
);
comment on table local_auth.throttle is
  'Failed sign-ins per key (account:<identifier> or address:<ip>) in the current window. Kept in the '
  'database so that the limit holds across server processes.';
alter table local_auth.throttle enable row level security;

-- The latest time until which any of the keys is locked, or null when none is.
create function local_auth.locked_until(keys text[]) returns timestamptz
language sql stable set search_path = '' as $$
  select max(t.locked_until) from local_auth.throttle t
  where t.key = any (keys) and t.locked_until > now();
$$;

-- Counts one failure against each key; a key with too many failures in its window is locked.
-- Limits: (key prefix, failures allowed per window, window and lock length).
create function local_auth.record_failure(keys text[]) returns timestamptz
language plpgsql set search_path = '' as $$
declare
  k text;
  max_failures integer;
  window_length constant interval := interval '15 minutes';
begin
  foreach k in array keys loop
    max_failures := case when k like 'address:%' then 30 else 5 end;
    insert into local_auth.throttle as t (key, failures, window_started_at)
    values (k, 1, now())
    on conflict (key) do update
      set failures = case when t.window_started_at < now() - window_length then 1 else t.failures + 1 end,
          window_started_at = case when t.window_started_at < now() - window_length then now() else t.window_started_at end;
    update local_auth.throttle t
      set locked_until = now() + window_length
      where t.key = k and t.failures >= max_failures;
  end loop;
  return local_auth.locked_until(keys);
end;
$$;

-- A successful sign-in clears the account's counter (the address keeps its own).
create function local_auth.clear_failures(account_key text) returns void
language sql set search_path = '' as $$
  delete from local_auth.throttle where key = account_key;
$$;

revoke all on all tables in schema local_auth from public, anon, authenticated;
revoke all on all functions in schema local_auth from public, anon, authenticated;
