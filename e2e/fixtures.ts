import { test as base } from '@playwright/test';
import { startHost, type RunningHost } from './webHost';

/** One web host per test file (worker), on the bundled sample project. */
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
