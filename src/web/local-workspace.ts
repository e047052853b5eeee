/** The ids the local page stands in for: one workspace, one officer, and a direct message with the bot. */
export interface LocalWorkspace {
  teamId: string;
  teamDomain: string;
  appId: string;
  userId: string;
  userName: string;
  /** The direct-message channel between the officer and the bot. */
  channelId: string;
  botId: string;
  botUserId: string;
  botName: string;
}

export const LOCAL_WORKSPACE: LocalWorkspace = {
  teamId: 'T0LOCAL',
  teamDomain: 'local',
  appId: 'A0LOCAL',
  userId: 'U0LOCAL',
  userName: 'you',
  channelId: 'D0LOCAL',
  botId: 'B0LOCAL',
  botUserId: 'U0BOT',
  botName: 'Committee Assistant',
};
