import { Injectable } from '@nestjs/common';
import { isoDate } from '@dsyb/domain';
import type { AuthUser } from '../auth/auth.types';
import { notFound } from '../common/domain-errors';
import { PrismaService } from '../prisma/prisma.service';
import { EntriesService } from './entries.service';

/** An entry's saved versions (who, when, what; written by entry-revisions.ts), and bringing one back. */
@Injectable()
export class EntryRevisionsService {
  constructor(private readonly prisma: PrismaService, private readonly entries: EntriesService) {}

  async list(entryId: string) {
    const entry = await this.prisma.entry.findUnique({ where: { id: entryId }, select: { id: true } });
    if (!entry) throw notFound('条目', entryId);
    const revisions = await this.prisma.entryRevision.findMany({
      where: { entryId },
      orderBy: { version: 'desc' },
      include: { author: { select: { displayName: true, username: true } } },
    });
    return revisions.map(({ author, ...revision }) => ({
      ...revision,
      eventDate: isoDate(revision.eventDate),
      authorName: author?.displayName ?? null,
    }));
  }

  /** Restoring is a save of the revision's wording and place: a new version, decided like any save. */
  async restore(entryId: string, revisionVersion: number, readVersion: number, user: AuthUser) {
    const revision = await this.prisma.entryRevision.findUnique({ where: { entryId_version: { entryId, version: revisionVersion } } });
    if (!revision) throw notFound('条目历史版本', `${entryId} 第 ${revisionVersion} 版`);
    return this.entries.update(
      entryId,
      {
        version: readVersion,
        title: revision.title,
        bodyHtml: revision.bodyHtml,
        sectionId: revision.sectionId,
        eventDate: isoDate(revision.eventDate),
        eventDatePrecision: revision.eventDatePrecision,
      },
      user,
    );
  }
}
