// Chooses the auth provider for this deployment. Only `local` exists so far; a `supabase` provider
// implementing the same AuthProvider interface plugs in here.
import { localAuth } from './local.ts';
import type { AuthProvider } from './provider.ts';

export { AuthError } from './provider.ts';
export type { AuthProvider, RequestContext, Session, SessionUser, RoleGrant } from './provider.ts';
export { isCommonPassword } from './passwords.ts';

export const auth: AuthProvider = localAuth;
