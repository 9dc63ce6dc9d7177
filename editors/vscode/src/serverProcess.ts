// The server process, started by the extension itself rather than by the language client, so
// that stopping the server can wait for the process to end: a restart then starts the new server
// only once the old one is gone, and the log reads in the order things happened.
import { ChildProcess, spawn } from 'node:child_process';
import type * as vscode from 'vscode';

/** How long a stopped server may take to end before it is killed. */
const END_TIMEOUT_MS = 2000;

/** Starts `command lsp` in `cwd`; its exit is logged. Rejects when it cannot be started. */
export function spawnServer(command: string, cwd: string, log: vscode.LogOutputChannel): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['lsp'], { cwd, stdio: 'pipe' });
    child.once('error', reject);
    child.once('spawn', () => resolve(child));
    child.once('exit', (code, signal) => {
      if (signal !== null) {
        log.warn(`Server process exited on signal ${signal}`);
      } else if (code === 0) {
        log.info('Server process exited');
      } else {
        log.error(`Server process exited with code ${code}`);
      }
    });
  });
}

/** Waits for a stopped server to end, killing it if it has not after a while. */
export function serverEnded(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve();
    }, END_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
