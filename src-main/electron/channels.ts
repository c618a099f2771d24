/** IPC channel names shared by the preload and the main process. */
export const IPC = {
  request: 'assay:request',
  cancel: 'assay:cancel',
  progress: 'assay:progress',
  chooseProjectPath: 'assay:choose-project-path',
} as const;
