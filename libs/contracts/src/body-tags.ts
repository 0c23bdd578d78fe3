/**
 * What an entry's rich text may hold: what the PDF prints (paragraphs, bold, lists, images with
 * captions). The API keeps these elements and drops every other one when it stores a body.
 */
export const BODY_TAGS = ['p', 'br', 'strong', 'b', 'em', 'ul', 'ol', 'li', 'figure', 'img', 'figcaption'] as const;
export type BodyTag = (typeof BODY_TAGS)[number];

/** The attributes kept, by element: an image's data and its alternative text. */
export const BODY_ATTRIBUTES: Readonly<Partial<Record<BodyTag, readonly string[]>>> = { img: ['src', 'alt'] };
