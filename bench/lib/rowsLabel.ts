/** "1M rows", "10M rows", "20,000 rows": how goal lines name the size they were measured at. */
export function rowsLabel(rows: number): string {
  return rows >= 1_000_000 && rows % 1_000_000 === 0 ? `${rows / 1_000_000}M rows` : `${rows.toLocaleString('en-US')} rows`;
}
