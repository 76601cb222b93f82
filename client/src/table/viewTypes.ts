// The table's view types, as package.json declares them (customEditors; the merge panel).
export const TABLE_VIEW_TYPE = 'cmlog.table';
export const MERGE_VIEW_TYPE = 'cmlog.mergeTable';
