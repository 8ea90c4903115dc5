import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { problem } from '../http/problem-details';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './access.decorators';
import { canActIn, CompositeTokenVerifier, IdentityProviderUnavailable, InvalidToken, type Principal, type Role } from '@ledger/identity';
import { PARTNERSHIP_EXISTENCE, type PartnershipExistence } from './partnership-existence';

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/**
 * Global guard: a valid bearer token (401), access to the partnership in the path (404, so a
 * stranger learns nothing about other partnerships), and the route's roles (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: CompositeTokenVerifier,
    @Inject(PARTNERSHIP_EXISTENCE) private readonly partnerships: PartnershipExistence,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    request.principal = principal;

    const partnershipId = request.params['pid'];
    if (typeof partnershipId === 'string') {
      if (!canActIn(principal, partnershipId) || !(await this.partnerships.exists(partnershipId))) {
        throw new NotFoundException(problem(404, 'not-found', `partnership ${partnershipId} was not found`));
      }
    }
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !principal.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(problem(403, 'role-not-allowed', `this operation needs one of the roles: ${allowed.join(', ')}`));
    }
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match)
      throw new UnauthorizedException(problem(401, 'unauthenticated', 'A bearer token is required (Authorization: Bearer <JWT>).'));
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
      throw new UnauthorizedException(problem(401, 'invalid-token', `The bearer token was refused: ${detail}.`));
    }
  }
}
