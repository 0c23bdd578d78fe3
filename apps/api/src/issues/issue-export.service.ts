import { Injectable } from '@nestjs/common';
import { currentPublication, loadIssueSnapshot, readStoredSnapshot } from '@dsyb/db';
import { buildIssueDocx } from '@dsyb/typeset';
import { notFound } from '../common/domain-errors';
import { wordExport } from '../common/download';
import { PrismaService } from '../prisma/prisma.service';

/**
 * 导出 Word: the issue as a .docx for the people who edit the office's material in Word or WPS.
 * A published issue exports its publication (what it printed, figures included: libs/db
 * issue-publication.ts), never the live tables; any other issue what a proof would print now.
 */
@Injectable()
export class IssueExportService {
  constructor(private readonly prisma: PrismaService) {}

  async docx(issueId: string): Promise<{ content: Buffer; filename: string }> {
    const issue = await this.prisma.issue.findUnique({ where: { id: issueId } });
    if (!issue) throw notFound('期刊', issueId);
    const published = issue.status === 'published';
    const snapshot = published
      ? await readStoredSnapshot(this.prisma, (await currentPublication(this.prisma, issue)).snapshot)
      : await loadIssueSnapshot(this.prisma, issueId, 'proof', new Date());
    // Deleted between the two reads.
    if (!snapshot) throw notFound('期刊', issueId);
    const label = `总第${issue.serialNumber}期`;
    // After a correction (勘误) the revisions differ, and so do their names; a proof says it is one.
    const suffix = published ? (issue.revision > 1 ? `-第${issue.revision}版` : '') : '-校样';
    return { content: await wordExport(buildIssueDocx(snapshot), label), filename: `${label}-${issue.year}年${issue.month}月${suffix}.docx` };
  }
}
