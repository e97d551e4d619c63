/** Dutch text of the workbook reader (Iv3 from a selection, named range or table). Part of `nl` (see nl.ts). */
export const nlLezer = {} as const;
