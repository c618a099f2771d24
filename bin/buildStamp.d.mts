export interface InputsFingerprint {
  hash: string;
  files: number;
}
export function stampPath(root: string): string;
export function inputsFingerprint(root: string): InputsFingerprint;
export function removeStamp(root: string): void;
export function writeStamp(root: string, fingerprint: InputsFingerprint): void;
export function isBuildCurrent(root: string): boolean;
export function buildStampPlugin(root: string): { name: string; apply: 'build'; buildStart(): void; writeBundle(): void };
