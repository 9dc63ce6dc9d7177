// Reads the findings that `gloss check --format json` prints (one JSON object per line, offsets in
// code points) and converts their offsets to the line/UTF-16 column positions VS Code uses. No
// VS Code types here, so the parsing is unit-tested on its own.
import * as path from 'node:path';

export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

export interface RelatedLocation {
  file: string;
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  /** Absolute path of the article. */
  file: string;
  /** Code point offsets, end exclusive. */
  start: number;
  end: number;
  code: string;
  severity: FindingSeverity;
  message: string;
  related: RelatedLocation[];
}

export interface Position {
  line: number;
  /** UTF-16 code units, as VS Code counts columns. */
  character: number;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];

/** Parses the JSON lines; `doc` paths are resolved against the folder the check ran in. */
export function parseFindings(output: string, cwd: string): { findings: Finding[]; unreadable: string[] } {
  const findings: Finding[] = [];
  const unreadable: string[] = [];
  for (const line of output.split('\n')) {
    if (line.trim() === '') {
      continue;
    }
    try {
      const raw = JSON.parse(line);
      findings.push({
        file: path.resolve(cwd, String(raw.doc)),
        start: Number(raw.start),
        end: Number(raw.end),
        code: String(raw.code),
        severity: SEVERITIES.includes(raw.severity) ? raw.severity : 'warning',
        message: String(raw.message),
        related: (Array.isArray(raw.related) ? raw.related : []).map((related: Record<string, unknown>) => ({
          file: path.resolve(cwd, String(related.doc)),
          start: Number(related.start),
          end: Number(related.end),
          message: String(related.message),
        })),
      });
    } catch {
      unreadable.push(line);
    }
  }
  return { findings, unreadable };
}

/**
 * The position of a code point offset in a text. Lines end at `\n`, `\r\n` or `\r`, as in LSP;
 * an offset past the end gives the end of the text.
 */
export function positionAt(text: string, codePointOffset: number): Position {
  let line = 0;
  let character = 0;
  let codePoints = 0;
  for (let index = 0; index < text.length && codePoints < codePointOffset; codePoints++) {
    const unit = text.charCodeAt(index);
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(index + 1) !== 0x0a)) {
      line++;
      character = 0;
      index++;
    } else if (unit === 0x0d) {
      // The `\r` of a `\r\n`: the line ends after the `\n`, which counts as its own code point.
      character++;
      index++;
    } else {
      const width = unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
      character += width;
      index += width;
    }
  }
  return { line, character };
}

export interface ReportedDiagnostic {
  line: number;
  character: number;
  code: string | undefined;
  message: string;
}

/** Leaves out the findings the server already reports for the same file, so none shows twice. */
export function notYetReported(
  findings: Finding[],
  positionOf: (finding: Finding) => Position,
  reportedIn: (file: string) => ReportedDiagnostic[],
): Finding[] {
  return findings.filter((finding) => {
    const start = positionOf(finding);
    return !reportedIn(finding.file).some(
      (reported) =>
        reported.line === start.line &&
        reported.character === start.character &&
        reported.code === finding.code &&
        reported.message === finding.message,
    );
  });
}
