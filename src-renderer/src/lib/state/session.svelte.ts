import type { ProjectInfo, RecentProject } from '../../../../src-main/core/api/contract';
import { createClient, type AssayClient } from '../api/client';
import type { Section } from '../../../../src-main/core/api/sections';
import { notices } from './notices.svelte';

// The list lives in core: the desktop app's View menu names the same sections.
export { SECTIONS, type Section } from '../../../../src-main/core/api/sections';

export interface PathRequest {
  mode: 'open' | 'save';
  title: string;
  action: string;
  resolve: (path: string | null) => void;
}

type ProjectAction = 'new' | 'open' | 'saveAs';

/** The app session: the host client, the open project, recent projects, the current section. */
class Session {
  readonly client: AssayClient = createClient();
  project = $state<ProjectInfo | null>(null);
  recent = $state<RecentProject[]>([]);
  section = $state<Section>('data');
  ready = $state(false);
  busy = $state(false);
  /** The in-app path dialog, when the host has no native one. */
  pathRequest = $state<PathRequest | null>(null);
  /** Bumped to ask the Data view to open its file picker (Ctrl/Cmd+I). */
  importRequests = $state(0);
  /** Bumped whenever a different project is open, so views reload. */
  projectRevision = $state(0);

  constructor() {
    this.client.onConnectionLost((message) => {
      notices.connectionLost = message;
    });
  }

  async start(): Promise<void> {
    try {
      const info = await this.client.call('app.info', {});
      this.project = info.project;
      this.projectRevision++;
      await this.refreshRecent();
    } catch (err) {
      notices.error(err, 'Could not reach the Assay host');
    } finally {
      this.ready = true;
    }
  }

  async refreshRecent(): Promise<void> {
    try {
      this.recent = await this.client.call('project.recent', {});
    } catch (err) {
      notices.error(err, 'Could not list recent projects');
    }
  }

  newProject(): Promise<void> {
    return this.withPath('new', 'save', 'New project', 'Create');
  }

  openProject(): Promise<void> {
    return this.withPath('open', 'open', 'Open project', 'Open');
  }

  saveProjectAs(): Promise<void> {
    return this.withPath('saveAs', 'save', 'Save project as', 'Save');
  }

  async openRecent(path: string): Promise<void> {
    await this.run('open', path);
  }

  requestImport(): void {
    this.section = 'data';
    this.importRequests++;
  }

  private async withPath(action: ProjectAction, mode: 'open' | 'save', title: string, verb: string): Promise<void> {
    let path: string | null | 'ask';
    try {
      path = await this.client.chooseProjectPath(mode);
    } catch (err) {
      notices.error(err);
      return;
    }
    if (path === 'ask') path = await this.askPath(mode, title, verb);
    if (path) await this.run(action, path);
  }

  private askPath(mode: 'open' | 'save', title: string, action: string): Promise<string | null> {
    this.pathRequest?.resolve(null);
    return new Promise((resolve) => {
      this.pathRequest = {
        mode,
        title,
        action,
        resolve: (path) => {
          this.pathRequest = null;
          resolve(path);
        },
      };
    });
  }

  private async run(action: ProjectAction, path: string): Promise<void> {
    this.busy = true;
    try {
      const method = action === 'new' ? 'project.new' : action === 'open' ? 'project.open' : 'project.saveAs';
      this.project = await this.client.call(method, { path });
      this.projectRevision++;
      notices.dismiss();
    } catch (err) {
      const what = action === 'new' ? 'create' : action === 'open' ? 'open' : 'save';
      notices.error(err, `Could not ${what} the project`);
    } finally {
      this.busy = false;
    }
    await this.refreshRecent();
  }
}

export const session = new Session();
