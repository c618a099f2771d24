import { COLUMN_KINDS, type ColumnInfo, type ColumnKind } from '../../../../src-main/core/data/columns';
import { kindOverrideRefusal } from '../../../../src-main/core/data/kindOverrides';

export interface KindChoice {
  kind: ColumnKind;
  /** Why the host would refuse this kind whatever the values, or null when it may be chosen. */
  refusal: string | null;
}

/**
 * The kinds a column's menu offers. Date/time is listed only for a column
 * read as one (no other column can become one); kinds the column can never
 * take stay listed, disabled, with the reason.
 */
export function kindChoices(column: Pick<ColumnInfo, 'name' | 'inferredKind'>): KindChoice[] {
  return COLUMN_KINDS.filter((k) => k !== 'datetime' || column.inferredKind === 'datetime').map((kind) => ({
    kind,
    refusal: kindOverrideRefusal(column, kind),
  }));
}
