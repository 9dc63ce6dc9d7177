// Turns the extension's settings into the initialization options sent to the server. The shape
// mirrors gloss.toml (`checks` maps a check code to a level), so the server reads both alike.

export const CHECK_LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export type CheckLevel = (typeof CHECK_LEVELS)[number];

/** The check codes the settings offer; the server accepts any code it knows. */
export const CHECK_CODES = [
  'publication-date',
  'conflicting-figure',
  'percent-change',
  'share',
  'elapsed-time',
  'weekday',
  'sum',
  'unit-scale',
  'revision',
] as const;

export interface GlossSettings {
  /** `gloss.checks`: check code to level, as the user wrote it. */
  checks: Record<string, unknown>;
  /** `gloss.inlayHints.enabled`. */
  inlayHints: boolean;
}

export interface InitializationOptions {
  checks: Record<string, CheckLevel>;
  inlayHints: { enabled: boolean };
}

export interface Translation {
  options: InitializationOptions;
  /** Settings that were left out, each explained, for the output log. */
  problems: string[];
}

export function isCheckLevel(value: unknown): value is CheckLevel {
  return typeof value === 'string' && (CHECK_LEVELS as readonly string[]).includes(value);
}

export function initializationOptions(settings: GlossSettings): Translation {
  const checks: Record<string, CheckLevel> = {};
  const problems: string[] = [];
  for (const [code, level] of Object.entries(settings.checks ?? {})) {
    if (isCheckLevel(level)) {
      checks[code] = level;
    } else {
      problems.push(
        `gloss.checks: "${code}" is set to ${JSON.stringify(level)}; expected one of ${CHECK_LEVELS.join(', ')}`,
      );
    }
  }
  return { options: { checks, inlayHints: { enabled: settings.inlayHints } }, problems };
}
