export const PRISMA = Symbol('PRISMA');
export const RENDITION_STORAGE = Symbol('RENDITION_STORAGE');
export const TYPESETTING_THREADS = Symbol('TYPESETTING_THREADS');
