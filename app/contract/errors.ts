import type { ContractErrorBody, ErrorCode } from './schemas';

/** An error a handler raises on purpose; its code and message reach the caller unchanged. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ContractErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** What a client throws when the host answered with an error. */
export class ContractCallError extends Error {
  constructor(
    readonly method: string,
    readonly body: ContractErrorBody,
  ) {
    super(`${method}: ${body.code}: ${body.message}`);
    this.name = 'ContractCallError';
  }
}
