// "gloss: Check workspace": runs `gloss check --format json` on the corpus folder and puts what it
// finds in the Problems panel, leaving out what the running server already reports.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { Finding, FindingSeverity, notYetReported, parseFindings, Position, positionAt } from './checkFindings';
import { plural } from './statusText';

const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** `gloss check` exits 1 when a finding is an error and 2 when an input cannot be read. */
const CHECK_EXIT_CODES_WITH_FINDINGS = [0, 1, 2];

export async function checkWorkspace(
  server: string,
  folder: vscode.WorkspaceFolder,
  collection: vscode.DiagnosticCollection,
  serverDiagnostics: vscode.DiagnosticCollection | undefined,
  log: vscode.LogOutputChannel,
): Promise<void> {
  const cwd = folder.uri.fsPath;
  log.info(`Running ${server} check --format json ${cwd}`);
  const output = await runCheck(server, cwd);
  if (output.stderr.trim() !== '') {
    log.info(output.stderr.trim());
  }
  const { findings, unreadable } = parseFindings(output.stdout, cwd);
  for (const line of unreadable) {
    log.warn(`gloss check printed a line that is not a finding: ${line}`);
  }
  const texts = await readTexts(findings);
  const position = (file: string, offset: number): vscode.Position => {
    const { line, character }: Position = positionAt(texts.get(file) ?? '', offset);
    return new vscode.Position(line, character);
  };
  const fresh = notYetReported(
    findings,
    (finding) => positionAt(texts.get(finding.file) ?? '', finding.start),
    (file) =>
      (serverDiagnostics?.get(vscode.Uri.file(file)) ?? []).map((diagnostic) => ({
        line: diagnostic.range.start.line,
        character: diagnostic.range.start.character,
        code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : diagnostic.code?.toString(),
        message: diagnostic.message,
      })),
  );

  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const finding of fresh) {
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(position(finding.file, finding.start), position(finding.file, finding.end)),
      finding.message,
      SEVERITY[finding.severity],
    );
    diagnostic.source = 'gloss check';
    diagnostic.code = finding.code;
    diagnostic.relatedInformation = finding.related.map(
      (related) =>
        new vscode.DiagnosticRelatedInformation(
          new vscode.Location(
            vscode.Uri.file(related.file),
            new vscode.Range(position(related.file, related.start), position(related.file, related.end)),
          ),
          related.message,
        ),
    );
    byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), diagnostic]);
  }
  collection.clear();
  collection.set([...byFile].map(([file, diagnostics]) => [vscode.Uri.file(file), diagnostics]));

  const summary =
    `gloss check: ${plural(findings.length, 'finding')}` +
    (findings.length > fresh.length ? ` (${findings.length - fresh.length} already shown by the server)` : '');
  log.info(summary);
  void vscode.window.showInformationMessage(summary);
}

function runCheck(server: string, cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      server,
      ['check', '--format', 'json', cwd],
      { cwd, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error === null ? 0 : (error as NodeJS.ErrnoException & { code?: unknown }).code;
        if (error !== null && !(typeof exitCode === 'number' && CHECK_EXIT_CODES_WITH_FINDINGS.includes(exitCode))) {
          reject(new Error(`gloss check failed: ${stderr.trim() || error.message}`));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

async function readTexts(findings: Finding[]): Promise<Map<string, string>> {
  const files = new Set(findings.flatMap((finding) => [finding.file, ...finding.related.map((related) => related.file)]));
  const texts = new Map<string, string>();
  // The offsets are into the files as `gloss check` read them from disk, not into unsaved edits.
  await Promise.all([...files].map(async (file) => texts.set(file, await readFile(file, 'utf8').catch(() => ''))));
  return texts;
}
