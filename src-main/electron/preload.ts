import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { AssayBridge, BridgeReply } from '../core/api/bridge';
import type { ProgressMessage } from '../core/api/protocol';
import { IPC } from './channels';

// Transport only: the main process validates every request.
const bridge: AssayBridge = {
  request: (id, method, input) => ipcRenderer.invoke(IPC.request, id, method, input) as Promise<BridgeReply>,
  cancel: (id) => ipcRenderer.send(IPC.cancel, id),
  onProgress(listener) {
    const handler = (_e: unknown, message: ProgressMessage) => listener(message);
    ipcRenderer.on(IPC.progress, handler);
    return () => ipcRenderer.removeListener(IPC.progress, handler);
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
  chooseProjectPath: (mode) => ipcRenderer.invoke(IPC.chooseProjectPath, mode) as Promise<string | null>,
  onMenuCommand(listener) {
    const handler = (_e: unknown, message: unknown) => listener(message);
    ipcRenderer.on(IPC.menuCommand, handler);
    return () => ipcRenderer.removeListener(IPC.menuCommand, handler);
  },
};

contextBridge.exposeInMainWorld('assay', bridge);
