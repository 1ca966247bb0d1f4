// Input limits shown in forms (maxlength, hints) and enforced by the schemas; no imports, so that pages
// can use them without loading a validator.
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const NAME_MAX = 100;
