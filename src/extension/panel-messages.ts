import type { PanelMessage } from '../webview/protocol';

/** Messages from the webview are untrusted input: only well-formed ones are acted on. */
export function parsePanelMessage(value: unknown): PanelMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'selectModel':
      return typeof message.model === 'string' && /^[\w.:/@-]{1,200}$/.test(message.model) ? { type: 'selectModel', model: message.model } : null;
    case 'applyCompression': {
      const options = message.options as Record<string, unknown> | undefined;
      if (typeof options !== 'object' || options === null) return null;
      if (options.removeExamples !== undefined && typeof options.removeExamples !== 'boolean') return null;
      return { type: 'applyCompression', options: { removeExamples: options.removeExamples === true } };
    }
    case 'saveScenario': {
      const scenario = message.scenario as Record<string, unknown> | undefined;
      if (typeof scenario !== 'object' || scenario === null) return null;
      const { name, mode, tiers } = scenario;
      if (typeof name !== 'string' || name.length === 0 || name.length > 100 || (mode !== 'split' && mode !== 'cascade') || !Array.isArray(tiers)) return null;
      const parsedTiers = tiers.map((tier: unknown) => {
        const entry = tier as Record<string, unknown> | null;
        return entry && typeof entry.model === 'string' && typeof entry.share === 'number' && entry.share >= 0 && entry.share <= 1
          ? { model: entry.model, share: entry.share }
          : null;
      });
      if (parsedTiers.length === 0 || parsedTiers.some((tier) => tier === null)) return null;
      return { type: 'saveScenario', scenario: { name, mode, tiers: parsedTiers as { model: string; share: number }[] } };
    }
    case 'followCursor':
      return typeof message.follow === 'boolean' ? { type: 'followCursor', follow: message.follow } : null;
    default:
      return null;
  }
}
