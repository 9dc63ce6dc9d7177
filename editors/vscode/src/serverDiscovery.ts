// Finds the gloss language server binary: the `gloss.server.path` setting, else the binary bundled
// in the extension, else `gloss` on PATH. Plain functions over injected file checks, so the rules
// are unit-tested without VS Code.
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'path';

export type Discovery =
  | { found: true; command: string; source: ServerSource }
  | { found: false; message: string };

export interface DiscoveryInput {
  /** The `gloss.server.path` setting, as the user typed it. */
  configuredPath: string | undefined;
  /** Where a relative `gloss.server.path` is resolved from. */
  workspaceFolder: string | undefined;
  extensionPath: string;
  platform: NodeJS.Platform;
  /** The PATH environment variable. */
  pathEnv: string | undefined;
  homeDir: string;
  isExecutableFile: (file: string) => boolean;
}

export const INSTALL_HINT =
  'Install it with `cargo install --path .` in a gloss checkout so that `gloss` is on your PATH, ' +
  'or set `gloss.server.path` to the gloss binary.';

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'gloss.exe' : 'gloss';
}

/** Where the packaging script puts the release binary inside the extension. */
export function bundledServerPath(extensionPath: string, platform: NodeJS.Platform): string {
  return path.join(extensionPath, 'server', binaryName(platform));
}

export function expandConfiguredPath(
  configured: string,
  homeDir: string,
  workspaceFolder: string | undefined,
): string {
  if (configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')) {
    return path.join(homeDir, configured.slice(1));
  }
  if (path.isAbsolute(configured) || workspaceFolder === undefined) {
    return configured;
  }
  return path.join(workspaceFolder, configured);
}

export function findServer(input: DiscoveryInput): Discovery {
  const configured = input.configuredPath?.trim();
  if (configured) {
    const command = expandConfiguredPath(configured, input.homeDir, input.workspaceFolder);
    if (input.isExecutableFile(command)) {
      return { found: true, command, source: 'setting' };
    }
    // A wrong explicit setting is reported rather than silently replaced by another binary.
    return {
      found: false,
      message:
        `gloss.server.path is set to "${configured}", which is not an executable file. ` +
        'Fix the setting, or clear it to use the bundled server or `gloss` on your PATH.',
    };
  }
  const bundled = bundledServerPath(input.extensionPath, input.platform);
  if (input.isExecutableFile(bundled)) {
    return { found: true, command: bundled, source: 'bundled' };
  }
  const onPath = searchPath(binaryName(input.platform), input.pathEnv, input.platform, input.isExecutableFile);
  if (onPath !== undefined) {
    return { found: true, command: onPath, source: 'path' };
  }
  return { found: false, message: `The gloss language server was not found. ${INSTALL_HINT}` };
}

function searchPath(
  name: string,
  pathEnv: string | undefined,
  platform: NodeJS.Platform,
  isExecutableFile: (file: string) => boolean,
): string | undefined {
  const separator = platform === 'win32' ? ';' : ':';
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  for (const directory of (pathEnv ?? '').split(separator)) {
    if (directory === '') {
      continue;
    }
    const candidate = join(directory, name);
    if (isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function describeSource(source: ServerSource): string {
  switch (source) {
    case 'setting':
      return 'from the gloss.server.path setting';
    case 'bundled':
      return 'bundled with the extension';
    case 'path':
      return 'found on PATH';
  }
}
