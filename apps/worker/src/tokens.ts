export const PRISMA = Symbol('PRISMA');
export const RENDITION_STORAGE = Symbol('RENDITION_STORAGE');
export const TYPESETTING_THREADS = Symbol('TYPESETTING_THREADS');
/** The thread that makes units' copies (personalise-thread.ts), in the same kind of pool as the typesetting threads. */
export const PERSONALISING_THREADS = Symbol('PERSONALISING_THREADS');
