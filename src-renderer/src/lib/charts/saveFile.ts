/**
 * Hands an exported file to the analyst: a download in the browser, and
 * Electron's save dialog (its default download behaviour) on the desktop.
 */
export function saveFile(fileName: string, mime: string, data: string, base64: boolean): void {
  const bytes = base64 ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
