import { test as base } from '@playwright/test';
import { startHost, type RunningHost } from './webHost';

/**
 * One web host per worker, on the bundled sample project. Playwright keeps a
 * worker for the spec files it runs one after another, so they share this
 * host: a spec whose runs other specs would see starts a host of its own.
 */
export const test = base.extend<object, { host: RunningHost }>({
  host: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
