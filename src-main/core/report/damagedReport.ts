/**
 * What the host says of a report whose stored content no longer reads, and
 * how the Report view gets the reason back out of it: the list marks the
 * report damaged when opening it finds a fault the list could not see.
 */

const SAYS = 'is damaged in this project file and cannot be opened or exported: ';
const ENDS = ". Delete it from the Report view's list.";

export function damagedReportMessage(id: number, name: string, reason: string): string {
  return `Report ${id} (“${name}”) ${SAYS}${reason}${ENDS}`;
}

/** The reason of a damagedReportMessage, or null for any other message. */
export function damageReason(message: string): string | null {
  const at = message.indexOf(SAYS);
  if (!message.startsWith('Report ') || at < 0 || !message.endsWith(ENDS)) return null;
  return message.slice(at + SAYS.length, message.length - ENDS.length);
}
