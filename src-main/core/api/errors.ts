/** Where in a source file a problem is; lines and columns are 1-based. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export type ApiErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'bad-input'
  | 'cancelled'
  | 'conflict'
  | 'internal';

export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  location?: SourceLocation;
}

/** An error meant to be shown to the analyst: the message says what is wrong and where. */
export class ApiError extends Error implements ApiErrorData {
  readonly code: ApiErrorCode;
  readonly location?: SourceLocation;

  constructor(code: ApiErrorCode, message: string, location?: SourceLocation) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.location = location;
  }

  toJSON(): ApiErrorData {
    return { code: this.code, message: this.message, ...(this.location ? { location: this.location } : {}) };
  }

  static from(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.location);
  }
}

export function cancelledError(what: string): ApiError {
  return new ApiError('cancelled', `${what} was cancelled; nothing was changed.`);
}

/** Formats `file, line L, column C` for messages. */
export function describeLocation(loc: SourceLocation): string {
  let s = loc.file;
  if (loc.line !== undefined) s += `, line ${loc.line}`;
  if (loc.column !== undefined) s += `, column ${loc.column}`;
  return s;
}
