import { bookTitle } from '@dsyb/contracts';
import { htmlToBlocks } from '@dsyb/rich-text';
import { lowResolutionFigures } from '@dsyb/typeset';
import type { Prisma } from '@dsyb/db';

/**
 * What the issue will not print well, said at 签发 (the sign-off answer's `printWarnings`): its
 * figures below 150 dpi at the size they print, one sentence each naming the entry, in print
 * order. A warning, not a refusal: the office decides whether a soft photo is good enough.
 */
export async function issuePrintWarnings(tx: Prisma.TransactionClient, issueId: string): Promise<string[]> {
  const entries = await tx.entry.findMany({
    where: { issueId },
    select: { title: true, bodyHtml: true },
    orderBy: [{ section: { position: 'asc' } }, { position: 'asc' }, { createdAt: 'asc' }],
  });
  return entries.flatMap((entry) => lowResolutionFigures(htmlToBlocks(entry.bodyHtml)).map((warning) => `条目${bookTitle(entry.title)}${warning.message}`));
}
