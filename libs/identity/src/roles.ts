/** DESIGN §5 roles. The last three read; they never command. */
export const ROLES = [
  'platform-admin',
  'partnership-admin',
  'agency-lead',
  'board-member',
  'scrutineer',
  'auditor',
  'inspector',
  'analyst',
] as const;
export type Role = (typeof ROLES)[number];

export const READ_ONLY_ROLES: readonly Role[] = ['auditor', 'inspector', 'analyst'];
/** Roles that may run some command inside a partnership; which ones is the matrix in permissions.ts. */
export const WRITER_ROLES: readonly Role[] = ['platform-admin', 'partnership-admin', 'agency-lead', 'board-member', 'scrutineer'];
/** Roles that may change a partnership's own set-up (agencies, subgroups, themes). */
export const ADMIN_ROLES: readonly Role[] = ['platform-admin', 'partnership-admin'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
