/**
 * Slack's Block Kit and message limits (docs.slack.dev, "Block Kit" reference pages). Renderers split
 * or trim to stay inside them; they never throw because an answer is long.
 */
export const LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  /** Message `text`: Slack truncates beyond this. */
  messageText: 40_000,
  sectionText: 3_000,
  /** A context block's text element; Slack allows more, this keeps each line readable. */
  contextText: 2_000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2_000,
  actionId: 255,
  blockId: 255,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  placeholderText: 150,
  modalTitle: 24,
  modalButtonText: 24,
  privateMetadata: 3_000,
  inputMaxLength: 3_000,
} as const;
