import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/slack/app.js';

const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as {
  display_information: { name: string; description: string; long_description: string };
  features: { slash_commands: Array<{ command: string; description: string; usage_hint: string }>; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('manifest.json', () => {
  it('declares the commands the app registers, the events it handles and only the scopes it needs', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(Object.values(DEFAULT_SETTINGS.commands));
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it("stays within Slack's manifest field lengths", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeLessThanOrEqual(4_000);
    for (const c of manifest.features.slash_commands) {
      expect(c.command.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(2_000);
      expect(c.usage_hint.length).toBeLessThanOrEqual(1_000);
    }
  });
});
