// What the status bar item says in each state of the server: starting, indexing (with the
// server's own progress message), ready (with the number of findings) or stopped.

export type ServerStatus =
  | { kind: 'starting' }
  | { kind: 'indexing'; title: string; message: string | undefined; percentage: number | undefined }
  | { kind: 'ready'; findings: number; articles: number }
  | { kind: 'stopped'; reason: string };

export interface StatusText {
  text: string;
  tooltip: string;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function statusText(status: ServerStatus): StatusText {
  switch (status.kind) {
    case 'starting':
      return { text: '$(loading~spin) gloss', tooltip: 'gloss: starting the language server' };
    case 'indexing': {
      const done = status.percentage === undefined ? '' : ` (${status.percentage}%)`;
      return {
        text: `$(loading~spin) gloss: ${status.message ?? status.title.toLowerCase()}`,
        tooltip: `gloss: ${status.title}${done}`,
      };
    }
    case 'ready':
      if (status.findings === 0) {
        return { text: '$(check) gloss: no findings', tooltip: 'gloss: no findings in the workspace' };
      }
      return {
        text: `$(warning) gloss: ${plural(status.findings, 'finding')}`,
        tooltip: `gloss: ${plural(status.findings, 'finding')} in ${plural(status.articles, 'article')}. Click to show the Problems panel.`,
      };
    case 'stopped':
      return { text: '$(error) gloss: stopped', tooltip: `gloss: ${status.reason}. Click to show the log.` };
  }
}
