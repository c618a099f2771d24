/** IPC channel names shared by the preload and the main process. */
export const IPC = {
  request: 'assay:request',
  cancel: 'assay:cancel',
  progress: 'assay:progress',
  chooseProjectPath: 'assay:choose-project-path',
  /** Main → page only: a MenuCommand (core/api/menuCommand.ts) from the native menu, a second launch or the OS. */
  menuCommand: 'assay:menu-command',
} as const;
