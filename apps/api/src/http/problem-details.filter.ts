import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LedgerError, ProjectionWaitTimeout, type ErrorKind } from '@ledger/event-sourcing';
import { problem, type ProblemDetails } from './problem-details';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  'not-found': 404,
  transition: 409,
  stale: 409,
  precondition: 412,
  rule: 422,
};

/** The one place errors become HTTP: problem+json, stable codes, never a stack trace. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const body = { ...this.toProblem(exception), instance: request.originalUrl };
    if (body.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${describe(exception)}`);
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof LedgerError) {
      return problem(STATUS_BY_KIND[exception.kind], exception.code, exception.message, exception.errors);
    }
    if (exception instanceof ProjectionWaitTimeout) {
      // The command is committed; only the read models are late. Say so, so the client does not retry blindly.
      return problem(
        503,
        'read-models-behind',
        'The command was recorded, but the read models have not caught up yet; query again shortly.',
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isProblem(payload)) return payload;
      const message = typeof payload === 'string' ? payload : (payload as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
      return problem(status, codeForStatus(status), detail);
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError.type === 'entity.parse.failed') return problem(400, 'malformed-json', 'The request body is not valid JSON.');
    if (bodyParserError.type === 'entity.too.large') return problem(413, 'body-too-large', 'The request body is too large.');
    if (typeof bodyParserError.status === 'number' && bodyParserError.status >= 400 && bodyParserError.status < 500) {
      return problem(bodyParserError.status, codeForStatus(bodyParserError.status), 'The request could not be read.');
    }
    return problem(500, 'internal-error', 'Something went wrong on our side; it has been logged.');
  }
}

function isProblem(payload: unknown): payload is ProblemDetails {
  return typeof payload === 'object' && payload !== null && 'code' in payload && 'status' in payload && 'type' in payload;
}

function codeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'bad-request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
      return 'method-not-allowed';
    case 413:
      return 'body-too-large';
    case 415:
      return 'unsupported-media-type';
    case 429:
      return 'rate-limited';
    default:
      return status >= 500 ? 'internal-error' : 'request-refused';
  }
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}\n${exception.stack ?? ''}` : String(exception);
}
