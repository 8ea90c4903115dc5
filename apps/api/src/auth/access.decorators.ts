import { SetMetadata } from '@nestjs/common';
import type { Role } from '@ledger/identity';

export const PUBLIC_ROUTE = 'ledger:public';
export const ALLOWED_ROLES = 'ledger:roles';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Only these roles may call the route; routes without it are readable by every role. */
export const AllowRoles = (...roles: readonly Role[]) => SetMetadata(ALLOWED_ROLES, roles);
