/** What tests and docs need from the API's access control. */
export { OPERATION_EXTENSION, Permit } from './access.decorators';
export { declaredOperation, ROUTE_OPERATIONS, routeKey } from './route-operations';
export { REFUSAL_LOG_PREFIX, type Refusal, type RefusalReason } from './refusal-log';
