import { notices } from '../state/notices.svelte';

/** Copies text to the clipboard; says so, or why not (a web host on plain http may refuse). */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notices.info(`${what} copied as tab-separated text: paste it into Excel or PowerPoint.`);
  } catch (err) {
    notices.error(err, `Could not copy ${what.toLowerCase()}`);
  }
}
