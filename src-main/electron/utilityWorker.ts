import { utilityProcess } from 'electron';
import { workerEntry, type WorkerFactory } from '../node/pool/workerPort';

/** Training workers as Electron utility processes (the desktop app). */
export const utilityWorker: WorkerFactory = () => {
  const child = utilityProcess.fork(workerEntry().file, [], { serviceName: 'Assay training', stdio: 'inherit' });
  return {
    post: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', l),
    onExit: (l) => child.on('exit', (code) => l(code, null)),
    kill: () => void child.kill(),
    get pid() {
      return child.pid;
    },
  };
};
