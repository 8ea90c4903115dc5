import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';
import { problem } from './problem-details';

/** A path id that must be a UUID; a bad one is a 400 naming the parameter. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException(
          problem(400, 'validation-failed', `The path parameter ${name} must be a UUID.`, [{ field: name, message: 'must be a UUID' }]),
        ),
    }),
  );
