import { ApiError, describeLocation } from '../../../../src-main/core/api/errors';

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** "file, line L, column C" when the host said where. */
  where?: string;
}

/** The app's banner: the last error or information the analyst should see. */
class Notices {
  current = $state<Notice | null>(null);
  /** Set once the host connection is gone; stays until reload. */
  connectionLost = $state<string | null>(null);

  error(err: unknown, context?: string): void {
    if (err instanceof ApiError && err.code === 'cancelled') {
      this.info(err.message);
      return;
    }
    const message = err instanceof Error ? err.message : String(err);
    const location = err instanceof ApiError ? err.location : undefined;
    const where = location && !message.includes(location.file) ? describeLocation(location) : undefined;
    this.current = { kind: 'error', message: context ? `${context}: ${message}` : message, where };
  }

  info(message: string): void {
    this.current = { kind: 'info', message };
  }

  dismiss(): void {
    this.current = null;
  }
}

export const notices = new Notices();
