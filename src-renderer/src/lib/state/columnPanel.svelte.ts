/**
 * Which column's detail panel is open in the Data view. Opening remembers
 * what had focus (the header's button, or the grid when opened with Enter)
 * so closing gives it back, as a dialog would.
 */
class ColumnPanel {
  open = $state<{ datasetId: number; column: number } | null>(null);
  private returnFocus: HTMLElement | null = null;

  /** Opens the panel of `column` (the ColumnInfo index), or moves it there when already open. */
  show(datasetId: number, column: number, from: HTMLElement | null): void {
    if (from || !this.open) this.returnFocus = from;
    this.open = { datasetId, column };
  }

  isOpen(datasetId: number, column: number): boolean {
    return this.open !== null && this.open.datasetId === datasetId && this.open.column === column;
  }

  close(): void {
    if (!this.open) return;
    this.open = null;
    const target = this.returnFocus;
    this.returnFocus = null;
    if (target?.isConnected) target.focus({ preventScroll: true });
  }

  /** Closes without moving focus (the dataset went away, another project was opened). */
  dismiss(): void {
    this.open = null;
    this.returnFocus = null;
  }
}

export const columnPanel = new ColumnPanel();
