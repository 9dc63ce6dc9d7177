// The status bar item: indexing progress while the server reads the workspace, then the number of
// findings the server reports (counted from the client's diagnostics), or that it stopped.
import * as vscode from 'vscode';
import { ServerStatus, statusText } from './statusText';

export class GlossStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gloss.status', vscode.StatusBarAlignment.Left, 10);
  private status: ServerStatus = { kind: 'starting' };

  constructor() {
    this.item.name = 'gloss';
  }

  set(status: ServerStatus): void {
    this.status = status;
    const { text, tooltip } = statusText(status);
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = status.kind === 'stopped' ? 'gloss.showOutput' : 'workbench.actions.view.problems';
    this.item.show();
  }

  get current(): ServerStatus {
    return this.status;
  }

  /** Shows the number of findings in the server's diagnostics. */
  ready(diagnostics: vscode.DiagnosticCollection | undefined): void {
    let findings = 0;
    let articles = 0;
    diagnostics?.forEach((_uri, fileDiagnostics) => {
      findings += fileDiagnostics.length;
      articles += fileDiagnostics.length > 0 ? 1 : 0;
    });
    this.set({ kind: 'ready', findings, articles });
  }

  /** Updates the number of findings, unless the server is starting, indexing or stopped. */
  refreshFindings(diagnostics: vscode.DiagnosticCollection | undefined): void {
    if (this.status.kind === 'ready') {
      this.ready(diagnostics);
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
