import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@ledger/event-sourcing';
import { problem } from './problem-details';

/** Flattens class-validator errors to `{ field, message }`, with dotted paths for nested fields. */
export function fieldErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: message.replace(/^property /, '') }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** Global validation: strip nothing silently — unknown fields are refused, naming them. */
export function ledgerValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => {
      const details = fieldErrors(errors);
      return new BadRequestException(
        problem(400, 'validation-failed', `The request is invalid: ${details.map((e) => e.field).join(', ')}.`, details),
      );
    },
  });
}
