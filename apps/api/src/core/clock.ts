/** The one place the API reads the time, so queries that derive "overdue" can be pinned in tests. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
