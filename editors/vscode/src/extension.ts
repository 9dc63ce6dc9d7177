// The gloss extension: starts the gloss language server for a folder of articles (one with a
// gloss.toml or entities.toml, or one the user enabled), and adds the commands, the status bar
// item and the settings around it.
import type { ChildProcess } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  Location as LspLocation,
  Position as LspPosition,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { checkWorkspace } from './checkWorkspace';
import { initializationOptions } from './initializationOptions';
import { describeSource, Discovery, findServer } from './serverDiscovery';
import { serverEnded, spawnServer } from './serverProcess';
import { ServerProgressFeature } from './serverProgress';
import { GlossStatusBar } from './statusBar';

const MARKER_FILES = ['gloss.toml', 'entities.toml'];
const ARTICLE_GLOBS = ['**/*.txt', '**/*.md'];
const ENABLED_FOLDERS_KEY = 'gloss.enabledFolders';
/**
 * How long the status bar waits, after the server started, for it to begin indexing before it
 * shows the findings count: a server with nothing to index reports no progress.
 */
const INDEXING_GRACE_MS = 1000;
/** Settings whose change needs a new server process. */
const RESTART_SETTINGS = ['gloss.server.path', 'gloss.checks'];

let gloss: Gloss | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('gloss', { log: true });
  gloss = new Gloss(context, log);
  context.subscriptions.push(
    log,
    gloss,
    vscode.commands.registerCommand('gloss.enable', () => gloss?.enable()),
    vscode.commands.registerCommand('gloss.restartServer', () => gloss?.restart()),
    vscode.commands.registerCommand('gloss.showOutput', () => log.show()),
    vscode.commands.registerCommand('gloss.checkWorkspace', () => gloss?.checkWorkspace()),
    vscode.commands.registerCommand('gloss.showEntity', () => gloss?.showEntity()),
    vscode.commands.registerCommand('gloss.showReferences', (uri: string, position: LspPosition, locations: LspLocation[]) =>
      gloss?.showReferences(uri, position, locations),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((setting) => event.affectsConfiguration(setting))) {
        void gloss?.restart();
      }
    }),
  );
  await gloss.startWhereWanted();
}

export async function deactivate(): Promise<void> {
  await gloss?.stop();
}

class Gloss implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private serverProcess: ChildProcess | undefined;
  private folder: vscode.WorkspaceFolder | undefined;
  private readonly statusBar = new GlossStatusBar();
  private readonly checkResults = vscode.languages.createDiagnosticCollection('gloss check');
  private readonly diagnosticsListener = vscode.languages.onDidChangeDiagnostics(() =>
    this.statusBar.refreshFindings(this.client?.diagnostics),
  );

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Starts the server for the first folder that is a corpus or that the user enabled. */
  async startWhereWanted(): Promise<void> {
    const enabled = this.enabledFolders();
    const folder = (vscode.workspace.workspaceFolders ?? []).find(
      (candidate) => enabled.includes(candidate.uri.toString()) || hasMarkerFile(candidate),
    );
    if (folder !== undefined) {
      await this.start(folder);
    } else {
      this.log.info(
        `No ${MARKER_FILES.join(' or ')} in the workspace: gloss stays off until you run "gloss: Enable for this workspace".`,
      );
    }
  }

  async enable(): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder =
      folders.length > 1
        ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'The folder of articles to enable gloss for' })
        : folders[0];
    if (folder === undefined) {
      if (folders.length === 0) {
        void vscode.window.showErrorMessage('gloss: open a folder of articles first, then enable gloss for it.');
      }
      return;
    }
    const enabled = this.enabledFolders();
    if (!enabled.includes(folder.uri.toString())) {
      await this.context.workspaceState.update(ENABLED_FOLDERS_KEY, [...enabled, folder.uri.toString()]);
    }
    await this.stop();
    await this.start(folder);
  }

  async restart(): Promise<void> {
    const folder = this.folder;
    await this.stop();
    if (folder !== undefined) {
      await this.start(folder);
    } else {
      await this.startWhereWanted();
    }
  }

  /**
   * Runs the server's "N mentions in M articles" code lens on entities.toml: its arguments are
   * protocol values, which VS Code's references view takes only as its own types.
   */
  async showReferences(uri: string, position: LspPosition, locations: LspLocation[]): Promise<void> {
    const convert = this.client?.protocol2CodeConverter;
    if (convert === undefined) {
      return;
    }
    await vscode.commands.executeCommand(
      'editor.action.showReferences',
      convert.asUri(uri),
      convert.asPosition(position),
      locations.map((location) => convert.asLocation(location)),
    );
  }

  async stop(): Promise<void> {
    const client = this.client;
    const child = this.serverProcess;
    this.client = undefined;
    this.serverProcess = undefined;
    this.checkResults.clear();
    if (client !== undefined) {
      try {
        await client.dispose(5000);
      } catch (error) {
        this.log.warn(`The server did not stop cleanly: ${String(error)}`);
      }
    }
    if (child !== undefined) {
      await serverEnded(child);
    }
  }

  private async start(folder: vscode.WorkspaceFolder): Promise<void> {
    this.folder = folder;
    this.statusBar.set({ kind: 'starting' });
    const config = vscode.workspace.getConfiguration('gloss', folder);
    const discovery = discoverServer(folder, this.context.extensionPath);
    if (!discovery.found) {
      this.fail(discovery.message, true);
      return;
    }
    this.log.info(`Starting ${discovery.command} lsp (${describeSource(discovery.source)}) for ${folder.uri.fsPath}`);

    const { options, problems } = initializationOptions({
      checks: config.get<Record<string, unknown>>('checks') ?? {},
      inlayHints: config.get<boolean>('inlayHints.enabled') ?? true,
    });
    problems.forEach((problem) => this.log.warn(problem));

    const serverOptions: ServerOptions = async () => {
      const child = await spawnServer(discovery.command, folder.uri.fsPath, this.log);
      this.serverProcess = child;
      return child;
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: ARTICLE_GLOBS.map((pattern) => ({
        scheme: 'file',
        pattern: { baseUri: folder.uri.toString(), pattern },
      })),
      workspaceFolder: folder,
      initializationOptions: options,
      outputChannel: this.log,
      middleware: {
        // Read on each request, so switching inlay hints off needs no restart.
        provideInlayHints: (document, range, token, next) =>
          vscode.workspace.getConfiguration('gloss', document.uri).get<boolean>('inlayHints.enabled', true)
            ? next(document, range, token)
            : [],
      },
    };
    const client = new LanguageClient('gloss', 'gloss', serverOptions, clientOptions);
    client.registerFeature(
      new ServerProgressFeature(client, {
        begin: (_token, value) =>
          this.statusBar.set({ kind: 'indexing', title: value.title, message: value.message, percentage: value.percentage }),
        report: (_token, value) => {
          const current = this.statusBar.current;
          const title = current.kind === 'indexing' ? current.title : 'Indexing';
          this.statusBar.set({ kind: 'indexing', title, message: value.message, percentage: value.percentage });
        },
        end: () => this.statusBar.ready(client.diagnostics),
      }),
    );
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped && this.client === client) {
        this.fail('the gloss server stopped', false);
      }
    });
    this.client = client;
    try {
      await client.start();
    } catch (error) {
      if (this.client === client) {
        this.client = undefined;
        this.fail(`the gloss server could not start: ${String(error)}`, false);
      }
      return;
    }
    const info = client.initializeResult?.serverInfo;
    const capabilities = Object.keys(client.initializeResult?.capabilities ?? {}).sort();
    this.log.info(`gloss server${info?.version ? ` ${info.version}` : ''} ready; it offers ${capabilities.join(', ')}`);
    setTimeout(() => {
      if (this.client === client && this.statusBar.current.kind === 'starting') {
        this.statusBar.ready(client.diagnostics);
      }
    }, INDEXING_GRACE_MS);
  }

  async checkWorkspace(): Promise<void> {
    const folder = this.folder ?? vscode.workspace.workspaceFolders?.[0];
    if (folder === undefined) {
      void vscode.window.showErrorMessage('gloss: open a folder of articles to check.');
      return;
    }
    const discovery = discoverServer(folder, this.context.extensionPath);
    if (!discovery.found) {
      void vscode.window.showErrorMessage(`gloss: ${discovery.message}`);
      return;
    }
    const server = discovery.command;
    try {
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'gloss: checking the workspace' },
        () => checkWorkspace(server, folder, this.checkResults, this.client?.diagnostics, this.log),
      );
    } catch (error) {
      this.log.error(String(error));
      void vscode.window.showErrorMessage(String(error));
    }
  }

  async showEntity(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (this.client === undefined || editor === undefined) {
      void vscode.window.showInformationMessage('gloss: open an article with the gloss server running first.');
      return;
    }
    if (!this.client.initializeResult?.capabilities.definitionProvider) {
      void vscode.window.showInformationMessage(
        'gloss: showing an entity in the knowledge base is not available yet: this gloss server does not offer go to definition.',
      );
      return;
    }
    await vscode.commands.executeCommand('editor.action.revealDefinition');
  }

  dispose(): void {
    this.statusBar.dispose();
    this.checkResults.dispose();
    this.diagnosticsListener.dispose();
  }

  private enabledFolders(): string[] {
    return this.context.workspaceState.get<string[]>(ENABLED_FOLDERS_KEY, []);
  }

  private fail(reason: string, offerSettings: boolean): void {
    this.log.error(reason);
    this.statusBar.set({ kind: 'stopped', reason });
    const actions = offerSettings ? ['Open Settings', 'Show Log'] : ['Show Log'];
    void vscode.window.showErrorMessage(`gloss: ${reason}`, ...actions).then((action) => {
      if (action === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'gloss.server.path');
      } else if (action === 'Show Log') {
        this.log.show();
      }
    });
  }
}

function discoverServer(folder: vscode.WorkspaceFolder, extensionPath: string): Discovery {
  return findServer({
    configuredPath: vscode.workspace.getConfiguration('gloss', folder).get<string>('server.path'),
    workspaceFolder: folder.uri.fsPath,
    extensionPath,
    platform: process.platform,
    pathEnv: process.env.PATH,
    homeDir: os.homedir(),
    isExecutableFile,
  });
}

function hasMarkerFile(folder: vscode.WorkspaceFolder): boolean {
  return MARKER_FILES.some((name) => {
    try {
      return statSync(vscode.Uri.joinPath(folder.uri, name).fsPath).isFile();
    } catch {
      return false;
    }
  });
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
