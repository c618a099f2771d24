/**
 * File names made from model ids, for every file a run writes per model
 * (`<id>.assaymodel`, `cv_results_<id>.csv`) and for saved and exported
 * models. A model id may hold any character; a file name may not hold `/`,
 * `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|` or control characters on some
 * system, nor start with a dot (hidden, or `..`), nor be one of Windows'
 * device names, and case-insensitive disks take `RF` and `rf` for one name.
 * Within a run every model gets its own stem: when two ids clean to the same
 * name, the later one gets `-2`, `-3`, …, and the caller says which file
 * holds which model.
 */

/** Longest stem kept: the file names stay well under the 255-byte limit with their prefix and extension. */
const MAX_STEM = 120;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** The id as a file name stem: characters a file system refuses become `_`. */
export function safeFileStem(id: string): string {
  // eslint-disable-next-line no-control-regex
  let s = id.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]/g, '_').replace(/^\.+/, (dots) => '_'.repeat(dots.length));
  // Windows drops a trailing dot or space, which would make two names one.
  s = s.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
  if (s === '') s = '_';
  if (WINDOWS_DEVICES.test(s)) s = `${s}_`;
  return [...s].slice(0, MAX_STEM).join('');
}

export interface ModelFileStem {
  modelId: string;
  stem: string;
  /** Why the stem is not the id itself, or null when it is. */
  changed: string | null;
}

/**
 * One stem per model id, distinct within the list regardless of case. Ids
 * that are already safe file names keep them; the others, in order, take
 * their cleaned name, with `-2`, `-3`, … when it is taken.
 */
export function modelFileStems(modelIds: readonly string[]): ModelFileStem[] {
  /** Stems claimed so far, by their lower-case form. */
  const taken = new Map<string, string>();
  const out = new Map<string, ModelFileStem>();
  const claim = (id: string, stem: string, why: string | null) => {
    taken.set(stem.toLowerCase(), stem);
    out.set(id, { modelId: id, stem, changed: why });
  };
  for (const id of modelIds) {
    if (safeFileStem(id) === id && !taken.has(id.toLowerCase())) claim(id, id, null);
  }
  for (const id of modelIds) {
    if (out.has(id)) continue;
    const safe = safeFileStem(id);
    const other = taken.get(safe.toLowerCase());
    let stem = safe;
    for (let k = 2; taken.has(stem.toLowerCase()); k++) stem = `${safe}-${k}`;
    const unsafe = safe !== id ? 'its id has characters a file name cannot hold' : null;
    const clash =
      other === undefined
        ? null
        : `another model's files are named "${other}"${other !== safe ? ' (names that differ only in case are one file on some disks)' : ''}`;
    claim(id, stem, [unsafe, clash].filter((x) => x !== null).join(', and '));
  }
  return modelIds.map((id) => out.get(id)!);
}
