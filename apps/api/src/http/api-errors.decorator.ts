import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiPreconditionFailedResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

const problemJson = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };

/** The refusals every command can answer with, documented once. */
export function CommandErrors() {
  return applyDecorators(
    ApiBadRequestResponse({ description: 'Malformed or invalid input (errors name the fields).', content: problemJson }),
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token.', content: problemJson }),
    ApiForbiddenResponse({ description: 'Your role may not run this command.', content: problemJson }),
    ApiNotFoundResponse({ description: 'Unknown id, or another partnership’s.', content: problemJson }),
    ApiConflictResponse({ description: 'Stale version or a transition the current state does not allow.', content: problemJson }),
    ApiPreconditionFailedResponse({ description: 'If-Match did not match the current version.', content: problemJson }),
    ApiUnprocessableEntityResponse({ description: 'A domain rule refused the command.', content: problemJson }),
  );
}

export function QueryErrors() {
  return applyDecorators(
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token.', content: problemJson }),
    ApiNotFoundResponse({ description: 'Unknown id, or another partnership’s.', content: problemJson }),
  );
}
