import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { problem } from './problem-details';

export const BODY_LIMIT = '1mb';

/** Spreadsheet uploads (POST …/imports/action-plan): CSV or XLSX as the raw body, up to this size. */
export const IMPORT_BODY_LIMIT = '5mb';
export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const IMPORT_PATH = /^\/api\/v1\/partnerships\/[^/]+\/imports\/[^/]+\/?$/;
const isImport = (request: express.Request) => request.method === 'POST' && IMPORT_PATH.test(request.path);

function send(response: express.Response, status: number, code: string, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify(problem(status, code, detail)));
}

/**
 * JSON bodies only (and CSV/XLSX uploads on the import routes, kept raw as a Buffer), with their
 * failures answered here as problem+json: Nest would otherwise turn a parse error into a generic
 * 400 and lose why.
 */
export function bodyParsing(): (RequestHandler | ErrorRequestHandler)[] {
  const requireJson: RequestHandler = (request, response, next) => {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    if (isImport(request) && request.is(IMPORT_MEDIA_TYPES)) return next();
    if (request.method === 'POST' && hasBody && !request.is(['application/json', 'application/*+json'])) {
      send(response, 415, 'unsupported-media-type', 'Send the request body as application/json.');
      return;
    }
    next();
  };
  const parse = express.json({ limit: BODY_LIMIT, strict: true, type: ['application/json', 'application/*+json'] });
  const parseImport = express.raw({
    limit: IMPORT_BODY_LIMIT,
    type: (request) => isImport(request as express.Request) && !!(request as express.Request).is(IMPORT_MEDIA_TYPES),
  });
  const explainFailure: ErrorRequestHandler = (error: { type?: string }, request, response, next) => {
    if (error.type === 'entity.parse.failed')
      return send(response, 400, 'malformed-json', 'The request body is not valid JSON (a JSON object is expected).');
    if (error.type === 'entity.too.large') {
      const limit = isImport(request) ? IMPORT_BODY_LIMIT : BODY_LIMIT;
      return send(response, 413, 'body-too-large', `The request body is larger than ${limit}.`);
    }
    if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
      return send(response, 415, 'unsupported-media-type', 'The request body’s encoding is not supported.');
    }
    next(error);
  };
  return [requireJson, parseImport, parse, explainFailure];
}
