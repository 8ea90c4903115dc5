import { LedgerError } from '@ledger/event-sourcing';

/** One problem of an uploaded spreadsheet: the spreadsheet row (the header is row 1), the column as headed, a stable code. */
export interface ImportProblem {
  readonly row: number;
  /** The column's header as the file has it, or the canonical header of a missing column; null for the whole row. */
  readonly column: string | null;
  readonly code: string;
  readonly message: string;
}

/** The upload is not a spreadsheet the importer can read (400); `code` says why. */
export class ImportFileRefused extends LedgerError {
  readonly kind = 'invalid';
  constructor(
    readonly code: 'import-file-empty' | 'import-file-unreadable' | 'import-too-many-rows' | 'import-media-type',
    message: string,
  ) {
    super(message);
  }
}
