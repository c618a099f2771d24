/** Moving the active cell of the grid with the keyboard. */
export interface Cursor {
  row: number;
  col: number;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/**
 * The cursor after a key press, or null when the key is not a grid key.
 * Home/End move within the row; with Ctrl (or Cmd), to the first/last row.
 */
export function moveCursor(
  cursor: Cursor,
  key: KeyLike,
  size: { rows: number; cols: number; pageRows: number },
): Cursor | null {
  if (size.rows <= 0 || size.cols <= 0) return null;
  const mod = !!(key.ctrlKey || key.metaKey);
  let { row, col } = cursor;
  switch (key.key) {
    case 'ArrowDown':
      row = mod ? size.rows - 1 : row + 1;
      break;
    case 'ArrowUp':
      row = mod ? 0 : row - 1;
      break;
    case 'ArrowRight':
      col = mod ? size.cols - 1 : col + 1;
      break;
    case 'ArrowLeft':
      col = mod ? 0 : col - 1;
      break;
    case 'PageDown':
      row += size.pageRows;
      break;
    case 'PageUp':
      row -= size.pageRows;
      break;
    case 'Home':
      if (mod) row = 0;
      col = mod ? col : 0;
      break;
    case 'End':
      if (mod) row = size.rows - 1;
      col = mod ? col : size.cols - 1;
      break;
    default:
      return null;
  }
  return {
    row: Math.min(size.rows - 1, Math.max(0, row)),
    col: Math.min(size.cols - 1, Math.max(0, col)),
  };
}
