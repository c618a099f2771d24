/** Assay's version, shown in the app and written into run records. */
export const ASSAY_VERSION = '0.1.0';
