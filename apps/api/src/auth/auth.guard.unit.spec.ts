import { ForbiddenException, Logger, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { CompositeTokenVerifier, TokenService } from '@ledger/identity';
import { SystemClock } from '../core/clock';
import { AuthGuard } from './auth.guard';

const PID = '6f1c7c52-2b1e-4a53-9d0a-6c1f2f0e9a01';
const tokens = new TokenService('a-secret-for-tests');
const noRows = { query: async () => [] } as unknown as DataSource;
const guard = new AuthGuard(new Reflector(), new CompositeTokenVerifier(tokens), { exists: async () => true }, noRows, new SystemClock());

/** A request to `method path` (Express route path `routePath`) reaching a handler with no metadata. */
async function contextFor(method: string, routePath: string, path: string): Promise<ExecutionContext> {
  const token = await tokens.mint({ sub: 'admin@example.org', name: 'Admin', roles: ['partnership-admin'], partnerships: [PID] });
  const request = {
    method,
    path,
    route: { path: routePath },
    params: { pid: PID },
    headers: { authorization: `Bearer ${token}` },
    body: {},
  };
  return {
    getHandler: () => function handler() {},
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

describe('AuthGuard', () => {
  afterEach(() => jest.restoreAllMocks());

  it('refuses, to everyone, a route that declares no operation of the role matrix — and logs it', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const errored = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const context = await contextFor('POST', '/api/v1/partnerships/:pid/undeclared', `/api/v1/partnerships/${PID}/undeclared`);
    const refusal = await guard.canActivate(context).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ForbiddenException);
    expect((refusal as ForbiddenException).getResponse()).toMatchObject({ status: 403, code: 'operation-not-declared' });
    expect(errored).toHaveBeenCalledWith(expect.stringContaining('POST /partnerships/{pid}/undeclared declares no operation'));
    expect(warned).toHaveBeenCalledWith(
      expect.stringMatching(/^access-refused \{"status":403,"reason":"operation-not-declared","sub":"admin@example.org"/),
    );
  });

  it('admits a partnership admin to a route the route table declares', async () => {
    const context = await contextFor('POST', '/api/v1/partnerships/:pid/actions/:aid/agree', `/api/v1/partnerships/${PID}/actions/x/agree`);
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });
});
