import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import {
  accessTo,
  CompositeTokenVerifier,
  IdentityProviderUnavailable,
  InvalidToken,
  isOperationName,
  type OperationName,
  type Principal,
} from '@ledger/identity';
import { InspectorGrantQueries } from '@ledger/partnership';
import { Clock } from '../core/clock';
import { problem } from '../http/problem-details';
import { OPERATION, PUBLIC_ROUTE } from './access.decorators';
import { PartnershipAccess } from './partnership-access';
import { PARTNERSHIP_EXISTENCE, type PartnershipExistence } from './partnership-existence';
import { RefusalLog, refusalOf, type RefusalReason } from './refusal-log';
import { ROUTE_OPERATIONS, routeKey } from './route-operations';
import { ScopeTargets } from './scope-targets';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

type Targets = [ReturnType<ExecutionContext['getHandler']>, ReturnType<ExecutionContext['getClass']>];

/** What a refusal is about: the request line and the operation of the role matrix. */
interface Attempt {
  readonly method: string;
  readonly path: string;
  readonly operation: OperationName | null;
  principal?: Principal;
}

/** A refusal on its way out: the HTTP answer, and the precise reason only the log is told. */
class Refused extends Error {
  constructor(
    readonly status: 401 | 403 | 404,
    readonly reason: RefusalReason,
    readonly answer: HttpException,
  ) {
    super(reason);
  }
}

/**
 * Global guard, in this order: a valid bearer token (401); the partnership in the path is one the
 * caller reaches (404, so a stranger learns nothing — inspectors only during a grant); the route's
 * operation of the role matrix admits one of the caller's roles (403 role-not-allowed), and, for a
 * role admitted only within a scope, the target is the caller's agency's (403 outside-agency-scope).
 * A route that names no operation is refused to everyone (403 operation-not-declared): fail closed.
 * Every refusal is written to the RefusalLog, with a reason more precise than the answer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');
  private readonly undeclared = new Set<string>();
  private readonly access: PartnershipAccess;
  private readonly targets: ScopeTargets;
  private readonly refusals = new RefusalLog();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: CompositeTokenVerifier,
    @Inject(PARTNERSHIP_EXISTENCE) partnerships: PartnershipExistence,
    dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.access = new PartnershipAccess(partnerships, new InspectorGrantQueries(dataSource));
    this.targets = new ScopeTargets(dataSource);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets: Targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const attempt: Attempt = { method: request.method, path: request.path, operation: this.operationOf(request, targets) };
    try {
      await this.admit(request, attempt);
      return true;
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      const { principal, ...what } = attempt;
      this.refusals.record(refusalOf(error.status, error.reason, principal, what));
      throw error.answer;
    }
  }

  private async admit(request: AuthenticatedRequest, attempt: Attempt): Promise<void> {
    const principal = await this.authenticate(request);
    const now = this.clock.now();
    attempt.principal = principal;
    request.principal = await this.access.effective(principal, now);

    const pid = request.params['pid'];
    const partnershipId = typeof pid === 'string' ? pid : undefined;
    if (partnershipId !== undefined) {
      const reach = await this.access.reach(principal, partnershipId, now);
      if (reach !== 'member') throw notFound(reach, `partnership ${partnershipId} was not found`);
    }
    if (attempt.operation === null) this.undeclaredRoute(request);
    await this.authorise(attempt.operation, principal, request, partnershipId ?? '', now);
  }

  private async authorise(operation: OperationName, principal: Principal, request: Request, partnershipId: string, now: Date) {
    const access = accessTo(operation, principal.roles);
    if (access.reach === 'any') return;
    if (access.reach === 'none') {
      throw forbidden(
        'role-not-allowed',
        `this operation (${operation}) is not open to the roles: ${principal.roles.join(', ') || 'none'}`,
      );
    }
    const agency = principal.agencyId;
    if (!agency) throw forbidden('agency-claim-required', `this operation (${operation}) needs the token's agency claim for your role`);
    const scopeRequest = { partnershipId, params: request.params, body: request.body as unknown, now };
    for (const scope of access.scopes) {
      const agencies = await this.targets.agenciesOf(scope, scopeRequest);
      if (agencies === 'unchecked') return;
      if (agencies === 'unknown') throw notFound('target-not-found', `the item named in ${request.path} was not found`);
      if (agencies.includes(agency)) return;
    }
    throw forbidden('outside-agency-scope', `this operation (${operation}) is open to your role only for your own agency's items`);
  }

  /** A route that names no operation of the matrix is refused to everyone (fail closed), and said so loudly. */
  private undeclaredRoute(request: AuthenticatedRequest): never {
    const route = request.route as { path?: unknown } | undefined;
    const key = typeof route?.path === 'string' ? routeKey(request.method, route.path) : `${request.method} ${request.path}`;
    if (!this.undeclared.has(key)) {
      this.undeclared.add(key);
      this.logger.error(`route ${key} declares no operation of the role matrix: add @Permit('<operation>') (docs/roles.md)`);
    }
    throw forbidden('operation-not-declared', `route ${key} declares no operation of the role matrix, so nobody may call it yet`);
  }

  private operationOf(request: Request, targets: Targets): OperationName | null {
    const declared = this.reflector.getAllAndOverride<unknown>(OPERATION, targets);
    if (isOperationName(declared)) return declared;
    const route = request.route as { path?: unknown } | undefined;
    if (typeof route?.path !== 'string') return null;
    return ROUTE_OPERATIONS[routeKey(request.method, route.path)] ?? null;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      const answer = new UnauthorizedException(
        problem(401, 'unauthenticated', 'A bearer token is required (Authorization: Bearer <JWT>).'),
      );
      throw new Refused(401, 'no-token', answer);
    }
    try {
      return await this.tokens.verify(match[1]!);
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        throw new ServiceUnavailableException(
          problem(
            503,
            'identity-provider-unavailable',
            'The bearer token could not be checked: the identity provider is out of reach. Try again shortly.',
          ),
        );
      }
      const detail = error instanceof InvalidToken ? error.message : 'the token is not valid';
      throw new Refused(
        401,
        'invalid-token',
        new UnauthorizedException(problem(401, 'invalid-token', `The bearer token was refused: ${detail}.`)),
      );
    }
  }
}

function notFound(reason: RefusalReason, detail: string): Refused {
  return new Refused(404, reason, new NotFoundException(problem(404, 'not-found', detail)));
}

function forbidden(reason: RefusalReason, detail: string): Refused {
  return new Refused(403, reason, new ForbiddenException(problem(403, reason, detail)));
}
