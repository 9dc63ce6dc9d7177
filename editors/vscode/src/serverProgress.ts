// Follows the work-done progress the server reports (e.g. `gloss/indexing/1` while it indexes the
// workspace) and hands it to the status bar. It takes over the client's default handling of
// `window/workDoneProgress/create`, since vscode-jsonrpc allows one listener per progress token.
import * as vscode from 'vscode';
import {
  ClientCapabilities,
  FeatureState,
  LanguageClient,
  StaticFeature,
  WorkDoneProgress,
  WorkDoneProgressBegin,
  WorkDoneProgressCreateRequest,
  WorkDoneProgressReport,
} from 'vscode-languageclient/node';

export interface ProgressListener {
  begin(token: string, value: WorkDoneProgressBegin): void;
  report(token: string, value: WorkDoneProgressReport): void;
  end(token: string): void;
}

export class ServerProgressFeature implements StaticFeature {
  private readonly listeners = new Map<string, vscode.Disposable>();

  constructor(
    private readonly client: LanguageClient,
    private readonly listener: ProgressListener,
  ) {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  fillClientCapabilities(capabilities: ClientCapabilities): void {
    capabilities.window = { ...capabilities.window, workDoneProgress: true };
  }

  initialize(): void {
    // Registered after the client's own features, so this handler is the one that stays.
    this.client.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      const key = String(token);
      this.listeners.get(key)?.dispose();
      this.listeners.set(
        key,
        this.client.onProgress(WorkDoneProgress.type, token, (value) => {
          switch (value.kind) {
            case 'begin':
              this.listener.begin(key, value);
              break;
            case 'report':
              this.listener.report(key, value);
              break;
            case 'end':
              this.listeners.get(key)?.dispose();
              this.listeners.delete(key);
              this.listener.end(key);
              break;
          }
        }),
      );
    });
  }

  clear(): void {
    for (const listener of this.listeners.values()) {
      listener.dispose();
    }
    this.listeners.clear();
  }
}
