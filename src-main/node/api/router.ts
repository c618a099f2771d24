import { ApiError } from '../../core/api/errors';
import { isMethod, methods, type Input, type Method, type Output, type Progress } from '../../core/api/contract';

export interface HandlerContext {
  signal: AbortSignal;
  progress(p: Progress): void;
}

export type Handlers = {
  [M in Method]: (input: Input<M>, ctx: HandlerContext) => Promise<Output<M>> | Output<M>;
};

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The one implementation of the API: every request is checked against the
 * contract's schema before its handler runs, so hosts stay transport only.
 */
export class Router {
  constructor(private readonly handlers: Handlers) {}

  async dispatch(method: unknown, input: unknown, ctx: HandlerContext): Promise<unknown> {
    if (!isMethod(method)) {
      throw new ApiError('bad-request', `Unknown API method ${JSON.stringify(method)}.`);
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new ApiError('bad-request', `Invalid request to ${method}: ${describeIssues(parsed.error.issues)}.`);
    }
    const handler = this.handlers[method] as (i: unknown, c: HandlerContext) => unknown;
    try {
      return await handler(parsed.data, ctx);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new ApiError('internal', `${method} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}
