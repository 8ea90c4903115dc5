import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { OperationName } from '@ledger/identity';

export const PUBLIC_ROUTE = 'ledger:public';
export const OPERATION = 'ledger:operation';
/** The OpenAPI extension naming a route's operation of the role matrix (docs/roles.md). */
export const OPERATION_EXTENSION = 'x-ledger-operation';

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/**
 * The route is this operation of the role matrix (libs/identity/src/permissions.ts): the guard
 * enforces the matrix's roles and scope, and the OpenAPI document shows it as `x-ledger-operation`.
 */
export const Permit = (operation: OperationName) =>
  applyDecorators(SetMetadata(OPERATION, operation), ApiExtension(OPERATION_EXTENSION, operation));
