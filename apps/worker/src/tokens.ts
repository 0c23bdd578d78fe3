export const PRISMA = Symbol('PRISMA');
export const RENDITION_STORAGE = Symbol('RENDITION_STORAGE');
