import { type GenerationScope, generationPrefix } from "./keys";

/**
 * Keys of the committee's own records (issue #8): defense panels and review meetings, under the
 * generation prefix so that a reset wipes them with the round's other data (DESIGN.md §8).
 *
 * | pattern                                  | key                                                     |
 * | ---------------------------------------- | ------------------------------------------------------- |
 * | a defense panel (学科组)                  | PK `<gen>#PANEL#<id>` SK `PANEL`                        |
 * | the round's panels                       | GSI1 `<gen>#PANELS` / `<name>#<id>`                     |
 * | a review meeting                         | PK `<gen>#MEETING#<id>` SK `MEETING`                    |
 * | the round's meetings, oldest first        | GSI1 `<gen>#MEETINGS` / `<created>#<id>`                |
 * | one member's ballot on one application   | PK `<gen>#MEETING#<id>` SK `VOTE#<application>#<member>` |
 */
export const committeeKeys = {
  panel: (scope: GenerationScope, panelId: string) => ({
    PK: `${generationPrefix(scope)}#PANEL#${panelId}`,
    SK: "PANEL",
  }),
  roundPanels: (scope: GenerationScope) => `${generationPrefix(scope)}#PANELS`,
  meeting: (scope: GenerationScope, meetingId: string) => ({
    PK: `${generationPrefix(scope)}#MEETING#${meetingId}`,
    SK: "MEETING",
  }),
  roundMeetings: (scope: GenerationScope) => `${generationPrefix(scope)}#MEETINGS`,
  vote: (scope: GenerationScope, meetingId: string, applicationId: string, memberId: string) => ({
    PK: `${generationPrefix(scope)}#MEETING#${meetingId}`,
    SK: `VOTE#${applicationId}#${memberId}`,
  }),
  votesOn: (scope: GenerationScope, meetingId: string, applicationId: string) => ({
    PK: `${generationPrefix(scope)}#MEETING#${meetingId}`,
    prefix: `VOTE#${applicationId}#`,
  }),
};
