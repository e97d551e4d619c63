/** Dutch text of the task pane. Part of `nl` (see nl.ts). */
export const nlPaneel = {} as const;
