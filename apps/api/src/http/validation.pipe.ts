import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

/**
 * Keys class-validator's whitelist does not see because they resolve on Object.prototype
 * (`constructor`, `toString`, `__proto__`, `valueOf`, …), plus `prototype`: refused by name.
 */
const PROTOTYPE_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** Dotted paths of prototype keys anywhere in a parsed body or query (found by fuzzing: `constructor` and `toString` slipped through). */
export function prototypeKeys(value: unknown, parent = '', depth = 0): string[] {
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  return Object.keys(value).flatMap((key) => {
    const field = parent ? `${parent}.${key}` : key;
    const own = PROTOTYPE_KEYS.has(key) ? [field] : [];
    return [...own, ...prototypeKeys((value as Record<string, unknown>)[key], field, depth + 1)];
  });
}

class LedgerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const refused = metadata.type === 'body' || metadata.type === 'query' ? prototypeKeys(value) : [];
    if (refused.length > 0) {
      const details = refused.map((field) => ({ field, message: `${field} should not exist` }));
      throw new BadRequestException(problem(400, 'validation-failed', `The request is invalid: ${refused.join(', ')}.`, details));
    }
    return super.transform(value, metadata);
  }
}

/** Global validation: strip nothing silently — unknown fields are refused, naming them. */
export function ledgerValidationPipe(): ValidationPipe {
  return new LedgerValidationPipe({
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
