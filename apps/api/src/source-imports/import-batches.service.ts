import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { dateFromFileName, IMPORT_BATCH_JOB, IMPORT_BATCH_JOB_OPTIONS, importBatchJobId, INTAKE_QUEUE, isoDate, parseIsoDate, type ImportBatchJobData } from '@dsyb/domain';
import type { Prisma } from '@dsyb/db';
import type { AuthUser } from '../auth/auth.types';
import { invalid, notFound } from '../common/domain-errors';
import { queueCall } from '../common/queue-timeout';
import { PrismaService } from '../prisma/prisma.service';
import type { PageOriginDto } from './source-import.dto';

/** A month of pages, with room for supplements. */
export const MAX_BATCH_FILES = 60;

export interface UploadedPageFile {
  originalname: string;
  buffer: Buffer;
}

const BATCH_INCLUDE = { files: { orderBy: { position: 'asc' }, omit: { bytes: true } } } satisfies Prisma.SourceImportBatchInclude;
type BatchRow = Prisma.SourceImportBatchGetPayload<{ include: typeof BATCH_INCLUDE }>;

/** Browsers send UTF-8 file names; multer reads them as Latin-1. */
function fileName(raw: string): string {
  const decoded = Buffer.from(raw, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? raw : decoded;
}

function presentBatch({ files, issueDate, ...batch }: BatchRow) {
  const count = (status: string) => files.filter((file) => file.status === status).length;
  return {
    ...batch,
    issueDate: issueDate ? isoDate(issueDate) : null,
    total: files.length,
    processed: count('done') + count('failed'),
    failed: count('failed'),
    created: files.reduce((sum, file) => sum + file.created, 0),
    skipped: files.reduce((sum, file) => sum + file.skipped, 0),
    files: files.map(({ batchId: _batchId, issueDate: fileDate, ...file }) => ({ ...file, issueDate: fileDate ? isoDate(fileDate) : null })),
  };
}

/** 批量导入: the files are stored with the batch, and the worker reads, splits and saves them one by one. */
@Injectable()
export class ImportBatchesService {
  private readonly logger = new Logger(ImportBatchesService.name);

  constructor(private readonly prisma: PrismaService, @InjectQueue(INTAKE_QUEUE) private readonly queue: Queue<ImportBatchJobData>) {}

  async create(origin: PageOriginDto, files: readonly UploadedPageFile[], user: AuthUser) {
    const newspaper = origin.newspaper?.trim();
    if (!newspaper) throw invalid('请填写报纸名称（newspaper）');
    if (files.length === 0) throw invalid('请选择要导入的版面文件（files）');
    if (files.length > MAX_BATCH_FILES) throw invalid(`一次最多导入 ${MAX_BATCH_FILES} 个文件`);
    const batch = await this.prisma.sourceImportBatch.create({
      data: {
        newspaper,
        issueDate: origin.issueDate ? parseIsoDate(origin.issueDate) : null,
        createdById: user.id,
        files: {
          create: files.map((file, position) => {
            const name = fileName(file.originalname).slice(0, 200);
            const named = dateFromFileName(name);
            return { position, name, page: origin.page?.trim() || null, issueDate: named ? parseIsoDate(named) : null, bytes: new Uint8Array(file.buffer) };
          }),
        },
      },
      include: BATCH_INCLUDE,
    });
    await this.enqueue(batch.id);
    return presentBatch(batch);
  }

  async get(id: string) {
    const batch = await this.prisma.sourceImportBatch.findUnique({ where: { id }, include: BATCH_INCLUDE });
    if (!batch) throw notFound('导入批次', id);
    return presentBatch(batch);
  }

  /**
   * The batch row and its files are the record: if Redis does not take the job within queueCall's
   * bound, the answer is still the batch (queued), which the admin follows, and the worker queues
   * it on its own once Redis is back (apps/worker/src/intake.processor.ts, every half minute).
   */
  private async enqueue(batchId: string): Promise<void> {
    try {
      await queueCall(() => this.queue.add(IMPORT_BATCH_JOB, { batchId }, { ...IMPORT_BATCH_JOB_OPTIONS, jobId: importBatchJobId(batchId) }));
    } catch (error) {
      this.logger.error(`导入批次 ${batchId} 未能排队，将由工作进程自动补排：${String((error as Error).cause)}`);
    }
  }
}
